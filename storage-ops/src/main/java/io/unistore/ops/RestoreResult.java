package io.unistore.ops;

import java.time.Duration;
import java.util.List;

/**
 * What a restore wrote.
 *
 * @param chain the backup sets used, full set first (empty when restoring from versions or snapshots)
 * @param written entities or blobs written
 * @param deleted entities or blobs deleted from the target ({@link RestoreMode#REPLACE})
 * @param bytes blob bytes written
 * @param verifiedByChecksum blobs whose MD5 matched the backup's (or the version's) after writing
 * @param verification tables: the target's count and hash against the set's (null with MERGE or without verify)
 * @param names the names written (blobs), up to 1000
 * @param duration how long it took
 */
public record RestoreResult(List<String> chain, long written, long deleted, long bytes, long verifiedByChecksum,
                            TableVerification verification, List<String> names, Duration duration) {
    public RestoreResult {
        chain = List.copyOf(chain);
        names = List.copyOf(names);
    }
}
