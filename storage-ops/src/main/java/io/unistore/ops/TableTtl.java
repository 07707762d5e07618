package io.unistore.ops;

import io.unistore.ErrorCode;
import io.unistore.StorageAccount;
import io.unistore.StorageException;
import io.unistore.table.Filter;
import io.unistore.table.TableEntity;
import io.unistore.table.TableQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Time to live for tables: deletes the entities whose date property (or {@code Timestamp}, the last write) is
 * older than a cut-off. A named property is filtered by the service ({@code property lt cutoff}, so only expired
 * entities are read); {@code Timestamp} is compared here, reading the keys of every entity. Each delete is
 * conditional on the ETag read, so an entity rewritten meanwhile (and so no longer expired) stays. Repeating a
 * run deletes nothing more: it is idempotent and, interrupted, simply run again.
 */
public final class TableTtl {
    private TableTtl() {
    }

    /**
     * The result of a cleanup.
     *
     * @param examined entities read
     * @param expired entities found expired
     * @param deleted entities deleted (0 in a dry run)
     * @param skippedChanged expired entities changed or deleted by someone else meanwhile
     * @param cutoff entities older than this expired
     * @param interrupted whether the run was stopped before the end
     * @param duration how long it took
     */
    public record Result(long examined, long expired, long deleted, long skippedChanged, Instant cutoff,
                         boolean interrupted, Duration duration) {
    }

    /**
     * Deletes (or, with {@code dryRun}, counts) the entities of {@code table} older than {@code olderThan}.
     *
     * @param property a DateTime property holding each entity's date, or null for {@code Timestamp}
     * @param now the instant ages are measured from (null: the clock)
     */
    public static Result cleanup(StorageAccount account, String table, String property, Duration olderThan,
                                 boolean dryRun, Instant now, ProgressCallback progress) {
        if (olderThan == null || olderThan.isNegative()) {
            throw StorageException.invalidArgument("olderThan", "must be a duration of 0 or more");
        }
        boolean byTimestamp = property == null || property.equals("Timestamp");
        Instant cutoff = (now == null ? Instant.now() : now).minus(olderThan);
        ProgressMeter meter = new ProgressMeter("cleanup-expired-entities", progress, Duration.ofMillis(500));
        meter.phase(dryRun ? "counting" : "deleting");
        TableQuery query = byTimestamp ? TableQuery.all().withSelect(List.of(TableEntity.PARTITION_KEY))
                : TableQuery.where(Filter.lt(property, cutoff)).withSelect(List.of(property));
        long examined = 0;
        long expired = 0;
        long deleted = 0;
        long changed = 0;
        boolean interrupted = false;
        for (TableEntity e : account.tables().query(table, query)) {
            if (Thread.currentThread().isInterrupted()) {
                interrupted = true;
                break;
            }
            examined++;
            meter.done();
            if (byTimestamp ? e.timestamp() == null || !e.timestamp().isBefore(cutoff) : false) {
                continue;
            }
            expired++;
            if (dryRun) {
                continue;
            }
            try {
                if (account.tables().deleteEntity(table, e.partitionKey(), e.rowKey(), e.etag())) {
                    deleted++;
                } else {
                    changed++;
                }
            } catch (StorageException ex) {
                if (ex.code() != ErrorCode.PRECONDITION_FAILED) {
                    throw ex;
                }
                changed++;
            }
        }
        meter.phase(interrupted ? "interrupted" : "done");
        return new Result(examined, expired, deleted, changed, cutoff, interrupted, meter.elapsed());
    }
}
