package io.unistore.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sync}: makes TARGET hold what SOURCE holds, one way. */
@Command(name = "sync", description = {"Makes TARGET (a directory or prefix) hold what SOURCE holds, one way: copies "
        + "what is missing or different; with --delete also removes what SOURCE does not have.",
    "Different means: another size, or SOURCE newer than TARGET (default); or another MD5 (--checksum). Deletes "
            + "happen only after every copy succeeded. --dry-run prints the plan and changes nothing.",
    "Between accounts, --workers N shares the copies among N worker processes (a distributed job, as cp -r "
            + "--workers), after the plan is made here."})
final class SyncCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "SOURCE")
    String source;

    @Parameters(index = "1", paramLabel = "TARGET")
    String target;

    @Option(names = {"-c", "--checksum"}, description = "Compare by MD5 instead of size and time.")
    boolean checksum;

    @Option(names = "--delete", description = "Delete target objects that SOURCE does not have (within the filters).")
    boolean delete;

    @Option(names = {"-n", "--dry-run"}, description = "Print what would be copied and deleted; change nothing.")
    boolean dryRun;

    @Mixin
    FilterOptions filters;

    @Option(names = "--transfers", paramLabel = "N", defaultValue = "16",
            description = "Objects in flight (default ${DEFAULT-VALUE}).")
    int transfers;

    @Mixin
    DistributedOptions distributed;

    /** The --json output: {@code copy} for a copy by this process, {@code job} for one by workers. */
    record SyncResult(boolean dryRun, List<String> toCopy, List<String> toDelete, TransferResult copy,
                      Map<String, Object> job, List<String> deleted, Map<String, String> deleteFailures) {
    }

    @Override
    int run(Session session, Output output) throws InterruptedException {
        if (distributed.on() && distributed.workers == 0) {
            throw CliException.usage("--workers: sync runs its job to the end (deletes wait for every copy), so "
                    + "it needs 1 to 64 workers; submit with cp -r --workers 0 instead");
        }
        Location src = Location.parse(source);
        Location dst = Location.parse(target);
        NameFilter filter = filters.filter();
        Sides sides = new Sides(session);
        NavigableMap<String, Tree.Entry> have = sides.source(src, filter, checksum);
        NavigableMap<String, Tree.Entry> there = sides.target(dst, filter, checksum);
        NavigableMap<String, Tree.Entry> toCopy = new TreeMap<>();
        for (Tree.Entry e : have.values()) {
            Tree.Entry t = there.get(e.name());
            if (t == null || differs(sides, src, e, dst, t)) {
                toCopy.put(e.name(), e);
            }
        }
        List<String> toDelete = delete ? there.keySet().stream().filter(n -> !have.containsKey(n)).toList()
                : List.of();
        if (dryRun) {
            if (output.json()) {
                output.json(new SyncResult(true, List.copyOf(toCopy.keySet()), toDelete, null, null, List.of(),
                        Map.of()));
            } else {
                toCopy.keySet().forEach(n -> output.line("would copy " + n));
                toDelete.forEach(n -> output.line("would delete " + n));
                output.note(toCopy.size() + " to copy, " + toDelete.size() + " to delete (dry run: nothing changed)");
            }
            return Exit.OK;
        }
        // The plan decided what differs: the copy need not compare again.
        TransferResult copy = null;
        DistributedCp.Outcome job = null;
        long failed;
        if (distributed.on() && !toCopy.isEmpty()) {
            job = DistributedCp.execute(session, output, globals, distributed, src, dst, toCopy::containsKey,
                    transfers, false);
            failed = job.complete() ? job.status().failed() : Math.max(1, job.status().failed());
        } else {
            copy = toCopy.isEmpty() ? TransferResult.NOTHING
                    : new Transfer(session, output, transfers, false).tree(src, dst, toCopy, toCopy::containsKey);
            failed = copy.failed();
        }
        List<String> deleted = new ArrayList<>();
        Map<String, String> deleteFailures = new LinkedHashMap<>();
        if (!toDelete.isEmpty()) {
            if (failed > 0) {
                deleteFailures.put("*", "not deleting: " + (job != null && !job.complete() ? "the copy job did not "
                        + "complete" : failed + " copies failed") + "; run sync again");
            } else {
                deleteAll(session, dst, toDelete, deleted, deleteFailures);
            }
        }
        if (output.json()) {
            output.json(new SyncResult(false, List.copyOf(toCopy.keySet()), toDelete, copy,
                    job == null ? null : job.fields(), deleted, deleteFailures));
        } else {
            if (copy != null) {
                copy.failures().forEach((name, why) -> output.error(name + ": " + why));
            } else {
                job.status().errors().forEach(output::error);
            }
            deleteFailures.forEach((name, why) -> output.error(name + ": " + why));
            output.note((copy != null ? copy.summary() : job.summary()) + ", " + deleted.size() + " deleted");
        }
        return failed == 0 && deleteFailures.isEmpty() ? Exit.OK : Exit.FAILED;
    }

    private boolean differs(Sides sides, Location src, Tree.Entry e, Location dst, Tree.Entry t) {
        if (e.size() != t.size()) {
            return true;
        }
        if (checksum) {
            return !sides.md5(src, e).equals(sides.md5(dst, t));
        }
        return e.modified() != null && t.modified() != null && e.modified().isAfter(t.modified());
    }

    private static void deleteAll(Session session, Location dst, List<String> names, List<String> deleted,
                                  Map<String, String> failures) {
        if (dst.isLocal()) {
            for (String n : names) {
                try {
                    Files.delete(dst.local().resolve(n));
                    deleted.add(n);
                } catch (IOException e) {
                    failures.put(n, "cannot delete: " + e.getMessage());
                }
            }
            return;
        }
        BlobDeletes.delete(session.account(dst).blobs(), dst.container(), dst.dirPrefix(), names, deleted, failures);
    }
}
