package io.unistore.ops;

import io.unistore.ErrorCode;
import io.unistore.StorageAccount;
import io.unistore.StorageException;
import io.unistore.table.TableEntity;
import io.unistore.table.TableQuery;
import io.unistore.table.UpdateMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The runs table of scheduled jobs, which is also their lock: one row per job and due time (PartitionKey the job,
 * RowKey the due instant as 19-digit epoch milliseconds). A server runs a due time only after creating its row
 * (a conditional insert: only one creation succeeds) or, when the row's holder let its lease lapse without
 * finishing (it died), after replacing the row conditionally on the ETag it read (only one replacement succeeds).
 * The holder extends the lease while it runs and writes the outcome at the end, each time conditionally on its
 * own last ETag, so a holder that lost the run cannot overwrite its successor.
 */
public final class JobRuns {
    /** The table used when none is given. */
    public static final String DEFAULT_TABLE = "unistoreschedule";

    private final StorageAccount account;
    private final String table;

    /** A held run: the row as last written by its holder. */
    record Held(ScheduledRun run, String etag) {
    }

    /**
     * The runs table in an account (created on first use).
     *
     * @throws StorageException UNSUPPORTED when the account has no tables
     */
    public JobRuns(StorageAccount account, String table) {
        if (!account.capabilities().has(io.unistore.Capability.TABLES)) {
            throw StorageException.unsupported("a schedule's runs table: account " + account.providerId()
                    + " has no tables");
        }
        this.account = account;
        this.table = table == null ? DEFAULT_TABLE : table;
    }

    public String table() {
        return table;
    }

    /**
     * Takes the run of {@code job} due at {@code due}: creates its row, or takes over a row whose holder's lease
     * has lapsed without an outcome.
     *
     * @return the held run, or empty when another holds it or it has ended
     */
    Optional<Held> claim(String job, Instant due, String owner, Instant now, Duration lease) {
        account.tables().createTableIfNotExists(table);
        try {
            ScheduledRun run = new ScheduledRun(job, due, owner, 1, now, null, ScheduledRun.RUNNING, null,
                    now.plus(lease));
            return Optional.of(new Held(run, account.tables().insertEntity(table, entity(run))));
        } catch (StorageException e) {
            if (e.code() != ErrorCode.ALREADY_EXISTS && e.code() != ErrorCode.CONFLICT) {
                throw e;
            }
        }
        Optional<TableEntity> row = account.tables().findEntity(table, job, key(due));
        if (row.isEmpty()) {
            return Optional.empty(); // deleted meanwhile: the next tick tries again
        }
        ScheduledRun seen = run(row.get());
        if (!seen.outcome().equals(ScheduledRun.RUNNING) || seen.leaseUntil().isAfter(now)) {
            return Optional.empty();
        }
        ScheduledRun mine = new ScheduledRun(job, due, owner, seen.attempt() + 1, now, null, ScheduledRun.RUNNING,
                "took over from " + seen.owner() + ", whose lease lapsed at " + seen.leaseUntil(), now.plus(lease));
        return replace(new Held(seen, row.get().etag()), mine);
    }

    /** Extends the lease of a held run; empty when the run was lost to another holder. */
    Optional<Held> renew(Held held, Instant now, Duration lease) {
        ScheduledRun r = held.run();
        return replace(held, new ScheduledRun(r.job(), r.due(), r.owner(), r.attempt(), r.start(), null,
                r.outcome(), r.summary(), now.plus(lease)));
    }

    /** Writes the outcome of a held run; false when the run was lost to another holder. */
    boolean finish(Held held, Instant now, boolean succeeded, String summary) {
        ScheduledRun r = held.run();
        return replace(held, new ScheduledRun(r.job(), r.due(), r.owner(), r.attempt(), r.start(), now,
                succeeded ? ScheduledRun.SUCCEEDED : ScheduledRun.FAILED, summary, now)).isPresent();
    }

    /** The row of one run, if any. */
    Optional<ScheduledRun> find(String job, Instant due) {
        if (!account.tables().tableExists(table)) {
            return Optional.empty();
        }
        return account.tables().findEntity(table, job, key(due)).map(JobRuns::run);
    }

    /**
     * The newest runs, of one job or all (null), newest due time first, at most {@code limit}.
     */
    public List<ScheduledRun> list(String job, int limit) {
        if (limit < 1 || limit > 10_000) {
            throw StorageException.invalidArgument("limit", "must be between 1 and 10000, was " + limit);
        }
        if (!account.tables().tableExists(table)) {
            return List.of();
        }
        TableQuery q = job == null ? TableQuery.all()
                : TableQuery.where("PartitionKey eq '" + job.replace("'", "''") + "'");
        List<ScheduledRun> all = new ArrayList<>();
        for (TableEntity e : account.tables().query(table, q)) {
            all.add(run(e));
        }
        all.sort((a, b) -> b.due().compareTo(a.due()) != 0 ? b.due().compareTo(a.due()) : a.job().compareTo(b.job()));
        return List.copyOf(all.subList(0, Math.min(limit, all.size())));
    }

    private Optional<Held> replace(Held held, ScheduledRun next) {
        try {
            String etag = account.tables().updateEntity(table, entity(next), UpdateMode.REPLACE, held.etag());
            return Optional.of(new Held(next, etag));
        } catch (StorageException e) {
            if (e.code() == ErrorCode.PRECONDITION_FAILED || e.code() == ErrorCode.NOT_FOUND
                    || e.code() == ErrorCode.CONFLICT) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static String key(Instant due) {
        return String.format("%019d", due.toEpochMilli());
    }

    private static TableEntity entity(ScheduledRun r) {
        TableEntity.Builder b = TableEntity.builder(r.job(), key(r.due())).put("Due", r.due()).put("Owner", r.owner())
                .put("Attempt", r.attempt()).put("Start", r.start()).put("Outcome", r.outcome())
                .put("LeaseUntil", r.leaseUntil());
        if (r.end() != null) {
            b.put("End", r.end());
        }
        if (r.summary() != null) {
            b.put("Summary", r.summary().length() > 8000 ? r.summary().substring(0, 8000) : r.summary());
        }
        return b.build();
    }

    private static ScheduledRun run(TableEntity e) {
        Object attempt = e.get("Attempt");
        return new ScheduledRun(e.partitionKey(), e.getDateTime("Due"), e.getString("Owner"),
                attempt instanceof Number n ? n.intValue() : 1, e.getDateTime("Start"), e.getDateTime("End"),
                e.getString("Outcome"), e.getString("Summary"), e.getDateTime("LeaseUntil"));
    }
}
