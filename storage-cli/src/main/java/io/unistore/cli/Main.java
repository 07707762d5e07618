package io.unistore.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code unistore}: the command line over any Unistore account. */
@Command(name = "unistore", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        usageHelpAutoWidth = true,
        description = {"Lists, copies, syncs and checks blobs between local files and any storage account (Azure, "
                + "AWS, Google Cloud, a local directory), and works with tables, queues and backups.",
            "",
            "Paths: ACCOUNT:container/path in an account, anything else a local path (./a:b for a local name with "
                    + "a colon). Accounts come from the accounts file of unistore-mcp (--config or UNISTORE_CONFIG) "
                    + "and --account NAME=ADDRESS; with neither, 'local' is the local provider on ./unistore-data."},
        subcommands = {LsCommand.class, CatCommand.class, CpCommand.class, SyncCommand.class, CheckCommand.class,
            RmCommand.class, MbCommand.class, RbCommand.class, StatCommand.class, PresignCommand.class,
            TablesCommand.class, QueueCommand.class, MigrateCommand.class, BackupCommand.class, RestoreCommand.class,
            WorkerCommand.class, JobCommand.class,
            CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 done; 1 a storage call or some objects failed; 2 bad command line, path or "
                + "config; 3 not found; 4 check found differences; 5 credentials or permission refused; "
                + "6 not supported by the account."})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Options given before the command name; each command's own come first. */
    @CommandLine.Mixin
    Globals globals;

    public static void main(String[] args) {
        // The SDKs log what the command reports itself, in one line naming the object and the fix: their logs
        // stay off unless UNISTORE_LOG names a level (warn, info, debug) for a bug report.
        String level = System.getenv("UNISTORE_LOG");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", level == null || level.isBlank() ? "off" : level);
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        System.exit(commandLine().execute(args));
    }

    /** The command line, exit codes set as documented. */
    static CommandLine commandLine() {
        // picocli exits 2 on a bad command line and 1 on an exception, as Exit documents.
        CommandLine cli = new CommandLine(new Main());
        helpEverywhere(cli);
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            // Commands catch their failures; this is the last guard against a stack trace.
            line.getErr().println("unistore: " + Errors.describe(e));
            return Exit.FAILED;
        });
        return cli;
    }

    /** -h/--help on every command, not only the top one. */
    private static void helpEverywhere(CommandLine cli) {
        for (CommandLine sub : cli.getSubcommands().values()) {
            if (!sub.getCommandSpec().mixinStandardHelpOptions()) {
                sub.getCommandSpec().mixinStandardHelpOptions(true);
            }
            helpEverywhere(sub);
        }
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command (unistore --help lists them)");
    }

    /** The version from the jar manifest, or "dev" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"unistore " + (v == null ? "dev" : v)};
        }
    }
}
