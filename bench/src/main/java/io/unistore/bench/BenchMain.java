package io.unistore.bench;

import io.unistore.bench.micro.MicroSection;
import io.unistore.bench.report.Report;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The one command that runs the benchmarks and writes the report:
 * {@code java -jar bench/target/unistore-bench.jar all} (see bench/README.md).
 */
@Command(name = "unistore-bench", mixinStandardHelpOptions = true,
        description = {"Measures Unistore beside its references (raw SDKs, cp/dd, SQLite JDBC, official MCP servers, "
                + "rclone) in one run, interleaved, and writes docs/benchmarks.md with PNG charts.",
                "Sections: micro, local, large, bulk, mcp, copy, crypto, cli, cache; 'all' runs every one; 'report' only "
                        + "rebuilds the report from the last results."})
public final class BenchMain implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "SECTION", description = "all (default), report, or section ids")
    List<String> sections = new ArrayList<>(List.of("all"));

    @Option(names = "--quick", description = "tiny sizes and few rounds: checks the harness works, not the numbers")
    boolean quick;

    @Option(names = "--out", description = "the report file (default: docs/benchmarks.md; with --quick: "
            + "bench/target/quick-report/benchmarks.md)")
    Path out;

    @Option(names = "--large-mib", description = "size of the large transfers (large, crypto) in MiB instead of the "
            + "profile's (the report says the size)")
    Long largeMib;

    @Option(names = {"-v", "--verbose"}, description = "log every round")
    boolean verbose;

    /** Every section, in the order they run. */
    static Map<String, Section> catalogue() {
        Map<String, Section> m = new LinkedHashMap<>();
        for (Section s : List.<Section>of(new MicroSection(), new io.unistore.bench.local.LocalSection(),
                new io.unistore.bench.bulk.BulkLoadSection(), new io.unistore.bench.large.LargeSection(),
                new io.unistore.bench.mcp.McpSection(), new io.unistore.bench.copy.CopySection(),
                new io.unistore.bench.large.EncryptionSection(), new io.unistore.bench.copy.CliSection(),
                new io.unistore.bench.copy.DistributedCopySection(),
                new io.unistore.bench.cache.CacheSection())) {
            m.put(s.id(), s);
        }
        return m;
    }

    /** The section ids in run (and report) order. */
    public static List<String> sectionIds() {
        return List.copyOf(catalogue().keySet());
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Profile profile = quick ? Profile.quick() : Profile.full();
        if (largeMib != null) {
            profile = profile.withLargeBytes(largeMib * Profile.MIB);
        }
        Path root = Workspace.findRoot();
        Path report = out != null ? out.toAbsolutePath()
                : quick ? root.resolve("bench/target/quick-report/benchmarks.md") : root.resolve("docs/benchmarks.md");
        Path results = root.resolve("bench/target/bench-results/" + profile.name());
        Workspace ws = new Workspace(root, root.resolve("bench/target/bench-scratch/" + profile.name()), results, report);
        Log log = new Log(System.err, verbose);
        Map<String, Section> all = catalogue();
        List<Section> chosen = new ArrayList<>();
        boolean reportOnly = sections.equals(List.of("report"));
        if (!reportOnly) {
            for (String id : sections) {
                if (id.equals("all")) {
                    chosen.addAll(all.values());
                } else if (all.containsKey(id)) {
                    chosen.add(all.get(id));
                } else {
                    throw new CommandLine.ParameterException(new CommandLine(this),
                            "unknown section '" + id + "'; known: all, report, " + String.join(", ", all.keySet()));
                }
            }
        }
        Files.createDirectories(results);
        if (!chosen.isEmpty()) {
            measure(ws, profile, log, chosen);
        }
        Report.write(ws, log);
        log.info("report: %s", report);
        return 0;
    }

    private static void measure(Workspace ws, Profile profile, Log log, List<Section> chosen) throws Exception {
        long start = System.nanoTime();
        Workspace.delete(ws.scratch());
        try (Backends backends = new Backends(ws, log)) {
            Context ctx = new Context(profile, ws, backends, log);
            double loadAtStart = LoadSampler.now();
            for (Section s : chosen) {
                log.info("== %s (%s profile)", s.title(), profile.name());
                SectionResult.Builder b = new SectionResult.Builder(s.id(), s.title());
                long t0 = System.nanoTime();
                try (LoadSampler load = new LoadSampler()) {
                    try {
                        s.run(ctx, b);
                    } catch (Exception | LinkageError e) {
                        log.info("%s failed: %s", s.id(), e);
                        b.missing("the section stopped early: " + e);
                    }
                    load.close();
                    SectionResult r = b.build((System.nanoTime() - t0) / 1e9, load.mean(), load.max());
                    Json.MAPPER.writeValue(ws.results().resolve(s.id() + ".json").toFile(), r);
                }
            }
            // Described last: the sections install the Node packages whose versions it reads.
            Json.MAPPER.writeValue(ws.results().resolve("machine.json").toFile(),
                    Machine.describe(ws, profile, loadAtStart, (System.nanoTime() - start) / 1e9));
        } finally {
            Workspace.delete(ws.scratch());
        }
        log.info("measured in %.0f s", (System.nanoTime() - start) / 1e9);
    }
}
