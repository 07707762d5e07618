package io.unistore.file;

import io.unistore.StorageException;
import java.util.Map;

/**
 * Options of {@link FileStore#createShare}.
 *
 * @param quotaGb size quota in GiB (1 to 102400), or 0 for the provider's default
 * @param metadata user metadata
 */
public record CreateShareOptions(int quotaGb, Map<String, String> metadata) {

    public static final int MAX_QUOTA_GB = 102_400;
    public static final CreateShareOptions DEFAULT = new CreateShareOptions(0, Map.of());

    public CreateShareOptions {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        if (quotaGb < 0 || quotaGb > MAX_QUOTA_GB) {
            throw StorageException.invalidArgument("quotaGb", "must be between 1 and 102400 (0 for the default), was "
                    + quotaGb);
        }
    }

    public CreateShareOptions withQuotaGb(int v) {
        return new CreateShareOptions(v, metadata);
    }

    public CreateShareOptions withMetadata(Map<String, String> v) {
        return new CreateShareOptions(quotaGb, v);
    }
}
