package io.unistore.ops;

import io.unistore.StorageException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Options of {@link TableMigration#transformInPlace} ({@code transform-table-schema} without a target table).
 *
 * @param table the table to transform
 * @param transform the transform; it may not change keys in place (migrate to another table for that)
 * @param dryRun write nothing; report counts and a preview
 * @param previewSize how many transformed entities a dry run shows
 * @param batchSize entities per transaction, or 0 for the account's maximum
 * @param parallelism batches written at once
 * @param checkpoint the journal that makes the transform resumable, or null
 * @param progress told how it advances, or null
 */
public record TransformTableOptions(String table, SchemaTransform transform, boolean dryRun, int previewSize,
                                    int batchSize, int parallelism, Path checkpoint, ProgressCallback progress) {
    public TransformTableOptions {
        if (table == null || table.isEmpty()) {
            throw StorageException.invalidArgument("table", "is required");
        }
        if (transform == null) {
            throw StorageException.invalidArgument("transform", "is required");
        }
        if (transform.changesKeys()) {
            throw StorageException.invalidArgument("transform", "changes keys, which cannot be done in place "
                    + "(an entity's keys are its identity): migrate to another table with the transform instead");
        }
    }

    /** Transforms every entity of a table, for real. */
    public static TransformTableOptions of(String table, SchemaTransform transform) {
        return new TransformTableOptions(table, transform, false, 10, 0, 4, null, null);
    }

    public TransformTableOptions withDryRun(boolean v) {
        return new TransformTableOptions(table, transform, v, previewSize, batchSize, parallelism, checkpoint, progress);
    }

    public TransformTableOptions withPreviewSize(int v) {
        return new TransformTableOptions(table, transform, dryRun, v, batchSize, parallelism, checkpoint, progress);
    }

    public TransformTableOptions withCheckpoint(Path v) {
        return new TransformTableOptions(table, transform, dryRun, previewSize, batchSize, parallelism, v, progress);
    }

    public TransformTableOptions withProgress(ProgressCallback v) {
        return new TransformTableOptions(table, transform, dryRun, previewSize, batchSize, parallelism, checkpoint, v);
    }

    /** As migration options over the same table. */
    MigrateTableOptions asMigration() {
        return MigrateTableOptions.of(table, table).withTransform(transform).withDryRun(dryRun)
                .withPreviewSize(previewSize).withBatchSize(batchSize).withParallelism(parallelism)
                .withCheckpoint(checkpoint).withProgress(progress).withVerify(false).withCreateTargetTable(false)
                .withProgressInterval(Duration.ofMillis(500));
    }
}
