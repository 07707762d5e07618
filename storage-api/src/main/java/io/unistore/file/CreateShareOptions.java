package io.unistore.file;

import io.unistore.StorageException;
import io.unistore.internal.OptionsStyle;
import java.util.Map;
import org.immutables.value.Value;

/** Options of {@link FileStore#createShare}. Immutable; start from {@link #defaults()} or {@link #builder()}. */
@Value.Immutable
@OptionsStyle
public interface CreateShareOptions extends WithCreateShareOptions {

    /** The largest quota Azure Files accepts, in GiB. */
    int MAX_QUOTA_GB = 102_400;

    /** Size quota in GiB (1 to 102400; needs FILE_SHARE_QUOTA), or 0 for the provider's default. */
    @Value.Default
    default int quotaGb() {
        return 0;
    }

    /** User metadata. */
    Map<String, String> metadata();

    @Value.Check
    default void check() {
        if (quotaGb() < 0 || quotaGb() > MAX_QUOTA_GB) {
            throw StorageException.invalidArgument("quotaGb", "must be between 1 and 102400 (0 for the default), was "
                    + quotaGb());
        }
    }

    /** No quota, no metadata. */
    static CreateShareOptions defaults() {
        return Defaults.CREATE_SHARE;
    }

    /** A builder starting from the defaults. */
    static Builder builder() {
        return new Builder();
    }

    /** Builds {@link CreateShareOptions}. */
    final class Builder extends ImmutableCreateShareOptions.Builder {
    }
}
