package io.unistore.ops;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What {@link ContainerCopy} did.
 *
 * @param listed source objects seen
 * @param copied objects written to the target (in a dry run: objects that would be)
 * @param skippedUnchanged objects whose target already had the same size and MD5
 * @param skippedCheckpoint objects the checkpoint recorded as done by an earlier run
 * @param failed objects that failed (see {@code failures})
 * @param bytesCopied bytes of the copied objects
 * @param bytesStreamed bytes that passed through this machine (the rest the services copied themselves)
 * @param byMethod copied objects per method
 * @param verifiedByChecksum copied objects whose MD5 was checked against the source's
 * @param verifiedBySize copied objects that could only be checked by size (server-side copies where a
 *                       service reports no MD5)
 * @param duration how long it took
 * @param complete whether every listed object is now copied or unchanged (false after failures or an interrupt)
 * @param interrupted whether the run stopped because its thread was interrupted
 * @param dryRun whether this was a dry run
 * @param planned in a dry run, the names that would be copied (up to the report limit)
 * @param failures failed names with why (up to the report limit)
 */
public record CopyContainerResult(long listed, long copied, long skippedUnchanged, long skippedCheckpoint,
                                  long failed, long bytesCopied, long bytesStreamed, Map<CopyMethod, Long> byMethod,
                                  long verifiedByChecksum, long verifiedBySize, Duration duration,
                                  boolean complete, boolean interrupted, boolean dryRun, List<String> planned,
                                  Map<String, String> failures) {
    public CopyContainerResult {
        byMethod = Map.copyOf(byMethod);
        planned = List.copyOf(planned);
        failures = Map.copyOf(failures);
    }
}
