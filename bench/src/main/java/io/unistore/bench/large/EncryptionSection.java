package io.unistore.bench.large;

import io.unistore.bench.BenchData;
import io.unistore.bench.Context;
import io.unistore.bench.Contender;
import io.unistore.bench.Figure;
import io.unistore.bench.Goal;
import io.unistore.bench.Interleaved;
import io.unistore.bench.Section;
import io.unistore.bench.SectionResult;
import io.unistore.bench.Series;
import io.unistore.bench.Trial;
import io.unistore.crypto.LocalKeyset;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Issue #14, client-side encryption: the same large transfer as {@link LargeSection} (a file uploaded and
 * downloaded to a file by a fresh child JVM with a small heap), through the encryption layer and without it, on
 * the local provider and on Azurite. Goal: the encrypted transfer at least 0.8× the plain one.
 */
public final class EncryptionSection extends Section {
    private static final String PLAIN = "Unistore plain";
    private static final String ENCRYPTED = "Unistore encrypted";

    public EncryptionSection() {
        super("crypto", "Client-side encryption (child JVM, small heap)");
    }

    @Override
    public void run(Context ctx, SectionResult.Builder out) throws Exception {
        long size = ctx.profile().largeBytes();
        Path dir = ctx.workspace().newDir("crypto-");
        Path file = BenchData.randomFile(dir.resolve("object.bin"), size);
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        String password = Base64.getEncoder().encodeToString(secret);
        Path keyset = dir.resolve("keys.json");
        LocalKeyset.create(keyset, password.toCharArray(), "bench");
        Map<String, String> keys = Map.of("BENCH_KEYSET", keyset.toString(), "BENCH_KEYSET_PASSWORD", password);
        measure(ctx, out, "local", "local", file, with(keys, "BENCH_LOCAL", dir.resolve("store").toString()));
        try {
            measure(ctx, out, "Azurite", "azure", file, with(keys, "BENCH_AZURE",
                    ctx.backends().azurite().connectionString()));
        } catch (RuntimeException e) {
            out.missing("Azurite: could not start the back end (" + e + ")");
        }
        out.note("A " + (size >> 20) + " MiB file of random bytes is uploaded from disk (`upload(Path)`) and "
                + "downloaded to disk (`downloadToFile`) by a fresh child JVM (`-Xmx" + ctx.profile().largeHeap()
                + "`) per contender and round, through the encryption layer (`EncryptionLayer.of(LocalKeyset)`: "
                + "Azure client-side encryption v2, AES-256-GCM in 4 MiB regions) and without it; the rounds "
                + "alternate the order. Sources: `bench/src/main/java/io/unistore/bench/large/EncryptionSection.java`.");
        io.unistore.bench.Workspace.delete(dir);
    }

    private static Map<String, String> with(Map<String, String> base, String key, String value) {
        Map<String, String> out = new HashMap<>(base);
        out.put(key, value);
        return out;
    }

    private void measure(Context ctx, SectionResult.Builder out, String label, String backend, Path file,
                         Map<String, String> env) throws Exception {
        long size = java.nio.file.Files.size(file);
        ctx.log().info("crypto: %s, %d MiB", label, size >> 20);
        Map<String, List<double[]>> results = new HashMap<>();
        List<Contender> contenders = new ArrayList<>();
        for (String[] v : new String[][] {{"encrypted", ENCRYPTED}, {"unistore", PLAIN}}) {
            contenders.add(new Contender(v[1], v[0].equals("encrypted"), () -> {
                double[] r = LargeSection.child(ctx, backend, v[0], file, env);
                results.computeIfAbsent(v[1], k -> new ArrayList<>()).add(r);
                return Trial.of(BenchData.megabytesPerSecond(size, r[0]));
            }));
        }
        List<Series> rounds = Interleaved.run(ctx.log(), "crypto " + backend, 0, ctx.profile().largeRounds(),
                contenders);
        List<Series> upload = new ArrayList<>();
        List<Series> download = new ArrayList<>();
        for (Series s : rounds) {
            List<double[]> r = results.get(s.label());
            upload.add(new Series(s.label(), s.unistore(), s.samples(), Map.of(
                    "peak heap MiB", LargeSection.column(r, 2))));
            download.add(new Series(s.label(), s.unistore(), LargeSection.column(r, 1).stream()
                    .map(sec -> BenchData.megabytesPerSecond(size, sec)).toList(), Map.of(
                    "peak heap MiB", LargeSection.column(r, 4))));
        }
        Goal goal = new Goal(PLAIN, 0.8, false);
        out.figure(new Figure(id(), label + ": encrypted upload " + (size >> 20) + " MiB", "MB/s", false, upload,
                goal, null).explainIfSlower(Figure.NOT_PROFILED));
        out.figure(new Figure(id(), label + ": encrypted download " + (size >> 20) + " MiB", "MB/s", false, download,
                goal, null).explainIfSlower(Figure.NOT_PROFILED));
    }
}
