package io.unistore.ops;

import io.unistore.table.TableEntity;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The progress table of distributed copy jobs: one partition per job, the row {@value #JOB} holding what to copy
 * and the totals, one row {@code item-NNNNNNNNNN} per work item holding its state, worker, attempts and counts.
 * Property names are plain identifiers, so every table provider stores them as they are.
 */
final class CopyJobRows {
    static final String JOB = "job";
    static final String PENDING = "pending";
    static final String WORKING = "working";
    static final String DONE = "done";
    static final String FAILED = "failed";

    private CopyJobRows() {
    }

    static String itemKey(long item) {
        return String.format("item-%010d", item);
    }

    static boolean ended(TableEntity row) {
        String state = row.getString("State");
        return DONE.equals(state) || FAILED.equals(state);
    }

    static long number(TableEntity row, String name) {
        Object v = row.get(name);
        return v instanceof Number n ? n.longValue() : 0;
    }

    static String side(TableEntity job, String which) {
        String prefix = job.getString(which + "Prefix");
        return job.getString(which) + ":" + job.getString(which + "Container") + (prefix == null ? "" : "/" + prefix);
    }

    /** The status of a job from its partition's rows (the job row among them). */
    static CopyJobStatus status(String jobId, TableEntity job, Iterable<TableEntity> rows) {
        long items = 0, done = 0, failedItems = 0, working = 0, copied = 0, unchanged = 0, verified = 0;
        long vanished = 0, failed = 0, bytesCopied = 0, attempts = 0;
        TreeSet<String> workers = new TreeSet<>();
        List<String> errors = new ArrayList<>();
        for (TableEntity row : rows) {
            if (JOB.equals(row.rowKey())) {
                continue;
            }
            items++;
            String state = row.getString("State");
            attempts += number(row, "Attempts");
            if (row.getString("Worker") != null) {
                workers.add(row.getString("Worker"));
            }
            if (row.getString("Error") != null && errors.size() < 20) {
                errors.add(row.rowKey() + ": " + row.getString("Error"));
            }
            if (WORKING.equals(state)) {
                working++;
            }
            if (DONE.equals(state) || FAILED.equals(state)) {
                if (DONE.equals(state)) {
                    done++;
                } else {
                    failedItems++;
                }
                copied += number(row, "Copied");
                unchanged += number(row, "Unchanged");
                verified += number(row, "Verified");
                vanished += number(row, "Vanished");
                failed += number(row, "Failed");
                bytesCopied += number(row, "BytesCopied");
            }
        }
        boolean submitting = "submitting".equals(job.getString("State"));
        long planned = number(job, "Items");
        String state;
        if (submitting || done + failedItems < planned) {
            state = submitting ? "submitting" : "running";
        } else {
            state = failedItems == 0 && failed == 0 ? "complete" : "failed";
        }
        return new CopyJobStatus(jobId, state, side(job, "Source"), side(job, "Target"), submitting ? 0 : planned,
                done, failedItems, working, number(job, "Objects"), number(job, "Bytes"), copied, unchanged,
                verified, vanished, failed, bytesCopied, attempts, List.copyOf(workers), errors);
    }
}
