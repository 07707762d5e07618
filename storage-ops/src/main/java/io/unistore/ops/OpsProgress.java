package io.unistore.ops;

import java.time.Duration;

/**
 * A snapshot of how a long operation advances, handed to a {@link ProgressCallback}.
 *
 * @param operation the operation's tool name, e.g. {@code copy-container}
 * @param phase what it is doing now: {@code counting}, {@code copying}, {@code verifying}, {@code done}...
 * @param itemsDone objects or entities finished (copied, skipped or failed)
 * @param itemsTotal the total to handle, or -1 while unknown
 * @param bytesDone bytes handled so far: copied, or found unchanged (0 for operations that do not count bytes)
 * @param bytesTotal the total bytes, or -1 while unknown
 * @param itemsSkipped items found unchanged or already done by an earlier run
 * @param itemsFailed items that failed
 * @param bytesPerSecond the average rate since the start
 * @param itemsPerSecond the average item rate since the start
 * @param elapsed time since the start
 * @param eta the estimated time left, or null when it cannot be estimated
 */
public record OpsProgress(String operation, String phase, long itemsDone, long itemsTotal, long bytesDone,
                          long bytesTotal, long itemsSkipped, long itemsFailed, double bytesPerSecond,
                          double itemsPerSecond, Duration elapsed, Duration eta) {
}
