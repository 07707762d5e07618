package io.unistore.ops;

import io.unistore.Capability;
import io.unistore.StorageAccount;
import io.unistore.blob.BlobItem;
import io.unistore.blob.ContainerInfo;
import io.unistore.blob.ListBlobsOptions;
import io.unistore.table.TableInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures an account, or one container, table, queue or share: counts, bytes, tiers, prefixes, ages and the
 * largest items of containers; entities per partition of tables; depth and head age of queues; usage against
 * quota of shares. Listings are streamed page by page and memory stays bounded by the options, whatever the
 * number of objects. Interrupting the calling thread stops the walk: the result says {@code interrupted}.
 *
 * <p><b>Sampling.</b> With {@code samplePercent} p below 100, each container is listed with the delimiter
 * "/": blobs at its top level are all counted, and each top-level prefix is listed (all of it) with probability
 * p/100, chosen by a hash of its name, its blobs counted 1/p times. The totals are then unbiased
 * (Horvitz-Thompson) estimates; the 95% error bound is 1.96 &times; the square root of the estimated variance
 * (1-p)/p&sup2; &times; &Sigma; y&sup2; over the sampled prefixes, y being a prefix's count (or bytes). A container
 * without top-level prefixes is thus listed whole (bound 0); listing fewer prefixes is what saves requests.
 */
public final class StorageMetrics {
    static final String OPERATION = "get-storage-metrics";
    static final String ERROR_BOUND = "95% bound = 1.96 * sqrt((1-p)/p^2 * sum over sampled top-level prefixes of "
            + "y^2), y the prefix's objects or bytes, p the sampling probability (Horvitz-Thompson, Bernoulli "
            + "sampling of prefixes); blobs at the top level are all counted";

    private StorageMetrics() {
    }

    /** Measures what the options name (the whole account when they name nothing). */
    public static MetricsResult collect(StorageAccount account, MetricsOptions options) {
        Instant now = options.clock();
        ProgressMeter meter = new ProgressMeter(OPERATION, options.progress(), options.progressInterval());
        Walk walk = new Walk(account, options, now, meter);
        List<ContainerMetrics> containers = new ArrayList<>();
        List<TableMetrics> tables = new ArrayList<>();
        List<QueueMetrics> queues = new ArrayList<>();
        List<ShareMetrics> shares = new ArrayList<>();
        for (String c : containerNames(account, options)) {
            if (walk.stopped()) {
                break;
            }
            containers.add(walk.container(c));
        }
        for (String t : tableNames(account, options)) {
            if (walk.stopped()) {
                break;
            }
            tables.add(walk.table(t));
        }
        for (String q : queueNames(account, options)) {
            if (walk.stopped()) {
                break;
            }
            queues.add(walk.queue(q));
        }
        for (String s : shareNames(account, options)) {
            if (walk.stopped()) {
                break;
            }
            shares.add(walk.share(s));
        }
        meter.phase(walk.stopped() ? "interrupted" : "done");
        boolean sampled = containers.stream().anyMatch(ContainerMetrics::estimated);
        return new MetricsResult(now, containers, tables, queues, shares, options.samplePercent(),
                sampled ? ERROR_BOUND : null, walk.stopped(), meter.elapsed(),
                options.thresholds().check(containers, tables, queues, shares));
    }

    /** Every container, or just the one named; none when another kind is named. */
    static List<String> containerNames(StorageAccount account, MetricsOptions o) {
        if (o.container() != null) {
            return List.of(o.container());
        }
        if (!o.wholeAccount() || !account.capabilities().has(Capability.BLOBS)) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (ContainerInfo c : account.blobs().listContainers()) {
            names.add(c.name());
        }
        return names;
    }

    private static List<String> tableNames(StorageAccount account, MetricsOptions o) {
        if (o.table() != null) {
            return List.of(o.table());
        }
        if (!o.wholeAccount() || !account.capabilities().has(Capability.TABLES)) {
            return List.of();
        }
        return account.tables().listTables().stream().map(TableInfo::name).toList();
    }

    private static List<String> queueNames(StorageAccount account, MetricsOptions o) {
        if (o.queue() != null) {
            return List.of(o.queue());
        }
        if (!o.wholeAccount() || !account.capabilities().has(Capability.QUEUES)) {
            return List.of();
        }
        return account.queues().listQueues().stream().map(q -> q.name()).toList();
    }

    private static List<String> shareNames(StorageAccount account, MetricsOptions o) {
        if (o.share() != null) {
            return List.of(o.share());
        }
        if (!o.wholeAccount() || !account.capabilities().has(Capability.FILES)) {
            return List.of();
        }
        return account.files().listShares().stream().map(s -> s.name()).toList();
    }

    /** Lists the blobs of a container (or under a prefix), streaming, into a tally. */
    static ContainerMetrics walkContainer(StorageAccount account, String container, String prefix, int samplePercent,
                                          BlobTally tally, ProgressMeter meter) {
        if (samplePercent >= 100) {
            for (BlobItem item : account.blobs().list(container, ListBlobsOptions.defaults().withPrefix(prefix)
                    .withPageSize(1000))) {
                if (Thread.currentThread().isInterrupted()) {
                    break;
                }
                tally.add(item.properties(), 1);
                meter.bytes(item.properties().size());
                meter.done();
            }
            return tally.result(false, 0, 0);
        }
        double p = samplePercent / 100.0;
        double varObjects = 0;
        double varBytes = 0;
        boolean estimated = false;
        for (BlobItem top : account.blobs().list(container, ListBlobsOptions.defaults().withPrefix(prefix)
                .withDelimiter("/").withPageSize(1000))) {
            if (Thread.currentThread().isInterrupted()) {
                break;
            }
            if (!top.prefix()) {
                tally.add(top.properties(), 1);
                meter.done();
                continue;
            }
            estimated = true;
            if (!Sampling.chosen(top.name(), samplePercent)) {
                continue;
            }
            long count = 0;
            long bytes = 0;
            for (BlobItem item : account.blobs().list(container, ListBlobsOptions.prefix(top.name())
                    .withPageSize(1000))) {
                if (Thread.currentThread().isInterrupted()) {
                    break;
                }
                tally.add(item.properties(), 1 / p);
                count++;
                bytes += item.properties().size();
                meter.bytes(item.properties().size());
                meter.done();
            }
            varObjects += (1 - p) / (p * p) * (double) count * count;
            varBytes += (1 - p) / (p * p) * (double) bytes * bytes;
        }
        return tally.result(estimated, Math.round(1.96 * Math.sqrt(varObjects)), Math.round(1.96 * Math.sqrt(varBytes)));
    }
}
