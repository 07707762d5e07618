package io.unistore.ops;

import io.unistore.StorageAccount;
import io.unistore.Unistore;

/**
 * The child JVM of {@link MetricsHeapTest}: measures the local account at {@code args[0]} in whatever heap it was
 * given and prints the totals and the heap it used at most.
 */
public final class MetricsHeapChild {
    private MetricsHeapChild() {
    }

    public static void main(String[] args) {
        try (StorageAccount account = Unistore.open(args[0])) {
            MetricsResult r = StorageMetrics.collect(account, MetricsOptions.account().withPrefixDepth(2));
            long peak = 0;
            for (var pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == java.lang.management.MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            System.out.println("metrics objects=" + r.totalObjects() + " bytes=" + r.totalBytes() + " maxHeap="
                    + Runtime.getRuntime().maxMemory() + " peakHeap=" + peak);
        }
    }
}
