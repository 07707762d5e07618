package io.unistore.cli;

import io.unistore.ops.MigrateTableOptions;
import io.unistore.ops.MigrateTableResult;
import io.unistore.ops.SchemaTransform;
import io.unistore.ops.TableMigration;
import io.unistore.table.Filter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code migrate}: copies a table to another account or table, transformed and verified. */
@Command(name = "migrate", description = {"Copies a table's entities into another table (any account), optionally "
        + "filtered and transformed (a transform spec, as in storage-ops), then verifies count and content hash.",
    "For containers use cp -r, which is the container copy."})
final class MigrateCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "ACCOUNT:table")
    String source;

    @Parameters(index = "1", paramLabel = "ACCOUNT:table")
    String target;

    @Option(names = "--filter", paramLabel = "ODATA", description = "Only entities matching.")
    String filter;

    @Option(names = "--transform", paramLabel = "FILE", description = "A transform spec (JSON).")
    Path transform;

    @Option(names = "--checkpoint", paramLabel = "FILE", description = "A journal that makes the migration resumable.")
    Path checkpoint;

    @Option(names = {"-n", "--dry-run"}, description = "Read and transform, write nothing, show a preview.")
    boolean dryRun;

    @Override
    int run(Session session, Output output) throws IOException {
        Location from = TablesCommand.table(source);
        Location to = TablesCommand.table(target);
        MigrateTableOptions options = MigrateTableOptions.of(from.container(), to.container())
                .withFilter(filter == null ? null : Filter.parse(filter)).withCheckpoint(checkpoint)
                .withDryRun(dryRun);
        if (transform != null) {
            if (!Files.isRegularFile(transform)) {
                throw new CliException(Exit.NOT_FOUND, "--transform: no file " + transform);
            }
            options = options.withTransform(SchemaTransform.parse(Files.readString(transform)));
        }
        MigrateTableResult r;
        try (Progress progress = Progress.start(output, "migrate", -1)) {
            r = TableMigration.migrate(session.account(from), session.account(to), options
                    .withProgress(progress.callback()));
        }
        boolean verified = r.verification() == null || r.verification().matches();
        if (output.json()) {
            output.json(r);
        } else {
            r.failures().forEach((k, why) -> output.error(k + ": " + why));
            output.note((dryRun ? "would write " : "wrote ") + r.written() + " of " + r.read() + " entities, "
                    + r.unchanged() + " unchanged, " + r.failed() + " failed"
                    + (r.verification() == null ? "" : verified ? ", verified" : ", VERIFICATION FAILED: "
                    + r.verification()));
        }
        return r.failed() == 0 && verified && (r.complete() || dryRun) ? Exit.OK : Exit.FAILED;
    }
}
