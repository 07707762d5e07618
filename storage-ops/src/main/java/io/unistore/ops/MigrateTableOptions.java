package io.unistore.ops;

import io.unistore.StorageException;
import io.unistore.table.Filter;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Options of {@link TableMigration#migrate} ({@code migrate-table-data}). Build with {@link #of}.
 *
 * @param sourceTable the table to read
 * @param targetTable the table to write
 * @param filter only source entities matching this, or null for all
 * @param transform applied to each entity on the way, or null for none
 * @param batchSize entities per transaction (at most the target's maxTransactionActions), or 0 for that maximum
 * @param parallelism batches written at once
 * @param createTargetTable create the target table when missing
 * @param verify after copying, compare the entity count and content hash ({@link EntityHash}) of the
 *               (filtered, transformed) source with the whole target table
 * @param dryRun read and transform, but write nothing; report counts and a preview
 * @param previewSize how many transformed entities a dry run shows
 * @param checkpoint the journal that makes the migration resumable, or null
 * @param retries attempts after a retryable failure of one batch
 * @param progress told how the migration advances, or null
 * @param progressInterval the least time between two progress reports
 * @param reportLimit the most failures listed in the result
 */
public record MigrateTableOptions(String sourceTable, String targetTable, Filter filter, SchemaTransform transform,
                                  int batchSize, int parallelism, boolean createTargetTable, boolean verify,
                                  boolean dryRun, int previewSize, Path checkpoint, int retries,
                                  ProgressCallback progress, Duration progressInterval, int reportLimit) {

    public MigrateTableOptions {
        if (sourceTable == null || sourceTable.isEmpty()) {
            throw StorageException.invalidArgument("sourceTable", "is required");
        }
        if (targetTable == null || targetTable.isEmpty()) {
            throw StorageException.invalidArgument("targetTable", "is required");
        }
        transform = transform == null ? SchemaTransform.identity() : transform;
        if (batchSize < 0) {
            throw StorageException.invalidArgument("batchSize", "must be 0 (the target's maximum) or positive");
        }
        if (parallelism < 1 || parallelism > 256) {
            throw StorageException.invalidArgument("parallelism", "must be 1 to 256, was " + parallelism);
        }
        if (previewSize < 0 || retries < 0 || reportLimit < 0) {
            throw StorageException.invalidArgument("previewSize/retries/reportLimit", "must not be negative");
        }
        progressInterval = progressInterval == null ? Duration.ofMillis(500) : progressInterval;
    }

    /** Copies every entity of one table into another, with the defaults. */
    public static MigrateTableOptions of(String sourceTable, String targetTable) {
        return new MigrateTableOptions(sourceTable, targetTable, null, null, 0, 4, true, true, false, 10, null, 3,
                null, Duration.ofMillis(500), 100);
    }

    public MigrateTableOptions withFilter(Filter v) {
        return new MigrateTableOptions(sourceTable, targetTable, v, transform, batchSize, parallelism,
                createTargetTable, verify, dryRun, previewSize, checkpoint, retries, progress, progressInterval,
                reportLimit);
    }

    public MigrateTableOptions withTransform(SchemaTransform v) {
        return new MigrateTableOptions(sourceTable, targetTable, filter, v, batchSize, parallelism,
                createTargetTable, verify, dryRun, previewSize, checkpoint, retries, progress, progressInterval,
                reportLimit);
    }

    public MigrateTableOptions withBatchSize(int v) {
        return new MigrateTableOptions(sourceTable, targetTable, filter, transform, v, parallelism,
                createTargetTable, verify, dryRun, previewSize, checkpoint, retries, progress, progressInterval,
                reportLimit);
    }

    public MigrateTableOptions withParallelism(int v) {
        return new MigrateTableOptions(sourceTable, targetTable, filter, transform, batchSize, v, createTargetTable,
                verify, dryRun, previewSize, checkpoint, retries, progress, progressInterval, reportLimit);
    }

    public MigrateTableOptions withCreateTargetTable(boolean v) {
        return new MigrateTableOptions(sourceTable, targetTable, filter, transform, batchSize, parallelism, v,
                verify, dryRun, previewSize, checkpoint, retries, progress, progressInterval, reportLimit);
    }

    public MigrateTableOptions withVerify(boolean v) {
        return new MigrateTableOptions(sourceTable, targetTable, filter, transform, batchSize, parallelism,
                createTargetTable, v, dryRun, previewSize, checkpoint, retries, progress, progressInterval,
                reportLimit);
    }

    public MigrateTableOptions withDryRun(boolean v) {
        return new MigrateTableOptions(sourceTable, targetTable, filter, transform, batchSize, parallelism,
                createTargetTable, verify, v, previewSize, checkpoint, retries, progress, progressInterval,
                reportLimit);
    }

    public MigrateTableOptions withPreviewSize(int v) {
        return new MigrateTableOptions(sourceTable, targetTable, filter, transform, batchSize, parallelism,
                createTargetTable, verify, dryRun, v, checkpoint, retries, progress, progressInterval, reportLimit);
    }

    public MigrateTableOptions withCheckpoint(Path v) {
        return new MigrateTableOptions(sourceTable, targetTable, filter, transform, batchSize, parallelism,
                createTargetTable, verify, dryRun, previewSize, v, retries, progress, progressInterval, reportLimit);
    }

    public MigrateTableOptions withRetries(int v) {
        return new MigrateTableOptions(sourceTable, targetTable, filter, transform, batchSize, parallelism,
                createTargetTable, verify, dryRun, previewSize, checkpoint, v, progress, progressInterval,
                reportLimit);
    }

    public MigrateTableOptions withProgress(ProgressCallback v) {
        return new MigrateTableOptions(sourceTable, targetTable, filter, transform, batchSize, parallelism,
                createTargetTable, verify, dryRun, previewSize, checkpoint, retries, v, progressInterval,
                reportLimit);
    }

    public MigrateTableOptions withProgressInterval(Duration v) {
        return new MigrateTableOptions(sourceTable, targetTable, filter, transform, batchSize, parallelism,
                createTargetTable, verify, dryRun, previewSize, checkpoint, retries, progress, v, reportLimit);
    }

    public MigrateTableOptions withReportLimit(int v) {
        return new MigrateTableOptions(sourceTable, targetTable, filter, transform, batchSize, parallelism,
                createTargetTable, verify, dryRun, previewSize, checkpoint, retries, progress, progressInterval, v);
    }
}
