package io.unistore.blob;

import io.unistore.RequestConditions;
import java.util.Map;

/**
 * Options of a copy.
 *
 * @param metadata metadata for the target, or null to keep the source's
 * @param contentType content type for the target, or null to keep the source's
 * @param tier tier of the target, or null for the account default
 * @param sourceVersionId copy this version of the source, or null for the current one
 * @param sourceSnapshot copy this snapshot of the source, or null
 * @param sourceConditions conditions on the source (e.g. its ETag)
 * @param targetConditions conditions on the target (e.g. {@link RequestConditions#ifNotExists()})
 */
public record CopyOptions(Map<String, String> metadata, String contentType, AccessTier tier, String sourceVersionId,
                          String sourceSnapshot, RequestConditions sourceConditions,
                          RequestConditions targetConditions) {

    public static final CopyOptions DEFAULT = new CopyOptions(null, null, null, null, null, RequestConditions.NONE,
            RequestConditions.NONE);

    public CopyOptions {
        metadata = metadata == null ? null : Map.copyOf(metadata);
        sourceConditions = sourceConditions == null ? RequestConditions.NONE : sourceConditions;
        targetConditions = targetConditions == null ? RequestConditions.NONE : targetConditions;
    }

    public static CopyOptions defaults() {
        return DEFAULT;
    }

    public CopyOptions withMetadata(Map<String, String> v) {
        return new CopyOptions(v, contentType, tier, sourceVersionId, sourceSnapshot, sourceConditions,
                targetConditions);
    }

    public CopyOptions withContentType(String v) {
        return new CopyOptions(metadata, v, tier, sourceVersionId, sourceSnapshot, sourceConditions, targetConditions);
    }

    public CopyOptions withTier(AccessTier v) {
        return new CopyOptions(metadata, contentType, v, sourceVersionId, sourceSnapshot, sourceConditions,
                targetConditions);
    }

    public CopyOptions withSourceVersionId(String v) {
        return new CopyOptions(metadata, contentType, tier, v, sourceSnapshot, sourceConditions, targetConditions);
    }

    public CopyOptions withSourceSnapshot(String v) {
        return new CopyOptions(metadata, contentType, tier, sourceVersionId, v, sourceConditions, targetConditions);
    }

    public CopyOptions withSourceConditions(RequestConditions v) {
        return new CopyOptions(metadata, contentType, tier, sourceVersionId, sourceSnapshot, v, targetConditions);
    }

    public CopyOptions withTargetConditions(RequestConditions v) {
        return new CopyOptions(metadata, contentType, tier, sourceVersionId, sourceSnapshot, sourceConditions, v);
    }
}
