package io.unistore.spi;

import io.unistore.StorageException;
import io.unistore.blob.UploadOptions;

/**
 * The integrity check every upload makes before it lets content become visible: the stream held exactly the
 * length the caller announced, and its MD5 is the one the caller gave. A provider calls these once the whole
 * content has been read and hashed, before committing (the block list, the multipart upload, the rename);
 * a mismatch fails with INVALID_ARGUMENT and nothing is stored.
 */
public final class UploadChecks {
    private UploadChecks() {
    }

    /** Fails unless {@code actual} equals the announced length ({@code expected} -1: not announced). */
    public static void length(long actual, long expected) {
        if (expected >= 0 && actual != expected) {
            throw StorageException.invalidArgument("length", "the stream held " + actual + " bytes, not the "
                    + expected + " announced; nothing was stored");
        }
    }

    /** Fails unless the content's base64 MD5 is the one the caller gave (null: none given). */
    public static void md5(String actualBase64, String expectedBase64) {
        if (expectedBase64 != null && !expectedBase64.equals(actualBase64)) {
            throw StorageException.invalidArgument("contentMd5", "the content's MD5 is " + actualBase64 + ", not "
                    + expectedBase64 + "; nothing was stored");
        }
    }

    /** Both checks against an upload's options. */
    public static void check(long actualLength, String actualMd5Base64, UploadOptions options) {
        length(actualLength, options.length());
        md5(actualMd5Base64, options.contentMd5());
    }
}
