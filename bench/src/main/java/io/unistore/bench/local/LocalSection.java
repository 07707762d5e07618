package io.unistore.bench.local;

import io.unistore.StorageAccount;
import io.unistore.Unistore;
import io.unistore.blob.ReadOptions;
import io.unistore.blob.UploadOptions;
import io.unistore.bench.Context;
import io.unistore.bench.Contender;
import io.unistore.bench.Figure;
import io.unistore.bench.Goal;
import io.unistore.bench.Interleaved;
import io.unistore.bench.Procs;
import io.unistore.bench.Section;
import io.unistore.bench.SectionResult;
import io.unistore.bench.Series;
import io.unistore.bench.BenchData;
import io.unistore.bench.Trial;
import io.unistore.bench.Workspace;
import io.unistore.bench.micro.Jmh;
import io.unistore.bench.micro.LocalBench;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Issue #7 item 3, the local provider against the raw path on the same disk: blob write and read throughput
 * against {@code cp} and {@code dd}, and entity upserts and queries per second against plain SQLite JDBC running
 * the same statements. Goal: at least 0.8 times the raw path.
 */
public final class LocalSection extends Section {
    static final String JDBC = "plain SQLite JDBC";
    static final String CP = "cp";
    static final String DD = "dd bs=1M";
    static final String WHY_WRITE = "the local provider keeps every blob's MD5 (its Content-MD5, as the cloud services "
            + "do): `upload(Path)` copies the file in the kernel as `cp` does, while a helper thread computes the MD5 "
            + "of what was stored (`ContentStore`, `BackgroundMd5`). Java's MD5 runs at about 0.7 GB/s on one core "
            + "of this machine (703 MB/s measured alone), so the MD5, not the copy, sets the write speed; `cp` and "
            + "`dd` only copy. Fix (storage-local): keep a fast checksum on the write path (CRC32C runs at several "
            + "GB/s) and compute the MD5 lazily, when `getProperties` or a listing first asks for it (then store "
            + "it), or let a caller opt out of the MD5 for bulk local writes.";
    static final String WHY_READ = "`downloadToFile` reads the blob's properties and checks its conditions, copies "
            + "the content into a temporary file and renames it over the target (so a failed download never leaves "
            + "a partial file), where `cp` writes the target directly. " + Figure.NOT_PROFILED;

    public LocalSection() {
        super("local", "Local provider vs the raw path (cp/dd, SQLite JDBC)");
    }

    @Override
    public void run(Context ctx, SectionResult.Builder out) throws Exception {
        blobs(ctx, out);
        tables(ctx, out);
    }

    private void blobs(Context ctx, SectionResult.Builder out) throws Exception {
        long size = ctx.profile().localBlobBytes();
        Path dir = ctx.workspace().newDir("local-blobs-");
        Path source = BenchData.randomFile(dir.resolve("source.bin"), size);
        Path target = dir.resolve("target.bin");
        Goal goal = new Goal(CP, 0.8, false);
        // No versioning: every round overwrites the same blob, and old versions would only fill the disk.
        try (StorageAccount account = Unistore.open("file:" + dir.resolve("store") + "?versioning=false")) {
            account.blobs().createContainerIfNotExists("bench");
            ctx.log().info("local: blob write %d MiB", size >> 20);
            List<Series> write = Interleaved.run(ctx.log(), "local write", 1, ctx.profile().localRounds(),
                    withRawCopies(Contender.unistore("Unistore upload(Path)", () -> {
                        long t0 = System.nanoTime();
                        account.blobs().upload("bench", "big", source, UploadOptions.defaults());
                        return rate(size, t0);
                    }), source, target, size));
            out.figure(new Figure(id(), "blob write " + (size >> 20) + " MiB (file → store)", "MB/s", false, write,
                    goal, null).explainIfSlower(WHY_WRITE));
            ctx.log().info("local: blob read %d MiB", size >> 20);
            List<Series> read = Interleaved.run(ctx.log(), "local read", 1, ctx.profile().localRounds(),
                    withRawCopies(Contender.unistore("Unistore downloadToFile", () -> {
                        Files.deleteIfExists(target);
                        long t0 = System.nanoTime();
                        account.blobs().downloadToFile("bench", "big", target, ReadOptions.defaults());
                        return rate(size, t0);
                    }), source, target, size));
            out.figure(new Figure(id(), "blob read " + (size >> 20) + " MiB (store → file)", "MB/s", false, read,
                    goal, null).explainIfSlower(WHY_READ));
        } finally {
            Workspace.delete(dir);
        }
        out.note("Blob figures: a " + (size >> 20) + " MiB file of random bytes, from the page cache to a file on "
                + "the same ext4/scratch disk (`bench/target/bench-scratch`), without fsync on either side "
                + "(the provider's default durability `process`). The write is `upload(container, blob, Path)` "
                + "against `cp` (`--reflink=never`, so it really copies) and `dd bs=1M` of the same file; the read "
                + "is `downloadToFile` against the same commands. The processes' start-up (a few ms) counts in "
                + "their time.");
    }

    /** Unistore's contender, then {@code cp} and {@code dd} copying the same file to the same target. */
    private static List<Contender> withRawCopies(Contender unistore, Path source, Path target, long size) {
        return List.of(unistore,
                Contender.reference(CP, () -> copy(List.of("cp", "--reflink=never", source.toString(),
                        target.toString()), size, target)),
                Contender.reference(DD, () -> copy(List.of("dd", "if=" + source, "of=" + target, "bs=1M",
                        "status=none"), size, target)));
    }

    private static Trial copy(List<String> command, long size, Path target) throws Exception {
        Files.deleteIfExists(target);
        Procs.Run r = Procs.run(command, null, Map.of(), 600).requireSuccess(command.get(0));
        return Trial.of(BenchData.megabytesPerSecond(size, r.seconds()));
    }

    private static Trial rate(long size, long t0) {
        return Trial.of(BenchData.megabytesPerSecond(size, (System.nanoTime() - t0) / 1e9));
    }

    private void tables(Context ctx, SectionResult.Builder out) throws Exception {
        Path dir = ctx.workspace().newDir("local-tables-");
        LocalBench.prepare(dir.resolve("store"), dir.resolve("plain.db"));
        Goal goal = new Goal(JDBC, 0.8, false);
        String[][] ops = {{"entity upsert (replace)", "EntityUpsert"}, {"point query (get entity)", "EntityGet"},
            {"partition range query (50 entities)", "RangeQuery"}};
        for (String[] op : ops) {
            ctx.log().info("local: %s", op[0]);
            List<Series> s = Jmh.pair(ctx, LocalBench.class, "u" + op[1], "r" + op[1], JDBC);
            out.figure(new Figure(id(), op[0], "ops/s", false, perSecond(s), goal, null)
                    .explainIfSlower(Figure.NOT_PROFILED));
        }
        Workspace.delete(dir);
        out.note("Table figures: JMH in this JVM, interleaved rounds as in the micro section, operations per second. "
                + "The JDBC side runs the statements the provider runs (`INSERT ... SELECT id FROM tables ... ON "
                + "CONFLICT DO UPDATE`, the table-id lookup then the keyed `SELECT`, the range `SELECT ... ORDER BY "
                + "pk, rk LIMIT`) on the same schema and settings (WAL, synchronous=NORMAL, UTF-16BE), encoding the "
                + "five properties with a `DataOutputStream` and decoding them on reads. Source: "
                + "`bench/src/main/java/io/unistore/bench/micro/LocalBench.java`.");
    }

    /** µs/op series turned into operations per second (also for the cache section). */
    public static List<Series> perSecond(List<Series> micros) {
        List<Series> out = new ArrayList<>();
        for (Series s : micros) {
            out.add(new Series(s.label(), s.unistore(), s.samples().stream().map(us -> 1e6 / us).toList(),
                    s.extras()));
        }
        return out;
    }
}
