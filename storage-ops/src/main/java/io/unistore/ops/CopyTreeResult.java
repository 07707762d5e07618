package io.unistore.ops;

import java.time.Duration;
import java.util.Map;

/**
 * What a {@link FileTreeCopy} did.
 *
 * @param files files (or blobs) found at the source
 * @param copied files copied (in a dry run: that would be)
 * @param skippedUnchanged files whose target already had the same size and MD5
 * @param directoriesCreated directories created in the share (container to share)
 * @param bytes bytes copied
 * @param failures names that failed, with why
 * @param duration how long it took
 */
public record CopyTreeResult(long files, long copied, long skippedUnchanged, long directoriesCreated, long bytes,
                             Map<String, String> failures, Duration duration) {
    public CopyTreeResult {
        failures = Map.copyOf(failures);
    }

    /** Whether every file was copied or found unchanged. */
    public boolean complete() {
        return failures.isEmpty();
    }
}
