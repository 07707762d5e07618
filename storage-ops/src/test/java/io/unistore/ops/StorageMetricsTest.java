package io.unistore.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unistore.Capability;
import io.unistore.ErrorCode;
import io.unistore.StorageAccount;
import io.unistore.StorageException;
import io.unistore.blob.AccessTier;
import io.unistore.file.CreateShareOptions;
import io.unistore.table.TableEntity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** {@link StorageMetrics} on every back end: counts, tiers, prefixes, ages, largest, sampling, tables, queues, shares. */
class StorageMetricsTest {
    static List<Backends.Backend> targets() {
        return Backends.targets();
    }

    static List<Backends.Backend> tableTargets() {
        return Backends.tableTargets();
    }

    /** 3 blobs at the root, and 12 prefixes a0/.. a11/ of i+1 blobs each (sizes 100 * (i+1) + j). */
    static long seed(StorageAccount account) {
        account.blobs().createContainer("metrics");
        long bytes = 0;
        for (int r = 0; r < 3; r++) {
            account.blobs().upload("metrics", "root" + r + ".txt", new byte[10 + r]);
            bytes += 10 + r;
        }
        for (int i = 0; i < 12; i++) {
            for (int j = 0; j <= i; j++) {
                int size = 100 * (i + 1) + j;
                account.blobs().upload("metrics", "a" + i + "/sub/b" + j, new byte[size]);
                bytes += size;
            }
        }
        return bytes;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void countsBytesTiersPrefixesAgesAndLargest(Backends.Backend backend) {
        try (StorageAccount account = backend.open().get()) {
            long bytes = seed(account);
            List<OpsProgress> progress = new ArrayList<>();
            MetricsResult r = StorageMetrics.collect(account, MetricsOptions.account().withContainer("metrics")
                    .withPrefixDepth(2).withTopN(3).withNow(Instant.now().plus(Duration.ofDays(100)))
                    .withProgress(progress::add));
            ContainerMetrics c = r.containers().get(0);
            assertThat(c.objects()).isEqualTo(81);
            assertThat(c.bytes()).isEqualTo(bytes);
            assertThat(c.estimated()).isFalse();
            assertThat(c.byTier().values().stream().mapToLong(ContainerMetrics.Counts::objects).sum()).isEqualTo(81);
            if (account.capabilities().has(Capability.BLOB_TIERS)) {
                assertThat(c.byTier()).containsKey(AccessTier.HOT.name());
            }
            assertThat(c.byPrefix()).containsEntry("(root)", new ContainerMetrics.Counts(3, 33))
                    .containsEntry("a11/sub/", new ContainerMetrics.Counts(12, 12 * 1200 + 66)).hasSize(13);
            assertThat(c.largest()).extracting(ContainerMetrics.Item::name)
                    .containsExactly("a11/sub/b11", "a11/sub/b10", "a11/sub/b9");
            assertThat(c.ageHistogram()).filteredOn(b -> b.minDays() == 90).singleElement()
                    .satisfies(b -> assertThat(b.objects()).isEqualTo(81));
            assertThat(r.interrupted()).isFalse();
            assertThat(progress).isNotEmpty().last().satisfies(p -> assertThat(p.phase()).isEqualTo("done"));

            MetricsResult depth1 = StorageMetrics.collect(account, MetricsOptions.account().withContainer("metrics")
                    .withMaxPrefixes(5));
            assertThat(depth1.containers().get(0).byPrefix()).hasSize(6).containsKey("(other)");
            assertThat(depth1.containers().get(0).prefixesTruncated()).isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void samplingEstimatesWithinTheStatedBound(Backends.Backend backend) {
        try (StorageAccount account = backend.open().get()) {
            long bytes = seed(account);
            ContainerMetrics c = StorageMetrics.collect(account, MetricsOptions.account().withContainer("metrics")
                    .withSamplePercent(50)).containers().get(0);
            assertThat(c.estimated()).isTrue();
            assertThat(c.objectsErrorBound()).isPositive();
            assertThat(Math.abs(c.objects() - 81)).isLessThanOrEqualTo(c.objectsErrorBound());
            assertThat(Math.abs(c.bytes() - bytes)).isLessThanOrEqualTo(c.bytesErrorBound());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tableTargets")
    void countsEntitiesPerPartitionWithSkew(Backends.Backend backend) {
        try (StorageAccount account = backend.open().get()) {
            account.tables().createTable("skewed");
            for (int p = 0; p < 4; p++) {
                int n = p == 3 ? 20 : 4;
                for (int i = 0; i < n; i++) {
                    account.tables().insertEntity("skewed", TableEntity.builder("p" + p, "r" + i).put("V", i).build());
                }
            }
            TableMetrics t = StorageMetrics.collect(account, MetricsOptions.account().withTable("skewed").withTopN(2))
                    .tables().get(0);
            assertThat(t.entities()).isEqualTo(32);
            assertThat(t.partitions()).isEqualTo(4);
            assertThat(t.largestPartitions()).containsExactly(new TableMetrics.Partition("p3", 20),
                    new TableMetrics.Partition("p0", 4));
            assertThat(t.skew()).isEqualTo(20 / 8.0);
        }
    }

    @Test
    void queueDepthAndHeadAgeAndShareUsageOnLocal() {
        try (StorageAccount account = Backends.local()) {
            account.queues().createQueue("jobs");
            account.queues().sendMessage("jobs", "first");
            account.queues().sendMessage("jobs", "second");
            account.files().createShare("docs", CreateShareOptions.defaults().withQuotaGb(1));
            account.files().createDirectories("docs", "x/y");
            account.files().upload("docs", "x/y/f.bin", new byte[1 << 20]);
            account.files().upload("docs", "top.txt", new byte[100]);
            MetricsResult r = StorageMetrics.collect(account, MetricsOptions.account()
                    .withNow(Instant.now().plusSeconds(3600)));
            QueueMetrics q = r.queues().get(0);
            assertThat(q.approximateMessages()).isEqualTo(2);
            assertThat(q.oldestMessageAgeSeconds()).isBetween(3590L, 3700L);
            ShareMetrics s = r.shares().get(0);
            assertThat(s.files()).isEqualTo(2);
            assertThat(s.directories()).isEqualTo(2);
            assertThat(s.bytes()).isEqualTo((1 << 20) + 100);
            assertThat(s.quotaGb()).isEqualTo(1);
            assertThat(s.usedPercent()).isCloseTo(100.0 * ((1 << 20) + 100) / (1 << 30), org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    @Test
    void crossedThresholdsAreReportedAsAlertsWithTheMeasuredValueAndScope() {
        try (StorageAccount account = Backends.local()) {
            seed(account);
            account.blobs().createContainer("small");
            account.blobs().upload("small", "one", new byte[5]);
            account.queues().createQueue("jobs");
            account.queues().sendMessage("jobs", "first");
            account.queues().sendMessage("jobs", "second");
            account.files().createShare("docs", CreateShareOptions.defaults().withQuotaGb(1));
            account.files().upload("docs", "big.bin", new byte[1 << 20]);
            MetricsThresholds limits = MetricsThresholds.NONE.withMaxObjects(80).withMaxBytes(1_000_000)
                    .withMaxQueueDepth(1).withMaxQueueAgeSeconds(600).withMaxShareUsedPercent(0.05);
            MetricsResult r = StorageMetrics.collect(account, MetricsOptions.account().withThresholds(limits)
                    .withNow(Instant.now().plusSeconds(3600)));
            assertThat(r.alerts()).extracting(MetricsThresholds.Alert::threshold, MetricsThresholds.Alert::scope)
                    .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("maxObjects", "container:metrics"),
                            org.assertj.core.groups.Tuple.tuple("maxQueueDepth", "queue:jobs"),
                            org.assertj.core.groups.Tuple.tuple("maxQueueAgeSeconds", "queue:jobs"),
                            org.assertj.core.groups.Tuple.tuple("maxBytes", "share:docs"),
                            org.assertj.core.groups.Tuple.tuple("maxShareUsedPercent", "share:docs"));
            assertThat(r.alerts()).filteredOn(a -> a.threshold().equals("maxObjects")).singleElement()
                    .satisfies(a -> {
                        assertThat(a.limit()).isEqualTo(80);
                        assertThat(a.measured()).isEqualTo(81);
                    });
            assertThat(r.alerts()).filteredOn(a -> a.threshold().equals("maxQueueDepth")).singleElement()
                    .satisfies(a -> assertThat(a.measured()).isEqualTo(2));
            // At the limit is not over it; no thresholds, no alerts.
            assertThat(StorageMetrics.collect(account, MetricsOptions.account().withContainer("metrics")
                    .withThresholds(limits.withMaxObjects(81))).alerts()).isEmpty();
            assertThat(StorageMetrics.collect(account, MetricsOptions.account()).alerts()).isEmpty();
        }
        assertThatThrownBy(() -> MetricsThresholds.NONE.withMaxBytes(-2)).hasMessageContaining("maxBytes");
        assertThatThrownBy(() -> MetricsThresholds.NONE.withMaxShareUsedPercent(101))
                .hasMessageContaining("maxShareUsedPercent");
    }

    @Test
    void interruptingStopsTheWalkAndSaysSo() {
        try (StorageAccount account = Backends.local()) {
            seed(account);
            AtomicInteger reports = new AtomicInteger();
            MetricsResult r;
            try {
                r = StorageMetrics.collect(account, MetricsOptions.account().withProgress(p -> {
                    if (reports.incrementAndGet() == 2) {
                        Thread.currentThread().interrupt();
                    }
                }).withProgressInterval(Duration.ZERO));
            } finally {
                Thread.interrupted();
            }
            assertThat(r.interrupted()).isTrue();
            assertThat(r.totalObjects()).isLessThan(81);
        }
    }

    @Test
    void badOptionsNameTheField() {
        assertThatThrownBy(() -> MetricsOptions.account().withTopN(5000)).isInstanceOf(StorageException.class)
                .hasMessageContaining("topN").matches(e -> ((StorageException) e).code() == ErrorCode.INVALID_ARGUMENT);
        assertThatThrownBy(() -> MetricsOptions.account().withContainer("a").withTable("b"))
                .hasMessageContaining("container/table/queue/share");
        assertThatThrownBy(() -> MetricsOptions.account().withSamplePercent(0)).hasMessageContaining("samplePercent");
    }
}
