package io.unistore.gcp;

import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Bucket;
import com.google.cloud.storage.StorageClass;
import io.unistore.MetadataRules;
import io.unistore.NameRule;
import io.unistore.StorageException;
import io.unistore.blob.BlobProperties;
import io.unistore.blob.BlobWriteResult;
import io.unistore.blob.ContainerInfo;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Conversions between GCS objects and buckets and the neutral model. */
final class GcsBlobs {
    /**
     * Cloud Storage's custom metadata: keys and values are text, keys kept in their case and apart by it (the
     * JSON API's map); control characters are refused, as the XML API's {@code x-goog-meta-*} headers, which other
     * clients use, cannot carry them; 8 KiB of keys and values in all.
     */
    static final MetadataRules METADATA = new MetadataRules(NameRule.TEXT, MetadataRules.KeyCase.KEPT,
            NameRule.TEXT, 8 * 1024);
    private static final Pattern ARRAY_INDEX = Pattern.compile(".*\\[\\d+]");

    private GcsBlobs() {
    }

    static BlobProperties properties(BlobInfo b, boolean versioned) {
        return BlobProperties.builder()
                .container(b.getBucket())
                .name(b.getName())
                .size(b.getSize() == null ? 0 : b.getSize())
                .contentType(b.getContentType())
                .contentEncoding(b.getContentEncoding())
                .cacheControl(b.getCacheControl())
                .contentDisposition(b.getContentDisposition())
                .contentMd5(b.getMd5())
                .etag(GcsEtags.format(b.getGeneration(), b.getMetageneration()))
                .lastModified(instant(b.getUpdateTimeOffsetDateTime()))
                .createdAt(instant(b.getCreateTimeOffsetDateTime()))
                .metadata(metadata(b))
                .tier(GcsTiers.toTier(b.getStorageClass()))
                .tierName(b.getStorageClass() == null ? null : b.getStorageClass().name())
                .versionId(versioned && b.getGeneration() != null ? Long.toString(b.getGeneration()) : null)
                .currentVersion(b.getDeleteTimeOffsetDateTime() == null)
                .build();
    }

    static BlobWriteResult writeResult(BlobInfo b, boolean versioned) {
        return new BlobWriteResult(GcsEtags.format(b.getGeneration(), b.getMetageneration()),
                instant(b.getUpdateTimeOffsetDateTime()), b.getSize() == null ? -1 : b.getSize(), b.getMd5(),
                versioned && b.getGeneration() != null ? Long.toString(b.getGeneration()) : null);
    }

    static ContainerInfo container(Bucket b) {
        OffsetDateTime t = b.getUpdateTimeOffsetDateTime() != null ? b.getUpdateTimeOffsetDateTime()
                : b.getCreateTimeOffsetDateTime();
        return new ContainerInfo(b.getName(), Map.of(), instant(t), b.getEtag());
    }

    /**
     * Whether the Java SDK can send these keys in a metadata PATCH: it writes the changed fields as JSON paths
     * ({@code metadata.<key>}) and rebuilds the document by splitting them at '.' and reading {@code name[n]} as an
     * array index, so {@code dotted.key} would arrive as {@code {"dotted": {"key": ...}}}.
     */
    static boolean patchable(Collection<String> keys) {
        return keys.stream().noneMatch(k -> k.indexOf('.') >= 0 || ARRAY_INDEX.matcher(k).matches());
    }

    /** User metadata without the null values GCS uses to mark removed keys. */
    static Map<String, String> metadata(BlobInfo b) {
        Map<String, String> out = new LinkedHashMap<>();
        if (b.getMetadata() != null) {
            b.getMetadata().forEach((k, v) -> {
                if (v != null) {
                    out.put(k, v);
                }
            });
        }
        return out;
    }

    /**
     * A destination resource carrying every user-settable field of {@code source} (rewrite takes the body as
     * the whole metadata of the new object), with the given changes.
     */
    static BlobInfo copyOf(BlobInfo source, BlobId target, Map<String, String> metadata, String contentType,
                           StorageClass storageClass) {
        return BlobInfo.newBuilder(target)
                .setContentType(contentType != null ? contentType : source.getContentType())
                .setContentEncoding(source.getContentEncoding())
                .setCacheControl(source.getCacheControl())
                .setContentDisposition(source.getContentDisposition())
                .setContentLanguage(source.getContentLanguage())
                .setMetadata(metadata != null ? metadata : metadata(source))
                .setStorageClass(storageClass)
                .build();
    }

    /** The generation a version id names. */
    static long generation(String versionId, String what) {
        try {
            return Long.parseLong(versionId);
        } catch (NumberFormatException e) {
            throw StorageException.notFound(what + " version " + versionId);
        }
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
