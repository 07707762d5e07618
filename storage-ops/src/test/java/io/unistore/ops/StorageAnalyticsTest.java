package io.unistore.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.unistore.Capability;
import io.unistore.ErrorCode;
import io.unistore.StorageAccount;
import io.unistore.StorageException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link MetricsHistory} and {@link StorageAnalytics}: runs of a local account recorded at chosen instants into a
 * history table on each table back end, read back as growth and a forecast checked against a hand calculation.
 */
class StorageAnalyticsTest {
    /** Monday 2 March 2026, 10:00 UTC; the runs are on days 0, 1, 2 and 7 after it. */
    static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    static final int[] DAYS = {0, 1, 2, 7};
    /** Bytes of container "a" at each run (blobs of 100, 50, 40 and 70 bytes added); "b" holds 10 throughout. */
    static final long[] A_BYTES = {100, 150, 190, 260};

    static List<Backends.Backend> tableTargets() {
        return Backends.tableTargets();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tableTargets")
    void growthPerDayAndWeekAndForecastMatchAHandCalculation(Backends.Backend backend) {
        try (StorageAccount data = Backends.local(); StorageAccount history = backend.open().get()) {
            data.blobs().createContainer("aaa");
            data.blobs().createContainer("bbb");
            data.blobs().upload("bbb", "fixed", new byte[10]);
            long[] added = {100, 50, 40, 70};
            for (int i = 0; i < DAYS.length; i++) {
                data.blobs().upload("aaa", "blob" + i, new byte[(int) added[i]]);
                MetricsResult r = StorageMetrics.collect(data, MetricsOptions.account().withNow(at(i)));
                assertThat(MetricsHistory.record(history, "metrichist", "data", r)).isEqualTo(2);
                if (i == 1) {
                    AnalyticsReport two = StorageAnalytics.analyze(history, AnalyticsOptions.of("data")
                            .withTable("metrichist"));
                    assertThat(two.forecasts()).isEmpty();
                    assertThat(two.forecastRefused()).contains("at least 3 recorded runs", "found 2");
                }
            }

            AnalyticsReport report = StorageAnalytics.analyze(history, AnalyticsOptions.of("data")
                    .withTable("metrichist").withForecastDays(30));
            assertThat(report.runs()).isEqualTo(4);
            assertThat(report.from()).isEqualTo(at(0));
            assertThat(report.to()).isEqualTo(at(3));
            AnalyticsReport.Series a = series(report, "container", "aaa", null);
            assertThat(a.first().bytes()).isEqualTo(100);
            assertThat(a.last().bytes()).isEqualTo(260);
            assertThat(a.bytesPerDay()).isCloseTo(160 / 7.0, within(1e-9));
            assertThat(a.objectsPerDay()).isCloseTo(3 / 7.0, within(1e-9));
            // Days: 2, 3, 4 and 9 March; each change is from the last sample before the day.
            assertThat(a.daily()).extracting(AnalyticsReport.Period::bytes).containsExactly(100L, 150L, 190L, 260L);
            assertThat(a.daily()).extracting(AnalyticsReport.Period::bytesChange).containsExactly(0L, 50L, 40L, 70L);
            assertThat(a.daily().get(3).start()).isEqualTo(Instant.parse("2026-03-09T00:00:00Z"));
            // Weeks from Monday: 2-8 March ends at 190 (+90 from the first run), 9-15 March at 260 (+70).
            assertThat(a.weekly()).extracting(AnalyticsReport.Period::start)
                    .containsExactly(Instant.parse("2026-03-02T00:00:00Z"), Instant.parse("2026-03-09T00:00:00Z"));
            assertThat(a.weekly()).extracting(AnalyticsReport.Period::bytesChange).containsExactly(90L, 70L);
            AnalyticsReport.Series total = series(report, "total", "(all)", null);
            assertThat(total.last().bytes()).isEqualTo(270);
            assertThat(total.last().objects()).isEqualTo(5);
            assertThat(series(report, "container", "bbb", null).bytesPerDay()).isZero();
            if (data.capabilities().has(Capability.BLOB_TIERS)) {
                assertThat(series(report, "container", "aaa", "HOT").last().bytes()).isEqualTo(260);
            }

            // Hand calculation for "a": x = 0, 1, 2, 7 days, y = 100, 150, 190, 260. Mean x 2.5, mean y 175;
            // Sxx = 6.25 + 2.25 + 0.25 + 20.25 = 29; Sxy = 187.5 + 37.5 - 7.5 + 382.5 = 600; slope = 600/29;
            // intercept = 175 - 2.5 * 600/29 = 3575/29. Forecast 30 days after day 7, at x0 = 37:
            // (3575 + 37 * 600) / 29 = 25775/29. Residuals * 29: -675, 175, 735, -235, so
            // SSR = (675^2 + 175^2 + 735^2 + 235^2) / 29^2 = 1081700/841; s = sqrt(SSR / 2);
            // half-width = 1.96 * s * sqrt(1 + 1/4 + (37 - 2.5)^2 / 29).
            double s = Math.sqrt(1081700.0 / 841 / 2);
            double half = 1.96 * s * Math.sqrt(1 + 0.25 + 34.5 * 34.5 / 29);
            AnalyticsReport.Forecast f = report.forecasts().stream().filter(x -> x.name().equals("aaa")).findFirst()
                    .orElseThrow();
            assertThat(f.points()).isEqualTo(4);
            assertThat(f.at()).isEqualTo(at(3).plus(Duration.ofDays(30)));
            assertThat(f.bytesPerDay()).isCloseTo(600 / 29.0, within(1e-9));
            assertThat(f.bytes()).isEqualTo(Math.round(25775 / 29.0));
            assertThat(f.residualStdError()).isCloseTo(s, within(1e-9));
            assertThat(f.low()).isEqualTo(Math.round(25775 / 29.0 - half));
            assertThat(f.high()).isEqualTo(Math.round(25775 / 29.0 + half));
            // The total is "a" plus 10 bytes: the same line, 10 higher.
            AnalyticsReport.Forecast t = report.forecasts().get(0);
            assertThat(t.kind()).isEqualTo("total");
            assertThat(t.bytes()).isEqualTo(Math.round(25775 / 29.0 + 10));

            // A range of the first three runs, one container.
            AnalyticsReport range = StorageAnalytics.analyze(history, AnalyticsOptions.of("data")
                    .withTable("metrichist").withRange(at(0), at(2)).withContainer("aaa"));
            assertThat(range.runs()).isEqualTo(3);
            assertThat(series(range, "container", "aaa", null).last().bytes()).isEqualTo(190);
            assertThat(range.series()).noneMatch(x -> x.name().equals("bbb"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tableTargets")
    void badInputIsRefusedNamingTheField(Backends.Backend backend) {
        try (StorageAccount history = backend.open().get()) {
            assertThatThrownBy(() -> StorageAnalytics.analyze(history, AnalyticsOptions.of("x").withTable("nohist")))
                    .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.code())
                            .isEqualTo(ErrorCode.NOT_FOUND));
            assertThatThrownBy(() -> AnalyticsOptions.of("a/b")).hasMessageContaining("source");
            assertThatThrownBy(() -> AnalyticsOptions.of("x".repeat(201))).hasMessageContaining("source");
            assertThatThrownBy(() -> AnalyticsOptions.of("x").withForecastDays(-1)).hasMessageContaining("forecastDays");
            assertThatThrownBy(() -> AnalyticsOptions.of("x").withRange(T0, T0.minusSeconds(1)))
                    .hasMessageContaining("from");
            // A quote in the source cannot widen the filter.
            MetricsResult empty = StorageMetrics.collect(history, MetricsOptions.account().withNow(T0));
            MetricsHistory.record(history, "quotes", "o'x", empty);
        }
    }

    private static Instant at(int run) {
        return T0.plus(Duration.ofDays(DAYS[run]));
    }

    private static AnalyticsReport.Series series(AnalyticsReport r, String kind, String name, String tier) {
        return r.series().stream().filter(s -> s.kind().equals(kind) && s.name().equals(name)
                && java.util.Objects.equals(s.tier(), tier)).findFirst().orElseThrow(() -> new AssertionError(
                "no series " + kind + " " + name + " " + tier + " in " + r.series()));
    }
}
