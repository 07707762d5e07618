package io.unistore.table;

import io.unistore.StorageException;
import io.unistore.internal.OptionsStyle;
import org.immutables.value.Value;

/** Options of {@link TableStore#bulkWrite}. Immutable; start from {@link #defaults()} or {@link #builder()}. */
@Value.Immutable
@OptionsStyle
public interface BulkWriteOptions extends WithBulkWriteOptions {

    /** Partitions written at once. */
    @Value.Default
    default int parallelism() {
        return 4;
    }

    /**
     * Actions per transaction (at most the account's {@link io.unistore.Limits#maxTransactionActions()}, 100 on
     * Azure).
     */
    @Value.Default
    default int batchSize() {
        return 100;
    }

    /** Stop at the first failed batch (true) or write every batch and report failures (false). */
    @Value.Default
    default boolean stopOnError() {
        return false;
    }

    @Value.Check
    default void check() {
        if (parallelism() < 1) {
            throw StorageException.invalidArgument("parallelism", "must be at least 1, was " + parallelism());
        }
        if (batchSize() < 1) {
            throw StorageException.invalidArgument("batchSize", "must be at least 1, was " + batchSize());
        }
    }

    /** 4 partitions at once, batches of 100, keep going after a failed batch. */
    static BulkWriteOptions defaults() {
        return Defaults.BULK;
    }

    /** A builder starting from the defaults. */
    static Builder builder() {
        return new Builder();
    }

    /** Builds {@link BulkWriteOptions}. */
    final class Builder extends ImmutableBulkWriteOptions.Builder {
    }
}
