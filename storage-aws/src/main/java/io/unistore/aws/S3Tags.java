package io.unistore.aws;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * Object tagging: PutObjectTagging replaces the whole tag set, GetObjectTagging reads it. S3 has no search by
 * tags, so the API scans (declared: BLOB_TAGS without BLOB_TAG_QUERIES).
 */
final class S3Tags {
    private final S3Context ctx;

    S3Tags(S3Context ctx) {
        this.ctx = ctx;
    }

    void set(String bucket, String key, Map<String, String> tags) {
        if (tags.isEmpty()) {
            ctx.call("DeleteObjectTagging " + bucket + "/" + key, () -> ctx.s3.deleteObjectTagging(b -> b.bucket(bucket)
                    .key(key)));
            return;
        }
        List<Tag> set = tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
                .toList();
        ctx.call("PutObjectTagging " + bucket + "/" + key, () -> ctx.s3.putObjectTagging(b -> b.bucket(bucket)
                .key(key).tagging(t -> t.tagSet(set))));
    }

    Map<String, String> get(String bucket, String key) {
        Map<String, String> tags = new LinkedHashMap<>();
        ctx.call("GetObjectTagging " + bucket + "/" + key, () -> ctx.s3.getObjectTagging(b -> b.bucket(bucket)
                .key(key))).tagSet().forEach(t -> tags.put(t.key(), t.value()));
        return tags;
    }
}
