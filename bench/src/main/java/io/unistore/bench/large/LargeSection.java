package io.unistore.bench.large;

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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue #7 item 2, large transfers: one object uploaded from a file and downloaded to a file, by Unistore with
 * its defaults, by the SDK with its defaults and by the SDK with hand-tuned settings, each in a fresh child JVM
 * with a small heap; peak heap and RSS are reported. Goal: at least as fast as the tuned SDK, in flat memory.
 */
public final class LargeSection extends Section {
    static final String SDK = "SDK defaults";
    static final String TUNED = "SDK tuned";
    /** Causes found by reading the providers (and the child's timings), by back end and direction. */
    static final Map<String, String> WHY = Map.of(
            "S3Proxy upload", "the S3 provider hashes the whole object with MD5 (kept as its content MD5) on the one "
                    + "thread that also reads the file, sequentially, into the part buffers (8 MiB parts, 4 in "
                    + "flight, about 110 MiB peak heap of the 128 MiB); the hand-tuned upload reads the parts at "
                    + "their offsets in parallel and hashes nothing, the SDK's default streams one PUT. Fix "
                    + "(storage-aws): override `upload(container, blob, Path, options)` to read parts at their "
                    + "offsets on the upload threads and hash on a thread of its own, and keep 3 parts in flight "
                    + "(lower heap, less GC in a small heap).",
            "Azurite upload", "the Azure provider hashes the whole blob with MD5 (stored as Content-MD5) on the "
                    + "thread that reads the file into the 8 MiB blocks; the SDK's `uploadFromFile` reads blocks at "
                    + "their offsets in parallel and hashes nothing. Fix (storage-azure): override `upload(container, "
                    + "blob, Path, options)` to read blocks at their offsets on the upload threads and compute the "
                    + "MD5 on a separate thread.",
            "GCS stand-in upload", "the GCS provider writes through `storage.writer()` in 16 MiB chunks: each chunk is "
                    + "buffered, sent and acknowledged (308) before the next is read, so reading and sending never "
                    + "overlap; `createFrom(path)` streams the file. Fix (storage-gcp): override `upload(container, "
                    + "blob, Path, options)` to use `storage.createFrom(info, path, bufferSize, options)` (resumable, "
                    + "streamed from the file, retried by the SDK).",
            "Azurite download", "`downloadToFile` reads the properties, then lets the SDK download ranges in "
                    + "parallel (8 MiB x 4) into a temporary file that replaces the target at the end; on Azurite one "
                    + "streamed GET (`downloadStream`, the tuned setting) is faster than parallel ranges. On real "
                    + "Azure parallel ranges are the faster way for large blobs. " + Figure.NOT_PROFILED);
    private static final Pattern RESULT = Pattern.compile("RESULT upload=(\\S+) download=(\\S+) heapUp=(\\S+) "
            + "rssUp=(\\S+) heapDown=(\\S+) rssDown=(\\S+)");

    public LargeSection() {
        super("large", "Large transfers (child JVM, small heap)");
    }

    @Override
    public void run(Context ctx, SectionResult.Builder out) throws Exception {
        long size = ctx.profile().largeBytes();
        Path dir = ctx.workspace().newDir("large-");
        Path file = BenchData.randomFile(dir.resolve("object.bin"), size);
        measure(ctx, out, "Azurite", "azure", file, () -> Map.of("BENCH_AZURE",
                ctx.backends().azurite().connectionString()));
        measure(ctx, out, "S3Proxy", "s3", file, () -> Map.of(
                "BENCH_S3_ENDPOINT", ctx.backends().s3proxy().endpoint().toString(),
                "BENCH_S3_ID", ctx.backends().s3proxy().identity(),
                "BENCH_S3_SECRET", ctx.backends().s3proxy().credential()));
        measure(ctx, out, "GCS stand-in", "gcs", file, () -> Map.of("BENCH_GCS", ctx.backends().gcs().endpoint()));
        out.note("A " + (size >> 20) + " MiB file of random bytes is uploaded from disk and downloaded to disk by a "
                + "fresh child JVM (`-Xmx" + ctx.profile().largeHeap() + "`, the harness's JVM otherwise) per "
                + "contender and round; the rounds alternate the contenders' order. Unistore: `upload(container, "
                + "blob, Path, UploadOptions.defaults())` and `downloadToFile` with the account's defaults. SDK "
                + "defaults: Azure `uploadFromFile`/`downloadToFile`; AWS one `putObject(RequestBody.fromFile)`/"
                + "`getObject(toFile)`; Google `createFrom(path)`/`downloadTo(path)`. SDK tuned: Azure 8 MiB blocks x 4 "
                + "in flight and one streamed GET (`downloadStream`) into the file (the fastest settings measured on "
                + "Azurite by this section); AWS a parallel multipart upload by hand through the sync client (8 MiB parts, "
                + "4 in flight; the SDK's transfer manager fails against S3Proxy, see `S3Transfer`) and the default "
                + "single GET (the fastest download measured); Google a resumable `writer` with 32 MiB chunks and a `reader` with 16 MiB chunks. "
                + "Peak heap is the sum of the heap pools' peaks during the phase (an upper bound: the pools peak "
                + "at different times, so it may exceed -Xmx); peak RSS is the kernel's VmHWM (reset before each "
                + "phase where the kernel allows). A transfer that completes in the 128 MiB heap is the proof of "
                + "flat memory: the object is eight times the heap. Sources: `bench/src/main/java/io/unistore/bench/large/`.");
        io.unistore.bench.Workspace.delete(dir);
    }

    /** The environment a child needs to reach one back end (starting it if needed). */
    @FunctionalInterface
    private interface Env {
        Map<String, String> get();
    }

    private void measure(Context ctx, SectionResult.Builder out, String label, String backend, Path file, Env env)
            throws Exception {
        Map<String, String> vars;
        try {
            vars = env.get();
        } catch (RuntimeException e) {
            out.missing(label + ": could not start the back end (" + e + ")");
            return;
        }
        long size = java.nio.file.Files.size(file);
        ctx.log().info("large: %s, %d MiB", label, size >> 20);
        Map<String, List<double[]>> results = new HashMap<>();
        List<Contender> contenders = new ArrayList<>();
        for (String[] v : new String[][] {{"unistore", "Unistore defaults"}, {"sdk", SDK}, {"tuned", TUNED}}) {
            contenders.add(new Contender(v[1], v[0].equals("unistore"), () -> {
                double[] r = child(ctx, backend, v[0], file, vars);
                results.computeIfAbsent(v[1], k -> new ArrayList<>()).add(r);
                return Trial.of(BenchData.megabytesPerSecond(size, r[0]));
            }));
        }
        try {
            List<Series> up = Interleaved.run(ctx.log(), "large " + backend, 0, ctx.profile().largeRounds(),
                    contenders);
            List<Series> upload = new ArrayList<>();
            List<Series> download = new ArrayList<>();
            for (Series s : up) {
                List<double[]> r = results.get(s.label());
                upload.add(new Series(s.label(), s.unistore(), s.samples(), Map.of(
                        "peak heap MiB", column(r, 2), "peak RSS MiB", column(r, 3))));
                download.add(new Series(s.label(), s.unistore(),
                        column(r, 1).stream().map(sec -> BenchData.megabytesPerSecond(size, sec)).toList(), Map.of(
                        "peak heap MiB", column(r, 4), "peak RSS MiB", column(r, 5))));
            }
            out.figure(new Figure(id(), label + ": upload " + (size >> 20) + " MiB", "MB/s", false, upload,
                    bestSdk(upload), null).explainIfSlower(WHY.getOrDefault(label + " upload", Figure.NOT_PROFILED)));
            out.figure(new Figure(id(), label + ": download " + (size >> 20) + " MiB", "MB/s", false, download,
                    bestSdk(download), null).explainIfSlower(WHY.getOrDefault(label + " download",
                    Figure.NOT_PROFILED)));
        } catch (Exception e) {
            out.missing(label + " large transfers: " + e.getMessage());
        }
    }

    /** The goal: at least as fast as the faster of the SDK's settings in this run. */
    private static Goal bestSdk(List<Series> series) {
        Series best = series.stream().filter(s -> !s.unistore())
                .max(java.util.Comparator.comparingDouble(Series::median)).orElseThrow();
        return new Goal(best.label(), 1.0, false);
    }

    static List<Double> column(List<double[]> rows, int i) {
        return rows.stream().map(r -> r[i]).toList();
    }

    static double[] child(Context ctx, String backend, String variant, Path file, Map<String, String> env) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = List.of(java, "-Xmx" + ctx.profile().largeHeap(),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", System.getProperty("java.class.path"),
                TransferChild.class.getName(), backend, variant, file.toString(), "bench-large",
                "object-" + variant);
        Procs.Run r = Procs.run(cmd, null, env, 1800).requireSuccess(backend + " " + variant + " transfer");
        Matcher m = RESULT.matcher(r.output());
        if (!m.find()) {
            throw new IllegalStateException(backend + " " + variant + ": no RESULT line in " + Procs.tail(r.output()));
        }
        double[] v = new double[6];
        for (int i = 0; i < 6; i++) {
            v[i] = Double.parseDouble(m.group(i + 1));
        }
        return v;
    }
}
