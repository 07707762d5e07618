package io.unistore.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options every command takes. */
final class Globals {
    @Option(names = "--config", paramLabel = "FILE",
            description = "The accounts file (YAML or JSON, the one unistore-mcp reads). Default: $UNISTORE_CONFIG; "
                    + "without either, the account 'local' is the local provider on ./unistore-data.")
    Path config;

    @Option(names = "--account", paramLabel = "NAME=ADDRESS",
            description = "An ad-hoc account, e.g. backup=file:/mnt/backup or s3=s3://?region=eu-west-1; "
                    + "secrets as $${env:VARIABLE}. Repeatable.")
    List<String> accounts = new ArrayList<>();

    @Option(names = "--json", description = "Print the result as one JSON document (for scripts); no progress bars.")
    boolean json;

    @Option(names = {"-q", "--quiet"}, description = "No progress bars or notes on stderr; errors still show.")
    boolean quiet;

    /** These options, with those given before the command name ({@code unistore --json ls}) filling in. */
    Globals with(Globals before) {
        Globals g = new Globals();
        g.config = config != null ? config : before.config;
        g.accounts = new ArrayList<>(before.accounts);
        g.accounts.addAll(accounts);
        g.json = json || before.json;
        g.quiet = quiet || before.quiet;
        return g;
    }

    Path configOrEnvironment() {
        if (config != null) {
            return config;
        }
        String env = System.getenv("UNISTORE_CONFIG");
        return env == null || env.isBlank() ? null : Path.of(env);
    }
}
