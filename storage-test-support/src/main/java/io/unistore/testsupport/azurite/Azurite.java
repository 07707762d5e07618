package io.unistore.testsupport.azurite;

import io.unistore.testsupport.FreePorts;
import io.unistore.testsupport.ManagedProcess;
import io.unistore.testsupport.NodeBackends;
import io.unistore.testsupport.secrets.Canaries;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Azurite, Microsoft's Azure Storage emulator (Blob, Queue, Table), from the pinned npm package, on free
 * 127.0.0.1 ports. {@link #shared()} starts one in-memory instance per JVM for every test class that needs it
 * (it stops with the JVM); {@link #onDisk(Path)} starts a private one that keeps blob content in a directory,
 * for content larger than the in-memory limit.
 *
 * <p>Every instance serves three accounts: the well-known development account ({@link #connectionString()}),
 * {@link #SECOND_ACCOUNT} ({@link #connectionString(String)}), so copies between accounts can be tested (Azurite
 * copies from a URL only when the source is on the same instance), and {@link #CANARY_ACCOUNT} for the secrets
 * harnesses.
 * Known gaps (see this module's README): no blob versioning (version ids come back null), no Azure Files.
 */
public final class Azurite implements AutoCloseable {
    /** The development account every Azure Storage emulator accepts. */
    public static final String ACCOUNT = "devstoreaccount1";
    /** Its published key. */
    public static final String KEY =
            "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    /** A second account on every instance, for copies between accounts. */
    public static final String SECOND_ACCOUNT = "unistoresecond";
    /** Its key (any base64 text: Azurite signs with whatever it is given). */
    private static final String SECOND_KEY = "dW5pc3RvcmUtc2Vjb25kLWFjY291bnQta2V5LWZvci10ZXN0cy1vbmx5LTAwMDA=";
    /**
     * A third account whose key is {@link Canaries#AZURE_ACCOUNT_KEY}: the secrets harnesses give a provider a
     * key the service really checks, and then look for it everywhere.
     */
    public static final String CANARY_ACCOUNT = "unistorecanary";
    /** In-memory extent storage limit in MB; without one Azurite may reserve half the machine's memory. */
    private static final int EXTENT_MEMORY_LIMIT_MB = 512;

    private static Azurite shared;

    private final ManagedProcess process;
    private final int blobPort;
    private final int queuePort;
    private final int tablePort;

    private Azurite(ManagedProcess process, int blobPort, int queuePort, int tablePort) {
        this.process = process;
        this.blobPort = blobPort;
        this.queuePort = queuePort;
        this.tablePort = tablePort;
    }

    /** The JVM-wide in-memory instance, started on first use. */
    public static synchronized Azurite shared() {
        if (shared == null || !shared.process.isAlive()) {
            shared = start(null);
        }
        return shared;
    }

    /** A private instance persisting to {@code location}; close it when done. */
    public static Azurite onDisk(Path location) {
        return start(location);
    }

    private static Azurite start(Path location) {
        int blob = FreePorts.next();
        int queue = FreePorts.next();
        int table = FreePorts.next();
        List<String> cmd = new ArrayList<>(List.of(NodeBackends.bin("azurite").toString(),
                "--blobHost", "127.0.0.1", "--blobPort", String.valueOf(blob),
                "--queueHost", "127.0.0.1", "--queuePort", String.valueOf(queue),
                "--tableHost", "127.0.0.1", "--tablePort", String.valueOf(table),
                "--skipApiVersionCheck", "--loose", "--disableTelemetry", "--silent"));
        if (location == null) {
            cmd.addAll(List.of("--inMemoryPersistence", "--extentMemoryLimit",
                    String.valueOf(EXTENT_MEMORY_LIMIT_MB)));
        } else {
            cmd.addAll(List.of("--location", location.toAbsolutePath().toString()));
        }
        // Naming accounts replaces the default one, so the development account is named too.
        ManagedProcess p = ManagedProcess.start("azurite", cmd, NodeBackends.nodeDir(), Map.of("AZURITE_ACCOUNTS",
                ACCOUNT + ":" + KEY + ";" + SECOND_ACCOUNT + ":" + SECOND_KEY + ";" + CANARY_ACCOUNT + ":"
                        + Canaries.AZURE_ACCOUNT_KEY.value()));
        Duration timeout = Duration.ofSeconds(60);
        p.awaitPort(blob, timeout).awaitPort(queue, timeout).awaitPort(table, timeout);
        return new Azurite(p, blob, queue, table);
    }

    public String blobEndpoint() {
        return "http://127.0.0.1:" + blobPort + "/" + ACCOUNT;
    }

    public String queueEndpoint() {
        return "http://127.0.0.1:" + queuePort + "/" + ACCOUNT;
    }

    public String tableEndpoint() {
        return "http://127.0.0.1:" + tablePort + "/" + ACCOUNT;
    }

    /** A connection string reaching the three services with the development account's key. */
    public String connectionString() {
        return connectionString(ACCOUNT);
    }

    /**
     * A connection string for {@code account}: {@link #ACCOUNT}, {@link #SECOND_ACCOUNT} or {@link #CANARY_ACCOUNT}.
     */
    public String connectionString(String account) {
        String key = switch (account) {
            case ACCOUNT -> KEY;
            case SECOND_ACCOUNT -> SECOND_KEY;
            case CANARY_ACCOUNT -> Canaries.AZURE_ACCOUNT_KEY.value();
            default -> throw new IllegalArgumentException("Azurite serves " + ACCOUNT + ", " + SECOND_ACCOUNT
                    + " and " + CANARY_ACCOUNT + ", not " + account);
        };
        String base = "http://127.0.0.1:";
        // No DefaultEndpointsProtocol: with it, Azure derives endpoints for the services not named (Files).
        return "AccountName=" + account + ";AccountKey=" + key
                + ";BlobEndpoint=" + base + blobPort + "/" + account + ";QueueEndpoint=" + base + queuePort + "/"
                + account + ";TableEndpoint=" + base + tablePort + "/" + account + ";";
    }

    /** The emulator's output so far, for failure messages. */
    public String log() {
        return process.tail();
    }

    /** Stops a private instance; the shared one stops with the JVM. */
    @Override
    public void close() {
        if (this != shared) {
            process.close();
        }
    }
}
