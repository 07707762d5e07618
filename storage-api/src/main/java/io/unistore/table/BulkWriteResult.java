package io.unistore.table;

import io.unistore.StorageException;
import java.util.List;

/**
 * The outcome of a bulk write. Each batch is atomic on its own; the bulk write as a whole is not.
 *
 * @param written actions written
 * @param batches transactions (or single calls) sent
 * @param failures the batches that failed, with their actions
 */
public record BulkWriteResult(long written, long batches, List<Failure> failures) {

    public BulkWriteResult {
        failures = List.copyOf(failures);
    }

    /**
     * One failed batch. A failed transaction wrote none of its actions; where the provider has no
     * transactions, the actions before the failing one were written.
     *
     * @param actions the batch's actions
     * @param error why it failed
     */
    public record Failure(List<TableAction> actions, StorageException error) {
        public Failure {
            actions = List.copyOf(actions);
        }
    }

    /** Whether everything was written. */
    public boolean isComplete() {
        return failures.isEmpty();
    }
}
