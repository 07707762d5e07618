package io.unistore;

/**
 * Told how a long transfer advances. Called from the transferring thread(s); keep it quick.
 */
@FunctionalInterface
public interface ProgressListener {
    /**
     * @param bytesTransferred bytes done so far in this transfer
     * @param totalBytes the total if known, else -1
     */
    void onProgress(long bytesTransferred, long totalBytes);
}
