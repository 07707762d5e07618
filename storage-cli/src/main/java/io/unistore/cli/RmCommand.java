package io.unistore.cli;

import io.unistore.blob.BlobStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rm}: deletes blobs. */
@Command(name = "rm", description = "Deletes a blob, or with -r every blob under a prefix (filtered by "
        + "--include/--exclude).")
final class RmCommand extends BaseCommand {
    @Parameters(arity = "1..*", paramLabel = "ACCOUNT:container/path")
    List<String> targets;

    @Option(names = {"-r", "--recursive"}, description = "Every blob under the prefix.")
    boolean recursive;

    @Mixin
    FilterOptions filters;

    @Option(names = "--dry-run", description = "Print what would be deleted; delete nothing.")
    boolean dryRun;

    @Override
    int run(Session session, Output output) {
        NameFilter filter = filters.filter();
        List<String> deleted = new ArrayList<>();
        Map<String, String> failures = new LinkedHashMap<>();
        for (String text : targets) {
            Location at = Location.parse(text);
            if (at.isLocal()) {
                throw CliException.usage(text + " is a local path; rm deletes blobs (ACCOUNT:container/path)");
            }
            BlobStore blobs = session.account(at).blobs();
            String container = at.requireContainer("container");
            if (!recursive) {
                String name = at.requireObject();
                if (!dryRun && !blobs.delete(container, name)) {
                    throw new CliException(Exit.NOT_FOUND, "no blob " + at + "; to delete everything under a prefix "
                            + "add -r");
                }
                deleted.add(at.toString());
                continue;
            }
            String prefix = at.dirPrefix();
            List<String> names = List.copyOf(Tree.remote(blobs, container, prefix, filter, false).keySet());
            List<String> gone = new ArrayList<>();
            Map<String, String> failed = new LinkedHashMap<>();
            if (dryRun) {
                gone.addAll(names);
            } else {
                BlobDeletes.delete(blobs, container, prefix, names, gone, failed);
            }
            gone.forEach(n -> deleted.add(at.withPath(prefix + n).toString()));
            failed.forEach((n, why) -> failures.put(at.withPath(prefix + n).toString(), why));
        }
        if (output.json()) {
            output.json(Map.of("deleted", deleted, "failures", failures, "dryRun", dryRun));
        } else {
            deleted.forEach(d -> output.line((dryRun ? "would delete " : "deleted ") + d));
            failures.forEach((n, why) -> output.error(n + ": " + why));
        }
        return failures.isEmpty() ? Exit.OK : Exit.FAILED;
    }
}
