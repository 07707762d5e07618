package io.unistore.bench.copy;

import io.unistore.StorageAccount;
import io.unistore.bench.Context;
import io.unistore.bench.Contender;
import io.unistore.bench.Figure;
import io.unistore.bench.Interleaved;
import io.unistore.bench.Section;
import io.unistore.bench.SectionResult;
import io.unistore.bench.Series;
import io.unistore.bench.Trial;
import io.unistore.bench.Workspace;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Issue #19, past one machine: {@code unistore cp -r --workers N} (a storage-ops DistributedCopy job coordinated by
 * Azurite's queue and table, N worker processes) from Azurite to S3Proxy, with 3 workers beside 1 and 2, in
 * objects per second. Everything runs on this one machine, so it shows what the coordination costs and how far
 * more processes help on these cores, not how it scales across machines.
 */
public final class DistributedCopySection extends Section {
    private final AtomicInteger buckets = new AtomicInteger();

    public DistributedCopySection() {
        super("dcopy", "Distributed copy Azurite → S3Proxy: unistore cp --workers 3 vs 1 and 2");
    }

    @Override
    public void run(Context ctx, SectionResult.Builder out) throws Exception {
        if (!CliSection.built(ctx, out)) {
            return;
        }
        int n = ctx.profile().copySmallObjects();
        int small = ctx.profile().copySmallBytes();
        Path dir = ctx.workspace().newDir("dcopy-");
        CliSection.Unistore cli = CliSection.Unistore.on(ctx, dir);
        int batch = Math.max(5, n / 20);
        try (StorageAccount azure = ctx.backends().openAzure(); StorageAccount s3 = ctx.backends().openS3()) {
            ctx.log().info("dcopy: preparing %,d x %d B in Azurite", n, small);
            CopySection.prepareSmall(azure, "dcopy-small", n, small);
            // Quick mode (CI) takes one round and leaves out 2 workers (the same code path): each trial starts up
            // to four JVMs.
            boolean quick = ctx.profile().isQuick();
            List<Contender> contenders = new java.util.ArrayList<>(List.of(
                    Contender.unistore("cp --workers 3", () -> trial(cli, s3, n, batch, 3)),
                    Contender.reference("cp --workers 1", () -> trial(cli, s3, n, batch, 1))));
            if (!quick) {
                contenders.add(Contender.reference("cp --workers 2", () -> trial(cli, s3, n, batch, 2)));
            }
            List<Series> s = Interleaved.run(ctx.log(), "dcopy", 0, quick ? 1 : ctx.profile().copyRounds(),
                    contenders);
            out.figure(new Figure(id(), String.format("%,d x %d KiB objects", n, small / 1024), "objects/s", false, s,
                    null, null).explainIfSlower(Figure.NOT_PROFILED));
            azure.blobs().deleteContainer("dcopy-small");
        } finally {
            Workspace.delete(dir);
        }
        out.note("`bin/unistore cp -q -r --workers N --batch " + batch + " az:SOURCE s3:TARGET`, each round into a new, "
                + "empty S3Proxy bucket: the command lists the source into work items of " + batch + " objects on "
                + "Azurite's queue and table, starts N worker processes (each with 16 objects in flight, streamed and "
                + "MD5-verified) and waits for the table to say complete. Rate = objects / wall time, submission and "
                + "the workers' JVM starts included. The emulators, the workers and the other builds share one 2-core "
                + "machine, so more workers compete for the same cores: this measures the coordination's cost and "
                + "the gain on one machine, not scaling across machines.");
    }

    private Trial trial(CliSection.Unistore cli, StorageAccount s3, int objects, int batch, int workers) {
        String target = "dcopy-" + System.currentTimeMillis() % 100_000 + "-" + buckets.incrementAndGet();
        try {
            double seconds = cli.run("cp", "-q", "-r", "--workers", Integer.toString(workers), "--batch",
                    Integer.toString(batch), "--queue", "az", "az:dcopy-small", "s3:" + target);
            long copied = s3.blobs().list(target).stream().count();
            if (copied != objects) {
                throw new IllegalStateException("copied " + copied + " of " + objects + " objects");
            }
            return Trial.of(objects / seconds);
        } finally {
            s3.blobs().deleteContainer(target);
        }
    }
}
