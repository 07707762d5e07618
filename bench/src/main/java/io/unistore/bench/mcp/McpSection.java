package io.unistore.bench.mcp;

import io.unistore.StorageAccount;
import io.unistore.Unistore;
import io.unistore.bench.Backends;
import io.unistore.bench.Context;
import io.unistore.bench.Contender;
import io.unistore.bench.Figure;
import io.unistore.bench.Goal;
import io.unistore.bench.Interleaved;
import io.unistore.bench.Procs;
import io.unistore.bench.Section;
import io.unistore.bench.SectionResult;
import io.unistore.bench.Series;
import io.unistore.bench.Trial;
import io.unistore.table.TableEntity;
import io.unistore.table.UpdateMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Issue #7 item 5 (and #5's acceptance): unistore-mcp's cold start to the first {@code tools/list} answer over
 * stdio beside Google's {@code @google-cloud/storage-mcp} and Azure's {@code @azure/mcp}, each started from its
 * package's command with nothing but local settings and, where the system allows, in a network namespace that
 * reaches nothing; and the per-call overhead of a tool over the store operation it wraps.
 */
public final class McpSection extends Section {
    static final String GOOGLE = "@google-cloud/storage-mcp";
    static final String AZURE = "@azure/mcp";
    static final String UNISTORE = "unistore-mcp (bin/unistore-mcp)";
    static final String UNISTORE_NO_CDS = "unistore-mcp without its CDS archive";
    private static final long TIMEOUT = 120;
    /** A tool call on the local provider answers in milliseconds: 30 s without an answer is a lost answer. */
    private static final long CALL_TIMEOUT = 30;
    static final String WHY_START = "unistore-mcp is a JVM program: before it answers it starts the JVM and loads "
            + "about 3,500 classes, 1,700 of them from the 100 MB shaded jar (Jackson about 700, Reactor 430 for the "
            + "MCP SDK, picocli 170, the MCP SDK 110; measured with `-Xlog:class+load`). No cloud SDK class is "
            + "loaded, and since the local provider opens its SQLite database on the first call, no SQLite work "
            + "either. The Google server is one bundled JavaScript file on Node and azmcp a native .NET program. "
            + "The launcher maps the classes from a class-data-sharing archive (made once per jar build by a "
            + "background training start; the row without it shows what it saves), and the tools' definitions and "
            + "the JSON types are built on other threads while picocli parses the arguments. What is left on the "
            + "critical path: picocli (about 80 ms: its classes are Java 5 class files, which the archive cannot "
            + "hold, so they load and verify from the jar) and the JVM's own start (about 45 ms).";

    public McpSection() {
        super("mcp", "MCP server: cold start and per-call overhead");
    }

    @Override
    public void run(Context ctx, SectionResult.Builder out) throws Exception {
        Path root = ctx.workspace().root();
        Path launcher = root.resolve("storage-mcp-adapter/bin/unistore-mcp");
        Path jar = root.resolve("storage-mcp-adapter/target/unistore-mcp.jar");
        if (!Files.isRegularFile(jar)) {
            out.missing("unistore-mcp: " + jar + " is missing (build: mvn -B -q -pl bench -am package -DskipTests)");
            return;
        }
        boolean isolate = Procs.run(List.of("unshare", "--net", "true"), null, Map.of(), 20).exitCode() == 0;
        Path dir = ctx.workspace().newDir("mcp-");
        List<McpServer> servers = new ArrayList<>();
        // The launcher keeps its class-data-sharing archive under XDG_CACHE_HOME: a folder of this run's.
        Path cache = dir.resolve("cds-cache");
        servers.add(new McpServer(UNISTORE, true, List.of(launcher.toString()),
                Map.of("XDG_CACHE_HOME", cache.toString()), dir));
        officialServers(ctx, out, dir, servers);
        coldStarts(ctx, out, servers, isolate, cache, launcher, dir);
        perCall(ctx, out, launcher, dir);
        out.note("Cold start: from starting the process to the answer of `tools/list` (after `initialize` and "
                + "`notifications/initialized`), over stdio, a new process per start, contenders alternating; one "
                + "warm-up round is dropped, so files are in the page cache for all. unistore-mcp is started by its "
                + "launcher `storage-mcp-adapter/bin/unistore-mcp` (C1 only, serial GC) with no arguments: the "
                + "local provider on `./unistore-data`. The official servers are started by their npm packages' "
                + "commands (`storage-mcp`; `azmcp server start --namespace storage --mode all`, which lists the "
                + "storage tools one by one) on the pinned Node 22 of `bench/node`, with no credentials and "
                + "`AZURE_MCP_COLLECT_TELEMETRY=false`. "
                + (isolate ? "Every server runs in its own network namespace (`unshare --net`): it can reach "
                        + "nothing, not even 127.0.0.1, so none contacted any network."
                        : "`unshare --net` is not permitted here, so the servers ran without network isolation "
                        + "(with no credentials they do not contact anything to list tools).")
                + " The launcher's class-data-sharing archive is made before the rounds (by its first start's "
                + "background training run); the row without it is the same launcher with `UNISTORE_MCP_CDS=off`.");
        io.unistore.bench.Workspace.delete(dir);
    }

    private void officialServers(Context ctx, SectionResult.Builder out, Path dir, List<McpServer> servers) {
        Path node = ctx.workspace().benchDir().resolve("node");
        try {
            Backends.installNode(ctx.workspace(), "bench/node/install.sh", ctx.log());
        } catch (RuntimeException e) {
            out.missing("the official MCP servers: `bench/node/install.sh` failed (" + e.getMessage() + ")");
            return;
        }
        Path bin = node.resolve("node_modules/.bin");
        // Their commands start with "#!/usr/bin/env node": the pinned Node 22 comes first on the PATH.
        Map<String, String> env = new HashMap<>();
        env.put("PATH", bin + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("AZURE_MCP_COLLECT_TELEMETRY", "false");
        env.put("GOOGLE_CLOUD_PROJECT", "bench");
        servers.add(new McpServer(GOOGLE, false, List.of(bin.resolve("storage-mcp").toString()), env, dir));
        servers.add(new McpServer(AZURE, false, List.of(bin.resolve("azmcp").toString(), "server", "start",
                "--namespace", "storage", "--mode", "all"), env, dir));
    }

    private void coldStarts(Context ctx, SectionResult.Builder out, List<McpServer> servers, boolean isolate,
                            Path cache, Path launcher, Path dir) throws Exception {
        List<McpServer> usable = new ArrayList<>();
        Map<String, Integer> tools = new LinkedHashMap<>();
        for (McpServer s : servers) {
            McpServer run = s.isolated(isolate);
            try {
                tools.put(s.label(), run.coldStart(TIMEOUT).tools());
                usable.add(run);
            } catch (Exception e) {
                out.missing(s.label() + " did not answer tools/list: " + e.getMessage());
            }
        }
        if (usable.stream().noneMatch(McpServer::unistore)) {
            return;
        }
        if (!awaitArchive(ctx, cache)) {
            out.missing("unistore-mcp's class-data-sharing archive: the launcher's training start wrote none in "
                    + "60 s, so its row measures starts that may or may not have it");
        }
        McpServer noCds = new McpServer(UNISTORE_NO_CDS, true, servers.get(0).command(),
                Map.of("UNISTORE_MCP_CDS", "off"), dir).isolated(isolate);
        usable.add(1, noCds);
        tools.put(UNISTORE_NO_CDS, tools.get(UNISTORE));
        List<Contender> contenders = new ArrayList<>();
        for (McpServer s : usable) {
            contenders.add(new Contender(s.label(), s.unistore(), () -> Trial.of(s.coldStart(TIMEOUT).millis())));
        }
        ctx.log().info("mcp: cold starts of %s", tools.keySet());
        List<Series> series = Interleaved.run(ctx.log(), "mcp cold start", 1, ctx.profile().mcpStartRounds(),
                contenders);
        Series fastestOfficial = series.stream().filter(x -> x.label().equals(GOOGLE) || x.label().equals(AZURE))
                .min(Comparator.comparingDouble(Series::median)).orElse(null);
        Goal goal = fastestOfficial == null ? null : new Goal(fastestOfficial.label(), 1.0, true);
        StringBuilder note = new StringBuilder("tools listed: ");
        tools.forEach((k, v) -> note.append(k).append(" ").append(v).append("; "));
        String toolNote = note.substring(0, note.length() - 2) + ". Goal: faster than the faster official server.";
        List<Series> officials = series.stream().filter(x -> x.label().equals(GOOGLE) || x.label().equals(AZURE))
                .toList();
        for (Series unistore : series.stream().filter(x -> !officials.contains(x)).toList()) {
            // Each unistore-mcp variant against the official servers, from the same interleaved rounds.
            List<Series> figure = new ArrayList<>();
            figure.add(new Series(unistore.label(), true, unistore.samples(), unistore.extras()));
            figure.addAll(officials);
            boolean plain = unistore.label().equals(UNISTORE);
            out.figure(new Figure(id(), plain ? "cold start to the first tools/list answer"
                    : "cold start, " + unistore.label(), "ms", true, figure, goal, plain ? toolNote
                    : "what the launcher's class-data-sharing archive saves, measured in the same rounds")
                    .explainIfSlower(WHY_START));
        }
    }

    /** Waits for the archive the launcher's first start trains in the background. */
    private static boolean awaitArchive(Context ctx, Path cache) throws InterruptedException {
        Path dir = cache.resolve("unistore");
        for (int i = 0; i < 600; i++) {
            try (java.util.stream.Stream<Path> files = Files.exists(dir) ? Files.list(dir) : java.util.stream.Stream.empty()) {
                if (files.anyMatch(f -> f.getFileName().toString().endsWith(".jsa"))) {
                    return true;
                }
            } catch (java.io.IOException e) {
                ctx.log().info("mcp: cannot read %s (%s)", dir, e.getMessage());
            }
            Thread.sleep(100);
        }
        return false;
    }

    private void perCall(Context ctx, SectionResult.Builder out, Path launcher, Path dir) throws Exception {
        byte[] text = "unistore bench 4 KiB text\n".repeat(158).getBytes(StandardCharsets.UTF_8);
        try (StorageAccount account = Unistore.open(dir.resolve("unistore-data").toString())) {
            account.blobs().createContainerIfNotExists("bench");
            account.blobs().upload("bench", "hello.txt", text);
            account.tables().createTableIfNotExists("bench");
            account.tables().upsertEntity("bench", TableEntity.builder("p", "r").put("name", "x").put("n", 1)
                    .build(), UpdateMode.REPLACE);
            int calls = ctx.profile().mcpCalls();
            try (StdioMcpClient mcp = StdioMcpClient.start(List.of(launcher.toString()), dir, Map.of())) {
                mcp.initialize(TIMEOUT);
                Map<String, Object> blobArgs = Map.of("container", "bench", "blob", "hello.txt");
                Map<String, Object> entityArgs = Map.of("table", "bench", "partitionKey", "p", "rowKey", "r");
                ctx.log().info("mcp: per-call overhead, %d calls per round", calls);
                callFigure(ctx, out, "per call: download-blob (4 KiB text)", calls, "download-blob", blobArgs, mcp,
                        "BlobStore.downloadBytes", () -> account.blobs().downloadBytes("bench", "hello.txt"));
                callFigure(ctx, out, "per call: get-entity", calls, "get-entity", entityArgs, mcp,
                        "TableStore.getEntity", () -> account.tables().getEntity("bench", "p", "r"));
            }
        }
        out.note("Per call: a running unistore-mcp (local provider) answers `tools/call` over stdio, one call "
                + "after another, against the same operation called in this JVM on the same data directory; "
                + "the difference is what the MCP layer costs per call (JSON-RPC over pipes, argument "
                + "validation against the schema, structured and text results). The MCP side is slower by "
                + "construction; the overhead is the figure.");
    }

    /** One per-call figure; a server that stops answering is reported, not fatal to the section. */
    private void callFigure(Context ctx, SectionResult.Builder out, String name, int calls, String tool,
                            Map<String, Object> args, StdioMcpClient mcp, String direct, Call call) {
        java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
        try {
            List<Series> s = Interleaved.run(ctx.log(), "mcp " + tool, 1, ctx.profile().mcpCallRounds(),
                    List.of(Contender.unistore("tools/call " + tool, () -> micros(calls, () -> {
                        mcp.callTool(tool, args, CALL_TIMEOUT);
                        return done.incrementAndGet();
                    })), Contender.reference(direct, () -> micros(calls, call))));
            out.figure(new Figure(id(), name, "µs/call", true, s, null, overhead(s), true));
        } catch (Exception e) {
            String cause = e.getMessage() == null ? e.toString() : e.getMessage();
            int at = cause.indexOf("Caused by:");
            String first = cause.length() > 300 ? cause.substring(0, 300) + "..." : cause;
            out.missing(name + ": unistore-mcp stopped answering after " + done.get() + " sequential `tools/call` "
                    + "(no answer in " + CALL_TIMEOUT + " s): " + first
                    + (at >= 0 ? " — server stderr: " + cause.substring(at, Math.min(cause.length(), at + 400)) : ""));
        }
    }

    private static String overhead(List<Series> s) {
        double d = s.get(0).median() - s.get(1).median();
        return String.format(java.util.Locale.ROOT, "overhead of the MCP layer ≈ %.0f µs per call", d);
    }

    /** Work that may throw. */
    @FunctionalInterface
    private interface Call {
        Object run() throws Exception;
    }

    private static Trial micros(int calls, Call call) throws Exception {
        long t0 = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            call.run();
        }
        return Trial.of((System.nanoTime() - t0) / 1e3 / calls);
    }
}
