package io.unistore.ops;

/**
 * What one worker did for a distributed copy job ({@link DistributedCopy#work}).
 *
 * @param worker      the worker's name
 * @param items       items it finished (done or given up)
 * @param copied      objects it copied
 * @param unchanged   objects it found already at the target
 * @param failed      objects that failed in its attempts
 * @param bytesCopied bytes it copied
 * @param interrupted whether it stopped because its thread was interrupted (the job may go on with others)
 * @param job         the job's status when the worker stopped
 */
public record CopyJobWorkResult(String worker, long items, long copied, long unchanged, long failed, long bytesCopied,
                                boolean interrupted, CopyJobStatus job) {
}
