package io.unistore.ops;

import io.unistore.StorageException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Blob operations counted per container and class over a period, from a request log (unistore-mcp reads the
 * storage-audit trail of an audited account), for {@link CostAnalysis} to price. Classes, as the providers bill
 * them: {@code write} (uploads, copies, metadata, tier changes, snapshots), {@code list} (listings and container
 * creation: Azure's "list and create container" operations, S3's and Cloud Storage's class A, priced at the write
 * price everywhere), {@code read} (downloads, properties), {@code delete} (free on Azure, S3 and Cloud Storage).
 *
 * @param source where the counts come from, in words (never a secret)
 * @param from the period's start
 * @param to the period's end
 * @param readsRecorded whether the log records reads at all (an audit layer records only writes by default)
 * @param counts per container, per class, how many operations
 */
public record OperationCounts(String source, Instant from, Instant to, boolean readsRecorded,
                              Map<String, Map<String, Long>> counts) {
    public static final String WRITE = "write";
    public static final String LIST = "list";
    public static final String READ = "read";
    public static final String DELETE = "delete";

    public OperationCounts {
        if (from == null || to == null || !from.isBefore(to)) {
            throw StorageException.invalidArgument("operations.from/to", "the period must have a start before its end");
        }
        Map<String, Map<String, Long>> copy = new TreeMap<>();
        counts.forEach((c, m) -> copy.put(c, Collections.unmodifiableMap(new TreeMap<>(m))));
        counts = Collections.unmodifiableMap(copy); // in name order, for stable reports
    }

    /** The period in days. */
    public double days() {
        return Duration.between(from, to).toMillis() / 86_400_000.0;
    }

    /**
     * The billing class of a blob-store operation by its SPI name ({@code upload}, {@code openInputStream}...), or
     * null for calls that are no billed blob operation (table, queue and file calls; presigning, which makes no
     * request). Lease calls are billed as writes, as Azure does.
     */
    public static String classOf(String store, String operation) {
        if (!"blob".equals(store) || operation == null) {
            return null;
        }
        String op = operation.toLowerCase(Locale.ROOT);
        if (op.startsWith("delete")) {
            return DELETE;
        }
        if (op.startsWith("list") || op.equals("createcontainer")) {
            return LIST;
        }
        if (op.startsWith("open") || op.startsWith("download") || op.startsWith("get") || op.equals("exists")
                || op.equals("containerexists")) {
            return READ;
        }
        if (op.equals("generatepresignedurl")) {
            return null;
        }
        return WRITE;
    }

    /** Counts as they are read, one operation at a time. Not thread-safe. */
    public static final class Tally {
        private final Map<String, Map<String, Long>> counts = new TreeMap<>();

        /** Counts one operation on a container (ignored when it is no billed blob operation). */
        public void add(String container, String store, String operation) {
            String c = classOf(store, operation);
            if (c != null && container != null) {
                counts.computeIfAbsent(container, k -> new TreeMap<>()).merge(c, 1L, Long::sum);
            }
        }

        public OperationCounts build(String source, Instant from, Instant to, boolean readsRecorded) {
            return new OperationCounts(source, from, to, readsRecorded, counts);
        }
    }
}
