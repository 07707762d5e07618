package io.unistore.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.unistore.StorageAccount;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link CostAnalysis} checked against hand calculations, on every back end. */
class CostAnalysisTest {
    static final double GIB = 1L << 30;
    static final Instant IN_200_DAYS = Instant.now().plus(Duration.ofDays(200));

    @TempDir
    Path dir;

    static List<Backends.Backend> targets() {
        return Backends.targets();
    }

    /** "old": 4 blobs of 2 MiB; "small": 2 blobs of 1 MiB. All 200 days old at {@link #IN_200_DAYS}. */
    static void seed(StorageAccount account) {
        account.blobs().createContainer("old");
        account.blobs().createContainer("small");
        for (int i = 0; i < 4; i++) {
            account.blobs().upload("old", "log/" + i, new byte[2 << 20]);
        }
        for (int i = 0; i < 2; i++) {
            account.blobs().upload("small", "x" + i, new byte[1 << 20]);
        }
    }

    @Test
    void operationCountsArePricedPerContainerAndClassAgainstTheHandCalculation() {
        try (StorageAccount account = Backends.local()) {
            seed(account);
            OperationCounts.Tally tally = new OperationCounts.Tally();
            for (int i = 0; i < 300; i++) {
                tally.add("old", "blob", "upload");
            }
            for (int i = 0; i < 20; i++) {
                tally.add("old", "blob", "list");
            }
            for (int i = 0; i < 5000; i++) {
                tally.add("small", "blob", "openInputStream");
            }
            tally.add("small", "blob", "delete");
            tally.add("t", "table", "upsertEntity"); // not a blob operation: not counted
            Instant to = Instant.parse("2026-12-01T00:00:00Z");
            OperationCounts counts = tally.build("a test tally", to.minus(Duration.ofDays(15)), to, true);
            CostReport r = CostAnalysis.analyze(account, CostOptions.defaults().withPrices("azure", null, null)
                    .withNow(IN_200_DAYS).withOperations(counts));
            // 15 days scaled to 30: x2. Hot, East US: write 0.05, read 0.004 per 10,000; deletes free.
            //   old:   (300 + 20) * 2 / 10000 * 0.05  = 0.0032
            //   small: 5000 * 2 / 10000 * 0.004       = 0.004
            assertThat(r.byOperation()).extracting(CostReport.OperationLine::container,
                    CostReport.OperationLine::operationClass, CostReport.OperationLine::counted).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("old", "list", 20L),
                    org.assertj.core.groups.Tuple.tuple("old", "write", 300L),
                    org.assertj.core.groups.Tuple.tuple("small", "delete", 1L),
                    org.assertj.core.groups.Tuple.tuple("small", "read", 5000L));
            assertThat(r.byOperation().get(1).monthly()).isCloseTo(300 * 2 / 10000.0 * 0.05, within(1e-12));
            assertThat(r.byOperation().get(2).monthly()).isZero();
            assertThat(r.monthlyOperations()).isCloseTo(0.0032 + 0.004, within(1e-12));
            assertThat(r.operations()).contains("a test tally", "15.00 days", "scaled to 30 days")
                    .doesNotContain("not included");
            assertThat(CostAnalysis.analyze(account, CostOptions.defaults().withNow(IN_200_DAYS)).operations())
                    .contains("not included");
            assertThatThrownBy(() -> tally.build("x", to, to, true)).hasMessageContaining("operations.from/to");
        }
    }

    @Test
    void azurePricesOfALocalAccountMatchTheHandCalculation() {
        try (StorageAccount account = Backends.local()) {
            seed(account);
            CostReport r = CostAnalysis.analyze(account, CostOptions.defaults().withPrices("azure", null, null)
                    .withNow(IN_200_DAYS));
            assertThat(r.provider()).isEqualTo("azure");
            assertThat(r.region()).isEqualTo("eastus");
            assertThat(r.currency()).isEqualTo("USD");
            // Hot, East US: 0.018 per GiB-month. old = 8 MiB = 8/1024 GiB; small = 2/1024 GiB.
            double old = 8 / 1024.0;
            double small = 2 / 1024.0;
            assertThat(r.monthlyStorage()).isCloseTo((old + small) * 0.018, within(1e-12));
            assertThat(r.byContainer()).extracting(CostReport.Line::container, CostReport.Line::tier,
                    CostReport.Line::objects, CostReport.Line::bytes).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("old", "HOT", 4L, 8L << 20),
                    org.assertj.core.groups.Tuple.tuple("small", "HOT", 2L, 2L << 20));
            assertThat(r.operations()).contains("not included");
            // For "old" (4 objects, 200 days), over 12 months:
            //   Cool:    12 * old * (0.018 - 0.01)    - 4/10000 * 0.10 = 0.00075    - 0.00004  = 0.00071
            //   Cold:    12 * old * (0.018 - 0.0036)  - 4/10000 * 0.18 = 0.00135    - 0.000072 = 0.001278
            //   Archive: 12 * old * (0.018 - 0.00099) - 4/10000 * 0.10 = 0.00159469 - 0.00004  = 0.00155469
            // so Archive; its early-deletion exposure is old * 0.00099 * 180 / 30.
            CostReport.Recommendation a = r.recommendations().get(0);
            assertThat(a.container()).isEqualTo("old");
            assertThat(a.fromTier()).isEqualTo("HOT");
            assertThat(a.toTier()).isEqualTo("ARCHIVE");
            assertThat(a.notModifiedDays()).isEqualTo(180);
            assertThat(a.objects()).isEqualTo(4);
            assertThat(a.monthlySaving()).isCloseTo(old * (0.018 - 0.00099), within(1e-12));
            assertThat(a.transitionCost()).isCloseTo(0.00004, within(1e-12));
            assertThat(a.netSaving()).isCloseTo(12 * old * (0.018 - 0.00099) - 0.00004, within(1e-12));
            assertThat(a.earlyDeletionExposure()).isCloseTo(old * 0.00099 * 6, within(1e-12));
            assertThat(a.evidence()).contains("4 objects", "not modified for 180 days");
            // "small": Archive nets 12 * small * 0.01701 - 2/10000 * 0.10 = 0.000398672 - 0.00002 > 0 too.
            assertThat(r.recommendations()).extracting(CostReport.Recommendation::container).containsExactly("old",
                    "small");
            assertThat(r.lifecyclePolicy()).contains("\"tierToArchive\":{\"daysAfterModificationGreaterThan\":180}",
                    "\"prefixMatch\":[\"old/\"]");
        }
    }

    @Test
    void aUserFileOverridesFiguresAndRetrievalCanOutweighTheSaving() throws Exception {
        Path prices = Files.writeString(dir.resolve("prices.json"), """
                {"regions": {"eastus": {"tiers": {
                   "HOT": {"storageGbMonth": {"value": 1.0, "asOf": "2026-01", "source": "contract"}},
                   "ARCHIVE": {"retrievalPerGb": {"value": 100.0, "asOf": "2026-01", "source": "contract"}}}}}}
                """);
        try (StorageAccount account = Backends.local()) {
            seed(account);
            CostReport r = CostAnalysis.analyze(account, CostOptions.defaults().withContainer("old")
                    .withPrices("azure", "eastus", prices).withReadFractionPerMonth(0.5).withNow(IN_200_DAYS));
            double old = 8 / 1024.0;
            assertThat(r.monthlyStorage()).isCloseTo(old * 1.0, within(1e-12));
            // Archive: 12 * old * ((1 - 0.00099) - 0.5 * 100)  - 4/10000 * 0.10 < 0
            // Cold:    12 * old * ((1 - 0.0036)  - 0.5 * 0.03) - 4/10000 * 0.18 = old * 11.7768 - 0.000072
            // Cool:    12 * old * ((1 - 0.01)    - 0.5 * 0.01) - 4/10000 * 0.10 = old * 11.82   - 0.00004, the best
            assertThat(r.recommendations()).singleElement().satisfies(best -> {
                assertThat(best.toTier()).isEqualTo("COOL");
                assertThat(best.notModifiedDays()).isEqualTo(30);
                assertThat(best.retrievalPerMonth()).isCloseTo(old * 0.5 * 0.01, within(1e-12));
                assertThat(best.netSaving()).isCloseTo(old * 11.82 - 0.00004, within(1e-12));
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void pricesEachBackEndAtItsOwnProvidersPrices(Backends.Backend backend) {
        try (StorageAccount account = backend.open().get()) {
            account.blobs().createContainer("priced");
            account.blobs().upload("priced", "a", new byte[1000]);
            account.blobs().upload("priced", "b", new byte[3000]);
            CostReport r = CostAnalysis.analyze(account, CostOptions.defaults().withNow(IN_200_DAYS));
            PriceTable prices = PriceTable.load(r.provider(), null, null);
            assertThat(r.provider()).isEqualTo(account.providerId());
            assertThat(r.byContainer()).singleElement().satisfies(l -> {
                assertThat(l.tier()).isEqualTo("HOT");
                assertThat(l.bytes()).isEqualTo(4000);
                assertThat(l.monthly()).isCloseTo(4000 / GIB * prices.of(io.unistore.blob.AccessTier.HOT)
                        .storageGbMonth().value(), within(1e-15));
            });
            // 4000 bytes save about 1e-7 a month, less than the two writes of any move: nothing is recommended.
            assertThat(r.recommendations()).isEmpty();
            assertThat(r.lifecyclePolicy()).isNull();
        }
    }

    @Test
    void badPriceArgumentsNameTheField() {
        assertThatThrownBy(() -> PriceTable.load("ibm", null, null)).hasMessageContaining("provider");
        assertThatThrownBy(() -> PriceTable.load("azure", "mars-1", null)).hasMessageContaining("region")
                .hasMessageContaining("mars-1");
        assertThatThrownBy(() -> CostOptions.defaults().withThresholds(30, 45, 180))
                .hasMessageContaining("coldAfterDays");
        assertThatThrownBy(() -> CostOptions.defaults().withThresholds(90, 30, 180))
                .hasMessageContaining("must increase");
    }

    @Test
    void everyBuiltInFigureHasADateAndASource() {
        for (String provider : List.of("azure", "aws", "gcp", "local")) {
            PriceTable t = PriceTable.load(provider, null, null);
            assertThat(t.egressPerGb().asOf()).isNotBlank();
            t.tiers().values().forEach(p -> List.of(p.storageGbMonth(), p.writePer10k(), p.readPer10k(),
                    p.retrievalPerGb(), p.earlyDeletionDays()).forEach(f -> {
                        assertThat(f.asOf()).as(provider).matches("\\d{4}-\\d{2}");
                        assertThat(f.source()).as(provider).isNotBlank();
                    }));
        }
    }
}
