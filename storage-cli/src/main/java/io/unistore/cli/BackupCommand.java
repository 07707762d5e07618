package io.unistore.cli;

import io.unistore.ops.BackupContainerOptions;
import io.unistore.ops.BackupResult;
import io.unistore.ops.BackupTableOptions;
import io.unistore.ops.ContainerBackup;
import io.unistore.ops.TableBackup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code backup table|container}: a full or incremental backup set in a container of any account. */
@Command(name = "backup", description = "Backs up a table or a container into a container of any account (the "
        + "storage-ops backup sets: full, or incremental on the newest).",
        subcommands = {BackupCommand.Table.class, BackupCommand.Container.class})
final class BackupCommand {
    private BackupCommand() {
    }

    static int report(Output output, BackupResult r) {
        if (output.json()) {
            output.json(r);
        } else {
            output.line(r.set().setId());
            output.note(r.set().type() + " backup " + r.set().setId() + ": " + r.set().items() + " items, "
                    + r.set().stored() + " stored (" + Sizes.human(r.set().bytes()) + ") under " + r.root());
        }
        return Exit.OK;
    }

    /** {@code backup table ACCOUNT:table BACKUP_ACCOUNT:container}. */
    @Command(name = "table", description = "Backs up ACCOUNT:table into BACKUP_ACCOUNT:container.")
    static final class Table extends BaseCommand {
        @Parameters(index = "0", paramLabel = "ACCOUNT:table")
        String source;

        @Parameters(index = "1", paramLabel = "BACKUP_ACCOUNT:container")
        String backup;

        @Option(names = "--incremental", description = "Only what changed since the newest set.")
        boolean incremental;

        @Override
        int run(Session session, Output output) {
            Location from = TablesCommand.table(source);
            Location to = Location.parse(backup);
            if (to.isLocal()) {
                throw CliException.usage(backup + ": give BACKUP_ACCOUNT:container");
            }
            String container = to.requireContainer("container");
            BackupTableOptions o = incremental ? BackupTableOptions.incremental(from.container(), container)
                    : BackupTableOptions.full(from.container(), container);
            try (Progress progress = Progress.start(output, "backup", -1)) {
                return report(output, TableBackup.backup(session.account(from), session.account(to),
                        o.withProgress(progress.callback())));
            }
        }
    }

    /** {@code backup container ACCOUNT:container[/prefix] BACKUP_ACCOUNT:container}. */
    @Command(name = "container", description = "Backs up ACCOUNT:container[/prefix] into BACKUP_ACCOUNT:container.")
    static final class Container extends BaseCommand {
        @Parameters(index = "0", paramLabel = "ACCOUNT:container[/prefix]")
        String source;

        @Parameters(index = "1", paramLabel = "BACKUP_ACCOUNT:container")
        String backup;

        @Option(names = "--incremental", description = "Only blobs new or changed since the newest set.")
        boolean incremental;

        @Override
        int run(Session session, Output output) {
            Location from = Location.parse(source);
            Location to = Location.parse(backup);
            if (from.isLocal() || to.isLocal()) {
                throw CliException.usage("give ACCOUNT:container[/prefix] BACKUP_ACCOUNT:container");
            }
            String container = to.requireContainer("container");
            BackupContainerOptions o = incremental
                    ? BackupContainerOptions.incremental(from.requireContainer("container"), container)
                    : BackupContainerOptions.full(from.requireContainer("container"), container);
            if (!from.path().isEmpty()) {
                o = o.withPrefix(from.path());
            }
            try (Progress progress = Progress.start(output, "backup", -1)) {
                return report(output, ContainerBackup.backup(session.account(from), session.account(to),
                        o.withProgress(progress.callback())));
            }
        }
    }
}
