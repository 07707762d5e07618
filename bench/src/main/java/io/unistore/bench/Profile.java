package io.unistore.bench;

/**
 * Sizes and repetitions of a run. {@link #full()} is what the report quotes; {@link #quick()} keeps every code
 * path but with tiny sizes, so CI can check the harness works (not its numbers) in about a minute.
 *
 * @param name "full" or "quick"
 * @param microRounds interleaved rounds of each JMH pair
 * @param microWarmupMillis JMH warm-up time per run (one iteration)
 * @param microMeasureMillis JMH measured time per run (one iteration)
 * @param listBlobs blobs in the container the listing figure lists
 * @param largeBytes size of the large-transfer object (upload and download)
 * @param largeRounds rounds of the large transfers
 * @param largeHeap -Xmx of the child JVM each large transfer runs in
 * @param localBlobBytes size of the local provider's blob throughput file
 * @param localRounds rounds of the local provider's throughput figures
 * @param bulkEntities entities per bulk load
 * @param naiveEntities entities of the naive loop of single upserts (a rate: it is measured on fewer)
 * @param bulkRounds rounds of the bulk loads
 * @param mcpStartRounds cold starts of each MCP server
 * @param mcpCalls tool calls per round of the per-call overhead figure
 * @param mcpCallRounds rounds of the per-call overhead figure
 * @param copySmallObjects small objects of the bulk copy
 * @param copySmallBytes size of each small object
 * @param copyLargeBytes size of the single large object of the bulk copy
 * @param copyRounds rounds of the bulk copies
 */
public record Profile(String name, int microRounds, int microWarmupMillis, int microMeasureMillis, int listBlobs,
                      long largeBytes, int largeRounds, String largeHeap, long localBlobBytes, int localRounds,
                      int bulkEntities, int naiveEntities, int bulkRounds, int mcpStartRounds, int mcpCalls,
                      int mcpCallRounds, int copySmallObjects, int copySmallBytes, long copyLargeBytes,
                      int copyRounds) {
    public static final long MIB = 1024 * 1024;

    public static Profile full() {
        return new Profile("full", 5, 500, 1000, 1000, 1024 * MIB, 3, "128m", 512 * MIB, 5, 100_000, 5_000, 3, 10,
                1000, 5, 1000, 4096, Long.getLong("unistore.bench.copy.large.mib", 1024) * MIB,
                Integer.getInteger("unistore.bench.copy.rounds", 3));
    }

    public static Profile quick() {
        return new Profile("quick", 2, 50, 100, 50, 8 * MIB, 1, "128m", 8 * MIB, 2, 500, 100, 1, 1, 20, 2, 20, 4096,
                8 * MIB, 1);
    }

    /** This profile with another size for the large transfers (a shorter run on a busy machine). */
    public Profile withLargeBytes(long bytes) {
        return new Profile(name, microRounds, microWarmupMillis, microMeasureMillis, listBlobs, bytes, largeRounds,
                largeHeap, localBlobBytes, localRounds, bulkEntities, naiveEntities, bulkRounds, mcpStartRounds,
                mcpCalls, mcpCallRounds, copySmallObjects, copySmallBytes, copyLargeBytes, copyRounds);
    }

    public boolean isQuick() {
        return name.equals("quick");
    }
}
