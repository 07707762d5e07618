package io.unistore.ops;

import java.util.List;

/**
 * A distributed copy job as its progress table says now ({@link DistributedCopy#status(String)}).
 *
 * @param jobId        the job
 * @param state        {@code submitting} (items still being listed), {@code running}, {@code complete} (every item
 *                     done, no object failed) or {@code failed} (every item ended, some objects failed)
 * @param source       source as {@code account:container/prefix}
 * @param target       target as {@code account:container/prefix}
 * @param items        work items the job was split into (0 while submitting)
 * @param itemsDone    items done
 * @param itemsFailed  items given up after their last attempt
 * @param itemsWorking items a worker holds now
 * @param objects      objects listed
 * @param bytes        bytes listed
 * @param copied       objects copied
 * @param unchanged    objects the target held already with the same size and MD5
 * @param verified     objects whose target MD5 was checked equal to the source's (copied or unchanged)
 * @param vanished     objects deleted from the source after the listing
 * @param failed       objects that failed in the items' last attempts
 * @param bytesCopied  bytes copied
 * @param attempts     item attempts in all (more than {@code items} when workers died or retried)
 * @param workers      the workers that took items, by name
 * @param errors       the last error of each failed or retried item, at most 20
 */
public record CopyJobStatus(String jobId, String state, String source, String target, long items, long itemsDone,
                            long itemsFailed, long itemsWorking, long objects, long bytes, long copied, long unchanged,
                            long verified, long vanished, long failed, long bytesCopied, long attempts,
                            List<String> workers, List<String> errors) {
    public CopyJobStatus {
        workers = List.copyOf(workers);
        errors = List.copyOf(errors);
    }

    /** Whether every item has ended (done or failed). */
    public boolean finished() {
        return "complete".equals(state) || "failed".equals(state);
    }
}
