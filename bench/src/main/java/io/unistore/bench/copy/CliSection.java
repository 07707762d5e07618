package io.unistore.bench.copy;

import io.unistore.StorageAccount;
import io.unistore.bench.BenchData;
import io.unistore.bench.Context;
import io.unistore.bench.Contender;
import io.unistore.bench.Figure;
import io.unistore.bench.Goal;
import io.unistore.bench.Interleaved;
import io.unistore.bench.Procs;
import io.unistore.bench.Rclone;
import io.unistore.bench.Section;
import io.unistore.bench.SectionResult;
import io.unistore.bench.Series;
import io.unistore.bench.Trial;
import io.unistore.bench.Workspace;
import io.unistore.blob.UploadOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue #19: the {@code unistore} command line beside rclone, Azurite → S3Proxy: {@code unistore cp -r} against
 * {@code rclone copy}, {@code unistore sync} against {@code rclone sync} into an empty bucket, and a second sync
 * with nothing to do (each tool on the bucket it synced itself). Both are processes; their times include their
 * start.
 */
public final class CliSection extends Section {
    static final String UNISTORE = "unistore (bin/unistore)";
    static final String RCLONE = "rclone (defaults)";
    static final String RCLONE_32 = "rclone --transfers 32";

    private final AtomicInteger buckets = new AtomicInteger();

    public CliSection() {
        super("cli", "Command line Azurite → S3Proxy: unistore cp/sync vs rclone copy/sync");
    }

    @Override
    public void run(Context ctx, SectionResult.Builder out) throws Exception {
        if (Rclone.version().isEmpty()) {
            out.missing("rclone is not installed (Debian: `apt-get install -y rclone`): the command line comparison "
                    + "was not run");
            return;
        }
        if (!built(ctx, out)) {
            return;
        }
        int n = ctx.profile().copySmallObjects();
        int small = ctx.profile().copySmallBytes();
        long large = ctx.profile().copyLargeBytes();
        RcloneCopy rclone = new RcloneCopy(ctx.backends().azurite(), ctx.backends().s3proxy());
        Path dir = ctx.workspace().newDir("cli-");
        Unistore cli = Unistore.on(ctx, dir);
        try (StorageAccount azure = ctx.backends().openAzure(); StorageAccount s3 = ctx.backends().openS3()) {
            ctx.log().info("cli: preparing %,d x %d B and 1 x %d MiB in Azurite", n, small, large >> 20);
            CopySection.prepareSmall(azure, "cli-small", n, small);
            azure.blobs().createContainerIfNotExists("cli-large");
            Path file = BenchData.randomFile(dir.resolve("object.bin"), large);
            azure.blobs().upload("cli-large", "object.bin", file, UploadOptions.defaults());
            Files.delete(file);
            String smallWhat = String.format("%,d x %d KiB objects", n, small / 1024);
            copyFigure(ctx, out, s3, rclone, cli, "cp", "copy", "cli-small", smallWhat, (long) n * small, n);
            copyFigure(ctx, out, s3, rclone, cli, "cp", "copy", "cli-large", "1 x " + (large >> 20) + " MiB object",
                    large, 1);
            copyFigure(ctx, out, s3, rclone, cli, "sync", "sync", "cli-small", smallWhat, (long) n * small, n);
            nothingToDo(ctx, out, s3, rclone, cli, "cli-small", smallWhat, n);
        } finally {
            Workspace.delete(dir);
        }
        out.note("Both tools run as processes on the same 1,000 × 4 KiB objects and 1 GiB object in Azurite, each "
                + "round into a new, empty S3Proxy bucket (deleted after the round). unistore: `bin/unistore cp -r "
                + "az:SOURCE s3:TARGET` and `bin/unistore sync az:SOURCE s3:TARGET` with their defaults (16 objects in "
                + "flight, storage-ops' copy engine: streamed, MD5-verified; sync lists both sides, compares size and "
                + "time, copies the difference), accounts from a config file. rclone: `rclone copy` / `rclone sync` "
                + "with its defaults (4 transfers, 8 checkers) and `--transfers 32`, remotes from environment "
                + "variables. 'Nothing to do': a second sync onto a bucket the same tool synced before, timed in "
                + "seconds (lower is better). Rate = source bytes / wall time, process start included.");
    }

    /** Whether the command line's jar is built; records what is missing when not. */
    static boolean built(Context ctx, SectionResult.Builder out) {
        Path jar = ctx.workspace().root().resolve("storage-cli/target/unistore.jar");
        if (!Files.isRegularFile(jar)) {
            out.missing("unistore: " + jar + " is missing (build: mvn -B -q -pl bench -am package -DskipTests)");
            return false;
        }
        return true;
    }

    /** The unistore launcher with the bench's accounts. */
    record Unistore(Path launcher, Path jar, Path config, Path dir) {
        /** The launcher on the bench's Azurite ('az') and S3Proxy ('s3'), its accounts file written into dir. */
        static Unistore on(Context ctx, Path dir) throws java.io.IOException {
            Path root = ctx.workspace().root();
            Path config = dir.resolve("accounts.json");
            Files.writeString(config, JsonMapper.shared().writeValueAsString(Map.of("accounts", Map.of(
                    "az", Map.of("address", ctx.backends().azurite().connectionString(),
                            "options", Map.of("versioning", "false")),
                    "s3", Map.of("address", "s3://", "options", ctx.backends().s3Options())))));
            return new Unistore(root.resolve("storage-cli/bin/unistore"), root.resolve("storage-cli/target/unistore.jar"),
                    config, dir);
        }

        double run(String... args) {
            List<String> cmd = new ArrayList<>(List.of("sh", launcher.toString()));
            cmd.addAll(List.of(args));
            return Procs.run(cmd, dir, Map.of("UNISTORE_CONFIG", config.toString(), "UNISTORE_JAR", jar.toString()),
                    3600).requireSuccess("unistore " + String.join(" ", args)).seconds();
        }
    }

    private void copyFigure(Context ctx, SectionResult.Builder out, StorageAccount s3, RcloneCopy rclone,
                            Unistore cli, String verb, String rcloneVerb, String source, String what, long bytes,
                            int objects) throws Exception {
        ctx.log().info("cli: %s %s", verb, what);
        String name = verb + " " + what;
        List<Series> s = Interleaved.run(ctx.log(), "cli " + name, 0, ctx.profile().copyRounds(), List.of(
                Contender.unistore(UNISTORE + " " + verb, () -> trial(s3, bytes, objects,
                        target -> verb.equals("cp") ? cli.run("cp", "-q", "-r", "az:" + source, "s3:" + target)
                                : cli.run(verb, "-q", "az:" + source, "s3:" + target))),
                Contender.reference(RCLONE + " " + rcloneVerb, () -> trial(s3, bytes, objects,
                        target -> rclone.run(rcloneVerb, source, target, List.of()))),
                Contender.reference(RCLONE_32 + " " + rcloneVerb, () -> trial(s3, bytes, objects,
                        target -> rclone.run(rcloneVerb, source, target, List.of("--transfers", "32"))))));
        out.figure(new Figure(id(), name, "MB/s", false, s, new Goal(RCLONE_32 + " " + rcloneVerb, 1.0, false),
                null).explainIfSlower(Figure.NOT_PROFILED));
    }

    private void nothingToDo(Context ctx, SectionResult.Builder out, StorageAccount s3, RcloneCopy rclone,
                             Unistore cli, String source, String what, int objects) throws Exception {
        String mine = bucket();
        String theirs = bucket();
        try {
            cli.run("sync", "-q", "az:" + source, "s3:" + mine);
            rclone.run("sync", source, theirs, List.of());
            ctx.log().info("cli: second sync of %s", what);
            List<Series> s = Interleaved.run(ctx.log(), "cli sync nothing to do", 0, ctx.profile().copyRounds(),
                    List.of(Contender.unistore(UNISTORE + " sync", () -> Trial.of(cli.run("sync", "-q", "az:" + source,
                                    "s3:" + mine))),
                            Contender.reference(RCLONE + " sync", () -> Trial.of(rclone.run("sync", source, theirs,
                                    List.of())))));
            out.figure(new Figure(id(), "second sync, nothing to do, " + what, "s", true, s, null, null)
                    .explainIfSlower(Figure.NOT_PROFILED));
            long count = s3.blobs().list(mine).stream().count();
            if (count != objects) {
                throw new IllegalStateException("unistore sync left " + count + " of " + objects + " objects");
            }
        } finally {
            s3.blobs().deleteContainer(mine);
            s3.blobs().deleteContainer(theirs);
        }
    }

    @FunctionalInterface
    interface Copier {
        double copy(String target) throws Exception;
    }

    private Trial trial(StorageAccount s3, long bytes, int objects, Copier copier) throws Exception {
        String target = bucket();
        try {
            double seconds = copier.copy(target);
            long copied = s3.blobs().list(target).stream().count();
            if (copied != objects) {
                throw new IllegalStateException("copied " + copied + " of " + objects + " objects");
            }
            return Trial.of(BenchData.megabytesPerSecond(bytes, seconds));
        } finally {
            s3.blobs().deleteContainer(target);
        }
    }

    private String bucket() {
        return "cli-target-" + System.currentTimeMillis() % 100_000 + "-" + buckets.incrementAndGet();
    }
}
