package io.unistore.ops;

import io.unistore.ErrorCode;
import io.unistore.StorageAccount;
import io.unistore.StorageException;
import io.unistore.table.Filter;
import io.unistore.table.TableEntity;
import io.unistore.table.TableQuery;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * A query run through an index: the index rows between the plan's bounds give candidate keys, which are read
 * in key order (one by one while reads take under a millisecond, as on an in-process store, else 8 at once) and
 * kept when they match the whole filter, so stale rows never show and the result is the scan's. A page ends after {@code pageSize} matches; its token holds the last key returned.
 */
final class IndexedScan {
    private static final String TOKEN = "ix1:";
    private static final int FETCH_THREADS = 8;
    /** Candidates read one by one before judging whether reads are quick. */
    private static final int PROBE = 2;
    /** A mean read time under this (an in-process store) keeps reading one by one. */
    private static final long QUICK_NANOS = 1_000_000;
    private static final Comparator<String[]> KEY_ORDER = Comparator.<String[], String>comparing(k -> k[0])
            .thenComparing(k -> k[1]);

    private final StorageAccount account;
    private final String table;
    private final IndexPlan plan;

    IndexedScan(StorageAccount account, String table, IndexPlan plan) {
        this.account = account;
        this.table = table;
        this.plan = plan;
    }

    static boolean isToken(String token) {
        return token.startsWith(TOKEN);
    }

    PlannedQueryResult page(TableQuery query) {
        String[] after = query.continuationToken() == null ? null : decode(query.continuationToken());
        Filter range = Filter.ge(TableEntity.PARTITION_KEY, plan.from())
                .and(Filter.lt(TableEntity.PARTITION_KEY, plan.to()));
        TreeSet<String[]> candidates = new TreeSet<>(KEY_ORDER);
        long read = 0;
        for (TableEntity row : account.tables().query(plan.index().indexTable(), TableQuery.where(range)
                .withSelect(List.of(IndexRow.BASE_PK, IndexRow.BASE_RK)).withPageSize(1000))) {
            read++;
            String[] key = {row.getString(IndexRow.BASE_PK), row.getString(IndexRow.BASE_RK)};
            if (key[0] != null && key[1] != null && (after == null || KEY_ORDER.compare(key, after) > 0)) {
                candidates.add(key);
            }
        }
        int want = query.top() == null ? query.pageSize() : Math.max(0, Math.min(query.top(), query.pageSize()));
        List<TableEntity> matches = new ArrayList<>();
        List<String[]> ordered = new ArrayList<>(candidates);
        int i = 0;
        long nanos = 0;
        // One by one while reads are quick: an in-process store answers in microseconds, and handing reads to
        // threads costs more than it saves (most on a busy machine); a remote store goes parallel after PROBE.
        while (i < ordered.size() && matches.size() < want && (i < PROBE || nanos / i < QUICK_NANOS)) {
            long s = System.nanoTime();
            TableEntity e = fetch(ordered.get(i++));
            nanos += System.nanoTime() - s;
            read++;
            keep(e, query, matches);
        }
        if (i < ordered.size() && matches.size() < want) {
            ExecutorService pool = Workers.pool("unistore-index-read", Math.min(FETCH_THREADS, ordered.size() - i));
            try {
                while (i < ordered.size() && matches.size() < want) {
                    int end = Math.min(ordered.size(), i + Math.max(FETCH_THREADS, want - matches.size()));
                    List<CompletableFuture<TableEntity>> reads = new ArrayList<>();
                    for (String[] k : ordered.subList(i, end)) {
                        reads.add(CompletableFuture.supplyAsync(() -> fetch(k), pool));
                    }
                    for (int j = 0; j < reads.size() && matches.size() < want; j++) {
                        TableEntity e = join(reads.get(j));
                        read++;
                        i++;
                        keep(e, query, matches);
                    }
                }
            } finally {
                pool.shutdownNow();
            }
        }
        boolean more = matches.size() == want && i < ordered.size();
        String token = more ? encode(matches.get(matches.size() - 1)) : null;
        return new PlannedQueryResult(plan.describe(), matches, token, read);
    }

    /** Keeps an entity read for a candidate when it still exists and matches the whole filter. */
    private static void keep(TableEntity e, TableQuery query, List<TableEntity> matches) {
        if (e != null && query.filter().test(e)) {
            matches.add(query.select() == null ? e : e.select(query.select()));
        }
    }

    private TableEntity fetch(String[] key) {
        try {
            return account.tables().getEntity(table, key[0], key[1]);
        } catch (StorageException e) {
            if (e.code() == ErrorCode.NOT_FOUND) {
                return null;
            }
            throw e;
        }
    }

    private static TableEntity join(CompletableFuture<TableEntity> f) {
        try {
            return f.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    private static String encode(TableEntity last) {
        Base64.Encoder b = Base64.getUrlEncoder().withoutPadding();
        return TOKEN + b.encodeToString(last.partitionKey().getBytes(StandardCharsets.UTF_8)) + "."
                + b.encodeToString(last.rowKey().getBytes(StandardCharsets.UTF_8));
    }

    private static String[] decode(String token) {
        String body = token.substring(TOKEN.length());
        int dot = body.indexOf('.');
        try {
            Base64.Decoder d = Base64.getUrlDecoder();
            return new String[] {new String(d.decode(body.substring(0, dot)), StandardCharsets.UTF_8),
                    new String(d.decode(body.substring(dot + 1)), StandardCharsets.UTF_8)};
        } catch (RuntimeException e) {
            throw StorageException.invalidArgument("continuationToken", "is not a token this query returned");
        }
    }
}
