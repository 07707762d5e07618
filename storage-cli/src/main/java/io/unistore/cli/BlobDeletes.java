package io.unistore.cli;

import io.unistore.blob.BatchDeleteResult;
import io.unistore.blob.BlobStore;
import java.util.List;
import java.util.Map;

/** Deletes blobs in batches ({@link BlobStore#deleteBlobs}), telling each name's outcome. */
final class BlobDeletes {
    private static final int BATCH = 256;

    private BlobDeletes() {
    }

    /**
     * Deletes {@code prefix + name} for each name; {@code deleted} gets the names that are gone, {@code failures}
     * the others with why.
     */
    static void delete(BlobStore blobs, String container, String prefix, List<String> names, List<String> deleted,
                       Map<String, String> failures) {
        for (int i = 0; i < names.size(); i += BATCH) {
            List<String> batch = names.subList(i, Math.min(names.size(), i + BATCH));
            BatchDeleteResult r = blobs.deleteBlobs(container, batch.stream().map(n -> prefix + n).toList());
            for (String n : batch) {
                if (r.failed().containsKey(prefix + n)) {
                    failures.put(n, Errors.describe(r.failed().get(prefix + n)));
                } else {
                    deleted.add(n);
                }
            }
        }
    }
}
