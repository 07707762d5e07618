package io.unistore.mcp;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.unistore.config.ConfigException;
import io.unistore.config.EnvReferences;
import io.modelcontextprotocol.json.McpJsonMapper;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code unistore-mcp}: serves storage accounts to MCP clients over stdio (default) or Streamable HTTP.
 */
@Command(name = "unistore-mcp", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "Serves tables, blobs, queues and file shares of one or more storage accounts (Azure, AWS, Google "
                    + "Cloud or a local directory) to MCP clients, as tools, resources and prompts.",
            "",
            "With no options it serves the local provider on ./unistore-data over stdio. stdout carries only MCP "
                    + "messages; logs go to stderr."},
        footer = {"", "Config file (YAML or JSON; secrets from the environment as $${env:NAME}):",
            "  accounts:",
            "    local: { address: \"file:./unistore-data\" }",
            "    prod:",
            "      address: \"$${env:AZURE_STORAGE_CONNECTION_STRING}\"",
            "      policy:",
            "        readOnly: true",
            "        containers: [\"public-*\"]",
            "        denyTools: [\"delete-*\"]",
            "Policy keys: readOnly, tools, denyTools, containers, tables, queues, shares (lists of * ? patterns).",
            "", "Exit codes: 0 done, 1 failure, 2 bad command line or config."})
public final class Main implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE",
            description = "Accounts to serve (YAML or JSON): a provider address, options and a policy per account. "
                    + "Without it: the local provider on ./unistore-data, as account 'local'.")
    private Path config;

    @Option(names = "--schedule", paramLabel = "FILE",
            description = "Run the jobs of the 'schedules' section of FILE (YAML or JSON; instead of the config's "
                    + "section): backups, lifecycle applications and metrics recordings on cron expressions, each due "
                    + "run once across servers sharing the runs table.")
    private Path schedule;

    @Option(names = "--http", paramLabel = "HOST:PORT",
            description = "Serve Streamable HTTP at http://HOST:PORT/mcp instead of stdio. A non-loopback HOST needs "
                    + "--token. Port 0 picks a free port (logged on stderr).")
    private String http;

    @Option(names = "--token", paramLabel = "TOKEN",
            description = "Bearer token HTTP clients must send (Authorization: Bearer TOKEN); 401 otherwise. "
                    + "May be $${env:NAME} to keep it off the command line. Without it, on loopback, the server "
                    + "makes one and prints it once on stderr; any other address needs it.")
    private String token;

    @Option(names = "--no-auth",
            description = "Serve HTTP without a bearer token: any local process can then use every tool. Loopback "
                    + "only; logged as a warning.")
    private boolean noAuth;

    @Option(names = "--allow-host", paramLabel = "NAME",
            description = "Another host name HTTP clients may use in Host/Origin (DNS-rebinding protection allows "
                    + "only the bound address, and localhost names on loopback). Repeatable.")
    private List<String> allowHosts = List.of();

    @Option(names = "--read-only", description = "List and run only tools that do not write; others are refused.")
    private boolean readOnly;

    @Option(names = "--tools", paramLabel = "PATTERN", split = ",",
            description = "Serve only tools matching these patterns (* and ?), e.g. 'list-*,get-*'.")
    private List<String> tools;

    @Option(names = "--deny-tools", paramLabel = "PATTERN", split = ",",
            description = "Never serve tools matching these patterns, e.g. 'delete-*'.")
    private List<String> denyTools = List.of();

    @Option(names = "--allow-path", paramLabel = "DIR",
            description = "A local directory localPath arguments may read or write in. Repeatable. Over stdio the "
                    + "client's MCP roots are allowed too; over HTTP they only narrow these directories. Without "
                    + "any, localPath is refused (over stdio: unless the client declares roots).")
    private List<Path> allowPaths = List.of();

    @Option(names = "--max-inline-bytes", paramLabel = "N", defaultValue = "4194304",
            description = "Largest content passed inline in tool calls and results (default ${DEFAULT-VALUE}, 4 MiB). "
                    + "Larger content goes through localPath or a presigned URL.")
    private int maxInlineBytes;

    @Option(names = "--max-message-bytes", paramLabel = "N", defaultValue = "16777216",
            description = "Largest JSON-RPC message the server reads (default ${DEFAULT-VALUE}, 16 MiB), on stdio and "
                    + "HTTP; a larger one gets a JSON-RPC error and the session goes on.")
    private int maxMessageBytes;

    /** Runs the server; exits when stdin closes (stdio) or the process is stopped (HTTP). */
    public static void main(String[] args) {
        // stdout is the MCP channel: keep a handle on it and send every stray print to stderr, which redacts
        // secrets from every line, stack traces included.
        OutputStream mcpOut = new FileOutputStream(FileDescriptor.out);
        PrintStream rawErr = RedactingOutputStream.install();
        WarmUp.start();
        // The tools' definitions depend on no argument: they are built on a second core while picocli parses.
        CompletableFuture<Map<String, McpTool>> definitions = CompletableFuture.supplyAsync(
                ToolCatalog::discoverTools, WarmUp.EARLY);
        CommandLine cli = new CommandLine(new Main(mcpOut, rawErr, definitions));
        cli.setOut(new java.io.PrintWriter(mcpOut, true));
        System.exit(cli.execute(args));
    }

    private final OutputStream mcpOut;
    private final PrintStream rawErr;
    private final CompletableFuture<Map<String, McpTool>> definitions;

    private Main(OutputStream mcpOut, PrintStream rawErr, CompletableFuture<Map<String, McpTool>> definitions) {
        this.mcpOut = mcpOut;
        this.rawErr = rawErr;
        this.definitions = definitions;
    }

    @Override
    public Integer call() throws Exception {
        ServerSettings settings;
        BindAddress bind = null;
        HttpAuth auth = null;
        try {
            if (http != null) {
                bind = BindAddress.parse(http);
                auth = HttpAuth.of(bind, token == null ? null : EnvReferences.substitute(token, "--token",
                        System::getenv), noAuth);
            } else if (token != null || noAuth) {
                throw new IllegalArgumentException((noAuth ? "--no-auth" : "--token") + " applies to --http only");
            }
            settings = settings(bind != null);
        } catch (IllegalArgumentException | ConfigException e) {
            System.err.println("unistore-mcp: " + e.getMessage());
            return 2;
        }
        McpJsonMapper json = McpJsonDefaults.getMapper();
        TelemetrySpec telemetrySpec;
        ScheduleSpec scheduleSpec;
        try {
            telemetrySpec = config == null ? TelemetrySpec.NONE : ConfigFile.telemetry(config, System::getenv);
            scheduleSpec = schedules(settings);
        } catch (IllegalArgumentException | ConfigException e) {
            System.err.println("unistore-mcp: " + e.getMessage());
            return 2;
        }
        try (ServerTelemetry telemetry = ServerTelemetry.install(telemetrySpec);
             Accounts accounts = Accounts.open(settings.accounts());
             ServerSchedules schedules = startSchedules(scheduleSpec, accounts)) {
            InFlightCalls inFlight = new InFlightCalls();
            Subscriptions subscriptions = new Subscriptions();
            ToolCatalog catalog = new ToolCatalog(definitions.join(), settings, accounts);
            AccessCheck access = new AccessCheck(settings, accounts);
            ProtocolHandlers handlers = new ProtocolHandlers(json, catalog,
                    new ToolExecutor(json, catalog, accounts, settings, access, inFlight, subscriptions),
                    new ResourceCatalog(accounts, access, settings.maxInlineBytes()), new PromptCatalog(accounts,
                    access), accounts, access, inFlight, subscriptions);
            System.err.println("unistore-mcp " + version() + ": " + catalog.listed().size() + " tools, accounts "
                    + accounts.names() + (settings.readOnly() ? ", read-only" : ""));
            if (bind != null) {
                try (HttpServer server = HttpServer.start(json, handlers, bind, auth.token(), allowHosts,
                        maxMessageBytes)) {
                    System.err.println("unistore-mcp listening on http://" + bind.host() + ":" + server.port()
                            + HttpServer.ENDPOINT);
                    if (auth.generated()) {
                        // The one secret the server shows, once, past the redaction: the user needs it to connect.
                        rawErr.println("unistore-mcp: no --token given; clients send 'Authorization: Bearer <token>' "
                                + "with the bearer token for this run: " + auth.token());
                    } else if (auth.token() == null) {
                        org.slf4j.LoggerFactory.getLogger(Main.class).warn("--no-auth: HTTP requests need no token; "
                                + "any local process can use every tool");
                    }
                    server.join();
                }
            } else {
                serveStdio(json, handlers);
            }
        }
        return 0;
    }

    private void serveStdio(McpJsonMapper json, ProtocolHandlers handlers) throws IOException {
        StdioTransport transport = new StdioTransport(json, new FileInputStream(FileDescriptor.in), mcpOut,
                maxMessageBytes);
        transport.setSessionFactory(handlers.sessions(transport.protocolVersions()).stdio());
        transport.serve();
        transport.closeGracefully().block(java.time.Duration.ofSeconds(2));
    }

    private ScheduleSpec schedules(ServerSettings settings) {
        Path file = schedule != null ? schedule : config;
        if (file == null) {
            return ScheduleSpec.NONE;
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("--schedule: " + file + " is not a file");
        }
        return ScheduleConfig.read(file, System::getenv, settings.accounts().stream().map(AccountSpec::name).toList());
    }

    /** The scheduler of the jobs, ticking; null without jobs. */
    private static ServerSchedules startSchedules(ScheduleSpec spec, Accounts accounts) {
        if (spec.jobs().isEmpty()) {
            return null;
        }
        String host = System.getenv().getOrDefault("HOSTNAME", "localhost");
        ServerSchedules s = ServerSchedules.of(spec, accounts, "unistore-mcp " + ProcessHandle.current().pid() + "@"
                + host, ServerSchedules.FALLBACK_RUNS_DIR);
        s.start(spec.poll());
        System.err.println("unistore-mcp: " + spec.jobs().size() + " scheduled jobs, runs table '"
                + spec.runsTable() + "' in " + (s.fallback() == null ? "account '" + spec.runsAccount() + "'"
                : "local directory " + ServerSchedules.FALLBACK_RUNS_DIR.toAbsolutePath() + " (account '"
                + spec.runsAccount() + "' has no tables)"));
        return s;
    }

    private ServerSettings settings(boolean overHttp) {
        if (maxInlineBytes < 1) {
            throw new IllegalArgumentException("--max-inline-bytes must be positive, was " + maxInlineBytes);
        }
        if (maxMessageBytes < 1024) {
            throw new IllegalArgumentException("--max-message-bytes must be at least 1024, was " + maxMessageBytes);
        }
        List<AccountSpec> accounts;
        if (config != null) {
            if (!Files.isRegularFile(config)) {
                throw new IllegalArgumentException("--config: " + config + " is not a file");
            }
            accounts = ConfigFile.read(config, System::getenv);
        } else {
            Path data = Path.of("unistore-data").toAbsolutePath();
            accounts = List.of(new AccountSpec("local", "file:" + data, java.util.Map.of(), AccountPolicy.OPEN));
        }
        for (Path p : allowPaths) {
            if (!Files.isDirectory(p)) {
                throw new IllegalArgumentException("--allow-path: " + p + " is not a directory");
            }
        }
        return new ServerSettings(accounts, readOnly, NamePatterns.of(tools), NamePatterns.of(denyTools),
                allowPaths.stream().map(Path::toAbsolutePath).toList(), !overHttp, maxInlineBytes);
    }

    /** The version from the jar manifest, or "dev" when run from classes. */
    static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** Feeds picocli's --version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"unistore-mcp " + version()};
        }
    }
}
