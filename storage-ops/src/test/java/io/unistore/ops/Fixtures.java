package io.unistore.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.blob.AccessTier;
import io.unistore.blob.BlobItem;
import io.unistore.blob.BlobProperties;
import io.unistore.blob.BlobStore;
import io.unistore.blob.UploadOptions;
import io.unistore.table.TableEntity;
import io.unistore.table.TableQuery;
import io.unistore.table.TableStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/** Test data and the comparisons the acceptance tests rely on. */
final class Fixtures {
    private Fixtures() {
    }

    /** Deterministic content of blob {@code i}. */
    static byte[] content(int i, int size) {
        byte[] b = new byte[size];
        new Random(i * 7919L + size).nextBytes(b);
        return b;
    }

    /** Uploads {@code n} blobs under {@code prefix} with metadata, content types and tiers. */
    static void putBlobs(BlobStore store, String container, String prefix, int n, int size) {
        store.createContainerIfNotExists(container);
        for (int i = 0; i < n; i++) {
            store.upload(container, prefix + "dir" + (i % 3) + "/blob-" + i, content(i, size + i),
                    UploadOptions.defaults().withContentType(i % 2 == 0 ? "text/plain" : "application/json")
                            .withMetadata(Map.of("index", Integer.toString(i), "owner", "ops"))
                            .withTier(i % 5 == 0 ? AccessTier.COOL : null));
        }
    }

    /** Name -> properties of every blob under a prefix. */
    static Map<String, BlobProperties> blobs(BlobStore store, String container, String prefix) {
        Map<String, BlobProperties> out = new LinkedHashMap<>();
        for (BlobItem item : store.list(container, io.unistore.blob.ListBlobsOptions.prefix(prefix)
                .withIncludeMetadata(true))) {
            out.put(item.name(), item.properties());
        }
        return out;
    }

    /** Asserts that two containers hold the same names, bytes, content types and metadata. */
    static void assertSameBlobs(BlobStore a, String ca, BlobStore b, String cb) {
        Map<String, BlobProperties> left = blobs(a, ca, null);
        Map<String, BlobProperties> right = blobs(b, cb, null);
        assertThat(right.keySet()).containsExactlyElementsOf(left.keySet());
        for (String name : left.keySet()) {
            assertThat(b.downloadBytes(cb, name)).as(name).isEqualTo(a.downloadBytes(ca, name));
            BlobProperties l = a.getProperties(ca, name);
            BlobProperties r = b.getProperties(cb, name);
            assertThat(r.contentType()).as(name).isEqualTo(l.contentType());
            assertThat(userMetadata(r)).as(name).isEqualTo(userMetadata(l));
        }
    }

    static Map<String, String> userMetadata(BlobProperties p) {
        Map<String, String> m = new HashMap<>(p.metadata());
        m.remove(Digests.MD5_KEY);
        return m;
    }

    /** An entity with a property of every type, varied by {@code i}. */
    static TableEntity entity(String pk, String rk, long i) {
        byte[] bin = new byte[(int) (i % 17)];
        new Random(i).nextBytes(bin);
        return TableEntity.builder(pk, rk)
                .put("Name", "näme \"" + i + "\", ok\n" + "日本")
                .put("Int", (int) (i * 31 - 1000))
                .put("Long", i * 1_000_000_007L - Long.MAX_VALUE / 3)
                .put("Double", i % 10 == 0 ? -0.0 : i / 7.0)
                .put("Bool", i % 2 == 0)
                // 100 ns steps: the finest time every table service keeps (Azure Tables rounds below it)
                .put("When", Instant.ofEpochSecond(1_700_000_000L + i, i * 12_300 % 1_000_000_000))
                .put("Bin", bin)
                .put("Id", new UUID(i, ~i))
                .build();
    }

    /**
     * {@link #entity} without negative zero, which Azure Tables (Azurite at least) stores as 0.0: entities every
     * table service keeps exactly.
     */
    static TableEntity portableEntity(String pk, String rk, long i) {
        TableEntity e = entity(pk, rk, i);
        return e.getDouble("Double") == 0.0 ? e.toBuilder().put("Double", 0.0).build() : e;
    }

    /** Fills a table with {@code n} portable entities over a few partitions. */
    static List<TableEntity> fillTable(TableStore store, String table, int n, int partitions) {
        store.createTableIfNotExists(table);
        List<io.unistore.table.TableAction> actions = new ArrayList<>();
        List<TableEntity> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            TableEntity e = portableEntity("p" + (i % partitions), String.format("r%06d", i), i);
            all.add(e);
            actions.add(io.unistore.table.TableAction.upsert(e, io.unistore.table.UpdateMode.REPLACE));
        }
        var result = store.bulkWrite(table, actions, io.unistore.table.BulkWriteOptions.defaults());
        assertThat(result.isComplete()).as("fill %s", table).isTrue();
        return all;
    }

    /** Every entity of a table, keyed "pk/rk", without ETags or timestamps. */
    static Map<String, TableEntity> entities(TableStore store, String table) {
        Map<String, TableEntity> out = new LinkedHashMap<>();
        for (TableEntity e : store.query(table, TableQuery.all())) {
            out.put(e.partitionKey() + "/" + e.rowKey(), e);
        }
        return out;
    }
}
