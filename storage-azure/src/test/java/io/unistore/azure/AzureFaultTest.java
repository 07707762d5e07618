package io.unistore.azure;

import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.StorageAccount;
import io.unistore.Unistore;
import io.unistore.spi.ProviderConfig;
import io.unistore.tck.BlobFaultWorkload;
import io.unistore.tck.FaultRuns;
import io.unistore.tck.FaultTally;
import io.unistore.tck.FileFaultWorkload;
import io.unistore.tck.QueueFaultWorkload;
import io.unistore.tck.TableFaultWorkload;
import io.unistore.testsupport.azurefiles.AzureFilesStandIn;
import io.unistore.testsupport.azurefiles.LoopbackRedirectPolicy;
import io.unistore.testsupport.azurite.Azurite;
import io.unistore.testsupport.faults.FaultKind;
import io.unistore.testsupport.faults.FaultPlan;
import io.unistore.testsupport.faults.FaultProxies;
import io.unistore.testsupport.faults.FaultProxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The core paths of the four Azure stores with 20% of requests harmed by a {@link FaultProxy} between the SDK and
 * Azurite (or the Files stand-in): every operation must succeed and every byte and entity must verify through an
 * unfaulted account. {@code -Dunistore.faults.ops=N} runs N rounds per store instead of the CI-sized count.
 */
class AzureFaultTest {
    /** Retries for a 20% fault rate: 10 tries make a request that fails every time about 1 in 10^8. */
    static final Map<String, String> RETRIES = Map.of("versioning", "false", "maxRetries", "9",
            "retryDelayMs", "10", "maxRetryDelayMs", "100", "tryTimeoutMs", "20000");

    @Test
    void blobsSurviveFaults() {
        String container = AzuriteAccounts.name("faults");
        run((faulted, direct) -> new BlobFaultWorkload(faulted.blobs(), direct.blobs(), container, 16 * 1024,
                300 * 1024, 64 * 1024, 4).run(FaultRuns.ops(30), FaultRuns.seed()),
                direct -> direct.blobs().deleteContainer(container));
    }

    @Test
    void tablesSurviveFaults() {
        String table = AzuriteAccounts.table("faults");
        run((faulted, direct) -> new TableFaultWorkload(faulted.tables(), direct.tables(), table)
                .run(FaultRuns.ops(30), FaultRuns.seed()), direct -> direct.tables().deleteTable(table));
    }

    @Test
    void queuesSurviveFaults() {
        String queue = AzuriteAccounts.name("faults");
        run((faulted, direct) -> new QueueFaultWorkload(faulted.queues(), direct.queues(), queue,
                Duration.ofSeconds(1)).run(FaultRuns.ops(30), FaultRuns.seed()),
                direct -> direct.queues().deleteQueue(queue));
    }

    @Test
    void filesSurviveFaults() {
        FaultPlan plan = plan();
        AzureFilesStandIn standIn = AzureFilesStandIn.shared();
        String share = AzuriteAccounts.name("faults");
        try (FaultProxy proxy = FaultProxy.start(standIn.port(), plan);
             StorageAccount direct = FilesStandInAccounts.open()) {
            String connection = "AccountName=" + AzureFilesStandIn.ACCOUNT + ";AccountKey=" + AzureFilesStandIn.KEY
                    + ";FileEndpoint=" + AzureFilesStandIn.SDK_ENDPOINT;
            Map<String, String> options = new java.util.HashMap<>(RETRIES);
            options.put("downloadChunkSize", "65536");
            try (StorageAccount faulted = Unistore.of(AzureProvider.open(new ProviderConfig(connection,
                    options), List.of(new LoopbackRedirectPolicy(proxy.port()))))) {
                FaultTally t = new FileFaultWorkload(faulted.files(), direct.files(), share, 200 * 1024)
                        .run(FaultRuns.ops(30), FaultRuns.seed());
                report(t, plan);
            } finally {
                direct.files().deleteShare(share);
            }
        }
    }

    @Test
    void retryAfterIsHonouredOnlyUpToMaxRetryDelay() {
        // Tables run azure-core's RetryPolicy, which sleeps for whatever Retry-After says: here 30 s on every other
        // request. (Blob, Queue and Files run the storage SDK's RequestRetryPolicy, which does not read it.)
        FaultPlan plan = FaultPlan.of(7, 0.5).withKinds(FaultKind.THROTTLE_429).withRetryAfterSeconds(30);
        Azurite azurite = Azurite.shared();
        try (FaultProxies proxies = FaultProxies.inFrontOf(plan, azurite.tableEndpoint())) {
            StorageAccount a = Unistore.open(proxies.route(azurite.connectionString()), Map.of("maxRetries", "9",
                    "retryDelayMs", "10", "maxRetryDelayMs", "200"));
            String table = AzuriteAccounts.table("cap");
            long start = System.nanoTime();
            a.tables().createTable(table);
            for (int i = 0; i < 8; i++) {
                a.tables().upsertEntity(table, io.unistore.table.TableEntity.builder("p", "r" + i).put("N", i).build(),
                        io.unistore.table.UpdateMode.REPLACE);
            }
            assertThat(plan.counts().of(FaultKind.THROTTLE_429)).isPositive();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
        }
    }

    @Test
    void aTryThatHangsTimesOutAndIsRetried() {
        // Half the requests are held 4 s by the proxy; with tryTimeoutMs=500 the client gives up on them and retries.
        FaultPlan plan = FaultPlan.of(7, 0.5).withKinds(FaultKind.LATENCY)
                .withLatency(Duration.ofSeconds(4), Duration.ofSeconds(4));
        Azurite azurite = Azurite.shared();
        try (FaultProxies proxies = FaultProxies.inFrontOf(plan, azurite.tableEndpoint())) {
            StorageAccount a = Unistore.open(proxies.route(azurite.connectionString()), Map.of("maxRetries", "9",
                    "retryDelayMs", "10", "maxRetryDelayMs", "100", "tryTimeoutMs", "500"));
            String table = AzuriteAccounts.table("timeout");
            a.tables().createTableIfNotExists(table);
            for (int i = 0; i < 8; i++) {
                io.unistore.table.TableEntity e = io.unistore.table.TableEntity.builder("p", "r" + i).put("N", i)
                        .build();
                long start = System.nanoTime();
                a.tables().upsertEntity(table, e, io.unistore.table.UpdateMode.REPLACE);
                assertThat(Duration.ofNanos(System.nanoTime() - start)).as("upsert %d", i)
                        .isLessThan(Duration.ofMillis(3500));
                assertThat(AzuriteAccounts.open().tables().getEntity(table, "p", "r" + i)).isEqualTo(e);
            }
            assertThat(plan.counts().of(FaultKind.LATENCY)).isPositive();
        }
    }

    /** Runs a workload on Azurite behind three proxies (one plan), then removes what it made. */
    private static void run(BiFunction<StorageAccount, StorageAccount, FaultTally> workload,
                            Consumer<StorageAccount> cleanUp) {
        FaultPlan plan = plan();
        Azurite azurite = Azurite.shared();
        try (FaultProxies proxies = FaultProxies.inFrontOf(plan, azurite.blobEndpoint(), azurite.queueEndpoint(),
                azurite.tableEndpoint());
             StorageAccount faulted = open(proxies.route(azurite.connectionString()));
             StorageAccount direct = AzuriteAccounts.open()) {
            try {
                report(workload.apply(faulted, direct), plan);
            } finally {
                cleanUp.accept(direct);
            }
        }
    }

    private static StorageAccount open(String connectionString) {
        Map<String, String> options = new java.util.HashMap<>(RETRIES);
        options.put("downloadChunkSize", "65536");
        return Unistore.open(connectionString, options);
    }

    static FaultPlan plan() {
        return FaultPlan.of(FaultRuns.seed(), FaultRuns.SHARE).withLatency(Duration.ofMillis(10),
                Duration.ofMillis(100));
    }

    static void report(FaultTally t, FaultPlan plan) {
        System.out.println("[faults] azure " + t + "; " + plan.counts());
        t.assertClean();
        assertThat(plan.counts().failures()).as("faults injected").isPositive();
        for (FaultKind k : FaultKind.values()) {
            assertThat(plan.counts().of(k)).as("%s injected", k).isPositive();
        }
    }
}
