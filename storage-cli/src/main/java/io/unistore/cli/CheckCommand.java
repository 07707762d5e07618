package io.unistore.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code check}: compares two trees by size and MD5, like {@code rclone check}. */
@Command(name = "check", description = {"Compares SOURCE with TARGET (directories or prefixes) by size and MD5: lists "
        + "objects missing from TARGET, extra in TARGET and differing. MD5s a listing lacks are computed by reading.",
    "Exit code 0 when they match, 4 when they differ."})
final class CheckCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "SOURCE")
    String source;

    @Parameters(index = "1", paramLabel = "TARGET")
    String target;

    @Option(names = "--one-way", description = "Do not report objects only TARGET has.")
    boolean oneWay;

    @Option(names = "--size-only", description = "Compare sizes only, not MD5s.")
    boolean sizeOnly;

    @Mixin
    FilterOptions filters;

    /** The --json output. */
    record CheckResult(long matching, List<String> missingOnTarget, List<String> extraOnTarget, List<String> differing) {
        boolean same() {
            return missingOnTarget.isEmpty() && extraOnTarget.isEmpty() && differing.isEmpty();
        }
    }

    @Override
    int run(Session session, Output output) {
        Location src = Location.parse(source);
        Location dst = Location.parse(target);
        NameFilter filter = filters.filter();
        Sides sides = new Sides(session);
        NavigableMap<String, Tree.Entry> a = sides.source(src, filter, !sizeOnly);
        NavigableMap<String, Tree.Entry> b = sides.target(dst, filter, !sizeOnly);
        List<String> missing = new ArrayList<>();
        List<String> differing = new ArrayList<>();
        long matching = 0;
        for (Tree.Entry e : a.values()) {
            Tree.Entry t = b.get(e.name());
            if (t == null) {
                missing.add(e.name());
            } else if (e.size() != t.size() || !sizeOnly && !sides.md5(src, e).equals(sides.md5(dst, t))) {
                differing.add(e.name());
            } else {
                matching++;
            }
        }
        List<String> extra = oneWay ? List.of() : b.keySet().stream().filter(n -> !a.containsKey(n)).toList();
        CheckResult r = new CheckResult(matching, missing, extra, differing);
        if (output.json()) {
            output.json(r);
        } else {
            missing.forEach(n -> output.line("missing on target: " + n));
            extra.forEach(n -> output.line("only on target: " + n));
            differing.forEach(n -> output.line("differs: " + n));
            output.note(matching + " matching, " + missing.size() + " missing on target, " + extra.size()
                    + " only on target, " + differing.size() + " differing");
        }
        return r.same() ? Exit.OK : Exit.DIFFERENT;
    }
}
