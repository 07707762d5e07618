package io.unistore.bench.micro;

import io.unistore.bench.Backends;
import io.unistore.table.TableEntity;
import java.nio.file.Path;
import java.time.Instant;

/**
 * What the JMH benchmarks reach: set by {@link MicroSection} before it runs them in this JVM ({@code forks(0)}:
 * the emulators and the data are prepared once, and A and B of a pair alternate in the same JVM).
 */
public final class MicroTargets {
    /** The blob every get reads, in each blob benchmark's container. */
    static final String GET_BLOB = "get-4k";
    static final int BLOB_BYTES = 4096;
    /** The partition of the range query, and its bounds (50 of its 100 entities). */
    static final String RANGE_PARTITION = "p1";
    static final String RANGE_FROM = "r0020";
    static final String RANGE_TO = "r0070";
    static final int ENTITIES_PER_PARTITION = 100;
    static final String RANGE_FILTER = "PartitionKey eq '" + RANGE_PARTITION + "' and RowKey ge '" + RANGE_FROM
            + "' and RowKey lt '" + RANGE_TO + "'";

    static volatile Backends backends;
    static volatile int listBlobs;
    static volatile Path localDir;
    static volatile Path jdbcFile;

    private MicroTargets() {
    }

    /** The entity every table benchmark writes and reads: five typed properties besides its keys. */
    static TableEntity entity(String pk, String rk, int i) {
        return TableEntity.builder(pk, rk).put("name", "name " + i).put("age", i).put("score", i * 1.5)
                .put("active", i % 2 == 0).put("at", Instant.ofEpochSecond(1_700_000_000L + i)).build();
    }

    /** Creates the table and fills two partitions of {@link #ENTITIES_PER_PARTITION} entities each. */
    static void fillTable(io.unistore.table.TableStore tables, String table) {
        tables.createTableIfNotExists(table);
        for (int p = 0; p < 2; p++) {
            for (int i = 0; i < ENTITIES_PER_PARTITION; i++) {
                tables.upsertEntity(table, entity("p" + p, rowKey(i), i), io.unistore.table.UpdateMode.REPLACE);
            }
        }
    }

    static String rowKey(int i) {
        return String.format("r%04d", i);
    }

    static byte[] blobContent() {
        return io.unistore.tck.TestData.bytes(42, BLOB_BYTES);
    }
}
