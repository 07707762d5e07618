package io.unistore.testsupport.aws;

import io.unistore.testsupport.FreePorts;
import io.unistore.testsupport.ManagedProcess;
import io.unistore.testsupport.NodeBackends;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * dynalite (npm, Apache-2.0: DynamoDB's API on LevelDB, in memory here), from the pinned npm package, on a free
 * 127.0.0.1 port: the DynamoDB back end of tests. {@link #shared()} starts one per JVM (it stops with the JVM).
 *
 * <p>dynalite answers tables, items, conditional writes, update expressions, query and scan with filters and
 * paging, batch writes, with DynamoDB's own errors. It has no transactions ({@code TransactWriteItems}), PartiQL
 * or TTL, and does not check signatures (any key signs).
 */
public final class Dynalite implements AutoCloseable {
    /** Any region: dynalite ignores it, the SDK only signs with it. */
    public static final String REGION = "us-east-1";

    private static Dynalite shared;

    private final ManagedProcess process;
    private final int port;

    private Dynalite(ManagedProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /** The JVM-wide instance, started on first use. */
    public static synchronized Dynalite shared() {
        if (shared == null || !shared.process.isAlive()) {
            shared = start();
        }
        return shared;
    }

    /** A private in-memory instance; close it when done. */
    public static Dynalite start() {
        int port = FreePorts.next();
        // Tables become ACTIVE after createTableMs: 0 keeps tests from waiting on a state only AWS needs.
        List<String> cmd = List.of(NodeBackends.bin("dynalite").toString(), "--host", "127.0.0.1", "--port",
                String.valueOf(port), "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0");
        ManagedProcess p = ManagedProcess.start("dynalite", cmd, NodeBackends.nodeDir());
        p.awaitPort(port, Duration.ofSeconds(60));
        return new Dynalite(p, port);
    }

    /** {@code http://127.0.0.1:PORT}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** dynalite's output so far, for failure messages. */
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
