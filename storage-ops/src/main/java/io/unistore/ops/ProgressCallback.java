package io.unistore.ops;

/**
 * Told how an operation advances. Called from one thread at a time, at most every progress interval (and
 * once at the end); keep it quick, it holds up the operation.
 */
@FunctionalInterface
public interface ProgressCallback {
    /** Ignores progress. */
    ProgressCallback NONE = progress -> { };

    void onProgress(OpsProgress progress);
}
