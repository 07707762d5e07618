package io.unistore.table;

import io.unistore.StorageException;

/**
 * Options of {@link TableStore#bulkWrite}.
 *
 * @param parallelism partitions written at once
 * @param batchSize actions per transaction (at most the account's
 *                  {@link io.unistore.Capabilities#maxTransactionActions()}, 100 on Azure)
 * @param stopOnError stop at the first failed batch (true) or write every batch and report failures (false)
 */
public record BulkWriteOptions(int parallelism, int batchSize, boolean stopOnError) {

    public static final BulkWriteOptions DEFAULT = new BulkWriteOptions(4, 100, false);

    public BulkWriteOptions {
        if (parallelism < 1) {
            throw StorageException.invalidArgument("parallelism", "must be at least 1, was " + parallelism);
        }
        if (batchSize < 1) {
            throw StorageException.invalidArgument("batchSize", "must be at least 1, was " + batchSize);
        }
    }

    public static BulkWriteOptions defaults() {
        return DEFAULT;
    }

    public BulkWriteOptions withParallelism(int v) {
        return new BulkWriteOptions(v, batchSize, stopOnError);
    }

    public BulkWriteOptions withBatchSize(int v) {
        return new BulkWriteOptions(parallelism, v, stopOnError);
    }

    public BulkWriteOptions withStopOnError(boolean v) {
        return new BulkWriteOptions(parallelism, batchSize, v);
    }
}
