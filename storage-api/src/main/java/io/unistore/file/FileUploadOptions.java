package io.unistore.file;

import io.unistore.Nullable;
import io.unistore.ProgressListener;
import io.unistore.StorageException;
import io.unistore.internal.OptionsStyle;
import java.util.Map;
import org.immutables.value.Value;

/** Options of a file upload. Immutable; start from {@link #defaults()} or {@link #builder()}. */
@Value.Immutable
@OptionsStyle
public interface FileUploadOptions extends WithFileUploadOptions {

    /** The MIME type, or null. */
    @Nullable
    String contentType();

    /** User metadata. */
    Map<String, String> metadata();

    /**
     * The content length if known, else -1 (Azure Files sizes a file up front; with -1 the provider grows it
     * as content arrives).
     */
    @Value.Default
    default long length() {
        return -1;
    }

    /** Told as bytes go out, or null. */
    @Nullable
    ProgressListener progress();

    @Value.Check
    default void check() {
        if (length() < -1) {
            throw StorageException.invalidArgument("length", "must be -1 (unknown) or >= 0, was " + length());
        }
    }

    /** No type, no metadata, unknown length. */
    static FileUploadOptions defaults() {
        return Defaults.UPLOAD;
    }

    /** A builder starting from the defaults. */
    static Builder builder() {
        return new Builder();
    }

    /** Builds {@link FileUploadOptions}. */
    final class Builder extends ImmutableFileUploadOptions.Builder {
    }
}
