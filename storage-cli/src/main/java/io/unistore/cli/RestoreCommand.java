package io.unistore.cli;

import io.unistore.ops.Restore;
import io.unistore.ops.RestoreBlobOptions;
import io.unistore.ops.RestoreMode;
import io.unistore.ops.RestoreResult;
import io.unistore.ops.RestoreTableOptions;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code restore table|container}: from the backup sets that {@code backup} wrote. */
@Command(name = "restore", description = "Restores a table or a container from the backup sets in "
        + "BACKUP_ACCOUNT:container, as of the newest set or --at a time.",
        subcommands = {RestoreCommand.Table.class, RestoreCommand.Container.class})
final class RestoreCommand {
    private RestoreCommand() {
    }

    static Instant at(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw CliException.usage("--at '" + text + "': expected an ISO-8601 instant such as 2026-03-01T00:00:00Z");
        }
    }

    static int report(Output output, RestoreResult r) {
        boolean verified = r.verification() == null || r.verification().matches();
        if (output.json()) {
            output.json(r);
        } else {
            output.note("restored " + r.written() + " items (" + Sizes.human(r.bytes()) + ") from sets " + r.chain()
                    + ", " + r.deleted() + " deleted" + (verified ? "" : "; VERIFICATION FAILED: " + r.verification()));
        }
        return verified ? Exit.OK : Exit.FAILED;
    }

    /** {@code restore table BACKUP_ACCOUNT:container ACCOUNT:table}. */
    @Command(name = "table", description = "Restores ACCOUNT:table (a table that was backed up under that name, or "
            + "--from NAME) from BACKUP_ACCOUNT:container.")
    static final class Table extends BaseCommand {
        @Parameters(index = "0", paramLabel = "BACKUP_ACCOUNT:container")
        String backup;

        @Parameters(index = "1", paramLabel = "ACCOUNT:table")
        String target;

        @Option(names = "--from", paramLabel = "TABLE", description = "The table that was backed up (default: the "
                + "target's name).")
        String from;

        @Option(names = "--at", paramLabel = "INSTANT", description = "Restore the newest set at or before this time.")
        String at;

        @Option(names = "--mode", paramLabel = "MODE", defaultValue = "FAIL",
                description = "Entities already in the target: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
        RestoreMode mode;

        @Override
        int run(Session session, Output output) {
            Location set = Location.parse(backup);
            Location to = TablesCommand.table(target);
            if (set.isLocal()) {
                throw CliException.usage(backup + ": give BACKUP_ACCOUNT:container");
            }
            RestoreTableOptions o = RestoreTableOptions.of(set.requireContainer("container"),
                    from == null ? to.container() : from).withTargetTable(to.container()).withPointInTime(at(at))
                    .withMode(mode);
            try (Progress progress = Progress.start(output, "restore", -1)) {
                return report(output, Restore.table(session.account(set), session.account(to),
                        o.withProgress(progress.callback())));
            }
        }
    }

    /** {@code restore container BACKUP_ACCOUNT:container ACCOUNT:container}. */
    @Command(name = "container", description = "Restores ACCOUNT:container (backed up under that name, or --from "
            + "NAME) from BACKUP_ACCOUNT:container.")
    static final class Container extends BaseCommand {
        @Parameters(index = "0", paramLabel = "BACKUP_ACCOUNT:container")
        String backup;

        @Parameters(index = "1", paramLabel = "ACCOUNT:container")
        String target;

        @Option(names = "--from", paramLabel = "CONTAINER", description = "The container that was backed up "
                + "(default: the target's name).")
        String from;

        @Option(names = "--at", paramLabel = "INSTANT", description = "Restore the newest set at or before this time.")
        String at;

        @Option(names = "--mode", paramLabel = "MODE", defaultValue = "FAIL",
                description = "Blobs already in the target: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
        RestoreMode mode;

        @Override
        int run(Session session, Output output) {
            Location set = Location.parse(backup);
            Location to = Location.parse(target);
            if (set.isLocal() || to.isLocal()) {
                throw CliException.usage("give BACKUP_ACCOUNT:container ACCOUNT:container");
            }
            String container = to.requireContainer("container");
            RestoreBlobOptions o = RestoreBlobOptions.fromBackup(set.requireContainer("container"),
                    from == null ? container : from).withTargetContainer(container).withPointInTime(at(at))
                    .withMode(mode);
            try (Progress progress = Progress.start(output, "restore", -1)) {
                return report(output, Restore.blobs(session.account(set), session.account(to),
                        o.withProgress(progress.callback())));
            }
        }
    }
}
