package io.unistore.ops;

import java.time.Instant;

/**
 * One run of a scheduled job, as the runs table holds it.
 *
 * @param job the job's name
 * @param due the time the schedule set for it
 * @param owner who ran it (the last holder of its lease)
 * @param attempt 1, or more when a holder's lease expired and another took the run over
 * @param start when the holder started it
 * @param end when it ended, or null while running (or when its holder died)
 * @param outcome {@code RUNNING}, {@code SUCCEEDED} or {@code FAILED}
 * @param summary what the job said it did, or why it failed
 * @param leaseUntil until when the holder's lease stands
 */
public record ScheduledRun(String job, Instant due, String owner, int attempt, Instant start, Instant end,
                           String outcome, String summary, Instant leaseUntil) {
    public static final String RUNNING = "RUNNING";
    public static final String SUCCEEDED = "SUCCEEDED";
    public static final String FAILED = "FAILED";
}
