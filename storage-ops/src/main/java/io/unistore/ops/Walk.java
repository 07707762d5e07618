package io.unistore.ops;

import io.unistore.Capability;
import io.unistore.StorageAccount;
import io.unistore.file.FileItem;
import io.unistore.file.ListFilesOptions;
import io.unistore.file.ShareInfo;
import io.unistore.queue.QueueMessage;
import io.unistore.table.TableEntity;
import io.unistore.table.TableQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/** One run of {@link StorageMetrics}: measures each item in turn, stopping when the thread is interrupted. */
final class Walk {
    private static final long GIB = 1L << 30;

    private final StorageAccount account;
    private final MetricsOptions options;
    private final Instant now;
    private final ProgressMeter meter;

    Walk(StorageAccount account, MetricsOptions options, Instant now, ProgressMeter meter) {
        this.account = account;
        this.options = options;
        this.now = now;
        this.meter = meter;
    }

    boolean stopped() {
        return Thread.currentThread().isInterrupted();
    }

    ContainerMetrics container(String name) {
        meter.phase("container " + name);
        BlobTally tally = new BlobTally(name, now, options.prefixDepth(), options.maxPrefixes(), options.topN());
        return StorageMetrics.walkContainer(account, name, options.prefix(), options.samplePercent(), tally, meter);
    }

    /** Entities arrive in partition order, so each partition is counted whole and then compared with the top N. */
    TableMetrics table(String name) {
        meter.phase("table " + name);
        PriorityQueue<TableMetrics.Partition> top =
                new PriorityQueue<>(Comparator.comparingLong(TableMetrics.Partition::entities)
                        .thenComparing(TableMetrics.Partition::partitionKey, Comparator.reverseOrder()));
        long entities = 0;
        long partitions = 0;
        long largest = 0;
        String current = null;
        long inCurrent = 0;
        for (TableEntity e : account.tables().query(name, TableQuery.all()
                .withSelect(List.of(TableEntity.PARTITION_KEY)))) {
            if (stopped()) {
                break;
            }
            if (!e.partitionKey().equals(current)) {
                if (current != null) {
                    keep(top, new TableMetrics.Partition(current, inCurrent));
                    largest = Math.max(largest, inCurrent);
                }
                current = e.partitionKey();
                inCurrent = 0;
                partitions++;
            }
            inCurrent++;
            entities++;
            meter.done();
        }
        if (current != null) {
            keep(top, new TableMetrics.Partition(current, inCurrent));
            largest = Math.max(largest, inCurrent);
        }
        List<TableMetrics.Partition> list = new ArrayList<>(top);
        list.sort(Comparator.comparingLong(TableMetrics.Partition::entities).reversed()
                .thenComparing(TableMetrics.Partition::partitionKey));
        double skew = partitions == 0 ? 0 : largest / ((double) entities / partitions);
        return new TableMetrics(name, entities, partitions, list, skew);
    }

    private void keep(PriorityQueue<TableMetrics.Partition> top, TableMetrics.Partition p) {
        if (options.topN() == 0) {
            return;
        }
        top.add(p);
        if (top.size() > options.topN()) {
            top.poll();
        }
    }

    QueueMetrics queue(String name) {
        meter.phase("queue " + name);
        long depth = account.queues().getQueueProperties(name).approximateMessageCount();
        long age = -1;
        if (account.capabilities().has(Capability.QUEUE_PEEK)) {
            List<QueueMessage> head = account.queues().peekMessages(name, 1);
            if (!head.isEmpty() && head.get(0).insertedAt() != null) {
                age = Math.max(0, Duration.between(head.get(0).insertedAt(), now).toSeconds());
            }
        }
        meter.done();
        return new QueueMetrics(name, depth, age);
    }

    ShareMetrics share(String name) {
        meter.phase("share " + name);
        ShareInfo info = account.files().getShareProperties(name);
        long files = 0;
        long dirs = 0;
        long bytes = 0;
        for (FileItem f : account.files().list(name, "", ListFilesOptions.recursively())) {
            if (stopped()) {
                break;
            }
            if (f.directory()) {
                dirs++;
            } else {
                files++;
                bytes += f.size();
                meter.bytes(f.size());
            }
            meter.done();
        }
        double used = info.quotaGb() > 0 ? 100.0 * bytes / (info.quotaGb() * (double) GIB) : -1;
        return new ShareMetrics(name, files, dirs, bytes, info.quotaGb(), used);
    }
}
