package io.unistore.bench.report;

import io.unistore.bench.BenchMain;
import io.unistore.bench.Figure;
import io.unistore.bench.Json;
import io.unistore.bench.Log;
import io.unistore.bench.Machine;
import io.unistore.bench.SectionResult;
import io.unistore.bench.Series;
import io.unistore.bench.Stats;
import io.unistore.bench.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes the Markdown report (and a PNG chart per section beside it) from the results files of the last run, so
 * {@code report} can rebuild it without measuring again.
 */
public final class Report {
    public static final String COMMAND = "mvn -B -q -pl bench -am package -DskipTests && "
            + "java -jar bench/target/unistore-bench.jar all";

    private Report() {
    }

    public static void write(Workspace ws, Log log) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Path file = ws.reportFile();
        Path chartDir = file.resolveSibling(file.getFileName().toString().replaceFirst("\\.md$", ""));
        Files.createDirectories(chartDir);
        Machine machine = Files.exists(ws.results().resolve("machine.json"))
                ? Json.MAPPER.readValue(ws.results().resolve("machine.json").toFile(), Machine.class) : null;
        List<SectionResult> sections = new ArrayList<>();
        for (String id : BenchMain.sectionIds()) {
            Path p = ws.results().resolve(id + ".json");
            if (Files.exists(p)) {
                sections.add(Json.MAPPER.readValue(p.toFile(), SectionResult.class));
            }
        }
        StringBuilder md = new StringBuilder();
        header(md, machine, sections);
        summary(md, sections);
        for (SectionResult s : sections) {
            md.append("\n## ").append(s.title()).append("\n\n");
            s.notes().forEach(n -> md.append(n).append("\n\n"));
            table(md, s);
            extras(md, s);
            String png = s.id() + ".png";
            if (Charts.write(s, chartDir.resolve(png))) {
                md.append("\n![").append(s.title()).append("](").append(chartDir.getFileName()).append('/')
                        .append(png).append(")\n");
            }
            if (!s.missing().isEmpty()) {
                md.append("\n**Not measured:**\n\n");
                s.missing().forEach(m -> md.append("- ").append(m).append('\n'));
            }
            md.append(String.format(Locale.ROOT, "%nSection time %.0f s; 1-minute load average while it ran: mean "
                    + "%.1f, max %.1f.%n", s.seconds(), s.loadMean(), s.loadMax()));
        }
        Files.writeString(file, md.toString());
        log.info("wrote %s and %s/*.png", file, chartDir);
    }

    private static void header(StringBuilder md, Machine m, List<SectionResult> sections) {
        md.append("# Unistore benchmarks\n\n");
        md.append("Every figure is Unistore beside its reference, measured in the same run on the same back end, "
                + "interleaved (A, B, B, A, A, B... for several rounds) and reported as the median with the range "
                + "over the rounds. Ratios are taken within each round (Unistore / reference), then their median. "
                + "Reproduce everything with one command from the repository root (see `bench/README.md`):\n\n");
        md.append("```sh\n").append(COMMAND).append("\n```\n\n");
        if (m == null) {
            md.append("_No machine description: the sections were measured by separate runs._\n");
            return;
        }
        double load = sections.stream().mapToDouble(SectionResult::loadMax).max().orElse(0);
        md.append("| | |\n| --- | --- |\n");
        row(md, "date (UTC)", m.date());
        row(md, "profile", m.profile() + (m.profile().equals("quick")
                ? " (tiny sizes: checks the harness, the numbers mean nothing)" : ""));
        row(md, "machine", m.cpu() + ", " + m.cores() + " cores, " + m.memory());
        row(md, "OS", m.os());
        row(md, "JVM", m.jvm());
        row(md, "commit", m.commit());
        // The run itself (emulators, child JVMs) loads the machine by about its core count; above twice that, other
        // work competed with it.
        row(md, "load average", String.format(Locale.ROOT, "%.1f at start, up to %.1f during the run (the run "
                + "itself adds about %d)%s", m.loadAtStart(), load, m.cores(), load > 2 * m.cores()
                ? " — **other work shared the machine: figures are noisy**" : ""));
        double total = sections.stream().mapToDouble(SectionResult::seconds).sum();
        row(md, "run time", String.format(Locale.ROOT, "%.0f s (the sections' times added up%s)", total,
                Math.abs(total - m.seconds()) > 60 ? "; the last command measured " + Math.round(m.seconds())
                        + " s of them" : ""));
        for (Map.Entry<String, String> e : m.versions().entrySet()) {
            row(md, e.getKey(), e.getValue());
        }
    }

    private static void summary(StringBuilder md, List<SectionResult> sections) {
        md.append("\n## Summary\n\n| figure | reference | Unistore / reference | goal | verdict |\n"
                + "| --- | --- | --- | --- | --- |\n");
        List<String> misses = new ArrayList<>();
        List<String> slowerNoGoal = new ArrayList<>();
        List<String> slowerWithinGoal = new ArrayList<>();
        for (SectionResult s : sections) {
            for (Figure f : s.figures()) {
                for (Series ref : f.references()) {
                    List<Double> r = f.roundRatios(ref);
                    md.append("| ").append(f.name()).append(" | ").append(ref.label()).append(" | ")
                            .append(ratio(r)).append(direction(f)).append(" | ").append(goal(f, ref)).append(" | ")
                            .append(verdict(f, ref)).append(" |\n");
                    String line = f.name() + " vs " + ref.label() + ": " + ratio(r) + direction(f);
                    boolean hasGoal = f.goal() != null && f.goal().reference().equals(ref.label());
                    if (hasGoal && !f.goal().met(Stats.median(r))) {
                        misses.add(line + ", goal " + f.goal().describe());
                    } else if (f.slowerThan(ref)) {
                        (hasGoal ? slowerWithinGoal : slowerNoGoal).add(line);
                    }
                }
            }
        }
        md.append("\n### Where Unistore is slower than its reference\n\n");
        if (misses.isEmpty() && slowerNoGoal.isEmpty() && slowerWithinGoal.isEmpty()) {
            md.append("Nowhere in this run.\n");
        } else {
            list(md, "**Misses its goal:**", misses);
            list(md, "**Slower than a reference that has no goal:**", slowerNoGoal);
            list(md, "**Slower, but within its goal:**", slowerWithinGoal);
            md.append("\nWhy, and what would fix each, is said under each section's table (\"Why slower\").\n");
        }
        Set<String> missing = new LinkedHashSet<>();
        sections.forEach(s -> s.missing().forEach(x -> missing.add(s.title() + ": " + x)));
        if (!missing.isEmpty()) {
            md.append("\n### Not measured in this run\n\n");
            missing.forEach(x -> md.append("- ").append(x).append('\n'));
        }
    }

    private static void list(StringBuilder md, String heading, List<String> items) {
        if (!items.isEmpty()) {
            md.append(heading).append("\n\n");
            items.forEach(x -> md.append("- ").append(x).append('\n'));
            md.append('\n');
        }
    }

    private static void table(StringBuilder md, SectionResult s) {
        if (s.figures().isEmpty()) {
            return;
        }
        md.append("| figure | unit | Unistore | reference | reference value | Unistore / reference | goal | verdict |\n"
                + "| --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (Figure f : s.figures()) {
            boolean first = true;
            for (Series ref : f.references()) {
                md.append("| ").append(first ? f.name() : "").append(" | ").append(first ? f.unit() : "")
                        .append(" | ").append(first ? spread(f.unistore().samples()) : "").append(" | ")
                        .append(ref.label()).append(" | ").append(spread(ref.samples())).append(" | ")
                        .append(ratio(f.roundRatios(ref))).append(direction(f)).append(" | ").append(goal(f, ref))
                        .append(" | ").append(verdict(f, ref)).append(" |\n");
                first = false;
            }
        }
        for (Figure f : s.figures()) {
            if (f.note() != null) {
                md.append("\n- ").append(f.name()).append(": ").append(f.note());
            }
        }
        md.append('\n');
    }

    private static void extras(StringBuilder md, SectionResult s) {
        Set<String> names = new LinkedHashSet<>();
        s.figures().forEach(f -> f.series().forEach(x -> names.addAll(x.extras().keySet())));
        if (names.isEmpty()) {
            return;
        }
        md.append("\n| figure | contender | ").append(String.join(" | ", names)).append(" |\n| --- | --- |")
                .append(" --- |".repeat(names.size())).append('\n');
        for (Figure f : s.figures()) {
            for (Series x : f.series()) {
                md.append("| ").append(f.name()).append(" | ").append(x.label()).append(" |");
                for (String n : names) {
                    List<Double> v = x.extras().get(n);
                    md.append(' ').append(v == null ? "–" : spread(v)).append(" |");
                }
                md.append('\n');
            }
        }
    }

    private static String verdict(Figure f, Series ref) {
        double r = Stats.median(f.roundRatios(ref));
        if (Double.isNaN(r)) {
            return "–";
        }
        if (f.layerCost()) {
            return String.format(Locale.ROOT, "layer cost %s %s", Log.number(f.unistore().median() - ref.median()),
                    f.unit());
        }
        if (f.goal() != null && f.goal().reference().equals(ref.label())) {
            return f.goal().met(r) ? "meets goal" : "**misses goal**";
        }
        return f.slowerThan(ref) ? "**slower**" : "faster or equal";
    }

    private static String goal(Figure f, Series ref) {
        return f.goal() != null && f.goal().reference().equals(ref.label()) ? f.goal().describe() : "";
    }

    private static String direction(Figure f) {
        return f.lowerIsBetter() ? " (time)" : " (rate)";
    }

    /** "median [min–max]" of a ratio list, with an × sign. */
    private static String ratio(List<Double> r) {
        if (r.isEmpty()) {
            return "–";
        }
        return String.format(Locale.ROOT, "%.2f× [%.2f–%.2f]", Stats.median(r), Stats.min(r), Stats.max(r));
    }

    private static String spread(List<Double> v) {
        if (v.isEmpty()) {
            return "–";
        }
        if (v.size() == 1) {
            return Log.number(v.get(0));
        }
        return Log.number(Stats.median(v)) + " [" + Log.number(Stats.min(v)) + "–" + Log.number(Stats.max(v)) + "]";
    }

    private static void row(StringBuilder md, String k, String v) {
        md.append("| ").append(k).append(" | ").append(v).append(" |\n");
    }
}
