package io.unistore.ops;

import java.time.Duration;
import java.util.List;

/**
 * The result of {@link Lifecycle#apply}.
 *
 * @param applied actions applied by this run
 * @param skippedChanged actions skipped because the blob changed (or vanished) since the plan
 * @param skippedAlready actions found already done (the tier reached, the blob deleted)
 * @param skippedCheckpoint actions an earlier run had finished, by the checkpoint
 * @param failures the first 100 failures, each naming the blob
 * @param failed how many actions failed
 * @param interrupted whether the run was stopped before the end (run again with the checkpoint to resume)
 * @param duration how long it took
 */
public record LifecycleApplyResult(long applied, long skippedChanged, long skippedAlready, long skippedCheckpoint,
                                   List<String> failures, long failed, boolean interrupted, Duration duration) {
}
