package io.unistore.aws;

import io.unistore.StorageException;
import io.unistore.blob.BatchDeleteResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;

/**
 * {@code deleteBlobs} as DeleteObjects requests of up to 1000 keys. S3 counts an absent key as deleted, as the
 * API does; keys S3 refuses are reported one by one with S3's code.
 */
final class S3BatchDelete {
    private static final int BATCH = 1000;

    private final S3Context ctx;

    S3BatchDelete(S3Context ctx) {
        this.ctx = ctx;
    }

    BatchDeleteResult run(String bucket, java.util.Collection<String> names) {
        List<String> deleted = new ArrayList<>();
        Map<String, StorageException> failed = new LinkedHashMap<>();
        // S3 deletes a key given twice once; the result names it once.
        List<String> keys = new ArrayList<>(new LinkedHashSet<>(names));
        for (int from = 0; from < keys.size(); from += BATCH) {
            List<String> chunk = keys.subList(from, Math.min(keys.size(), from + BATCH));
            List<ObjectIdentifier> ids = chunk.stream().map(k -> ObjectIdentifier.builder().key(k).build()).toList();
            try {
                var r = ctx.call("DeleteObjects " + bucket, () -> ctx.s3.deleteObjects(b -> b.bucket(bucket)
                        .delete(d -> d.objects(ids).quiet(true))));
                Map<String, StorageException> errors = new LinkedHashMap<>();
                r.errors().forEach(e -> errors.put(e.key(), new StorageException(AwsErrors.code(200, e.code()),
                        "DeleteObjects " + bucket + "/" + e.key() + " failed: " + e.message() + " (" + e.code() + ")",
                        null, 0, e.code(), null)));
                for (String k : chunk) {
                    if (errors.containsKey(k)) {
                        failed.put(k, errors.get(k));
                    } else {
                        deleted.add(k);
                    }
                }
            } catch (StorageException e) {
                chunk.forEach(k -> failed.put(k, e));
            }
        }
        return new BatchDeleteResult(deleted, failed);
    }
}
