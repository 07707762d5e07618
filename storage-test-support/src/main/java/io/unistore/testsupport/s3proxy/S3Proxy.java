package io.unistore.testsupport.s3proxy;

import io.unistore.testsupport.FreePorts;
import io.unistore.testsupport.ManagedProcess;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * S3Proxy (Maven Central {@code org.gaul:s3proxy:jar-with-dependencies}) run as a child JVM on 127.0.0.1 and a
 * free port, with AWS v2/v4 signature checking against a random identity and credential, as the S3 back end of
 * tests. {@link #shared()} and {@link #sharedOnDisk()} start one instance per test JVM (stopped by a shutdown
 * hook), so every test class of a run reuses it.
 *
 * <p>The jar is found through the system property {@value #JAR_PROPERTY} (the build copies it into
 * {@code target/} and passes its path to surefire), else in the local Maven repository.
 */
public final class S3Proxy implements AutoCloseable {
    /** System property holding the path of the S3Proxy jar-with-dependencies. */
    public static final String JAR_PROPERTY = "unistore.s3proxy.jar";
    /** System property naming the S3Proxy version to look for in the local Maven repository. */
    public static final String VERSION_PROPERTY = "unistore.s3proxy.version";
    /** The region S3Proxy answers as; any region signs correctly, this one needs no location constraint. */
    public static final String REGION = "us-east-1";

    private static final String DEFAULT_VERSION = "4.1.0";
    private static S3Proxy transientInstance;
    private static S3Proxy diskInstance;

    /** Where S3Proxy keeps the objects. */
    public enum Backend {
        /**
         * In memory ({@code transient-nio2}): fast, and the only S3Proxy store with object versioning. Holds every
         * object in the child JVM's heap.
         */
        TRANSIENT("transient-nio2", "1g"),
        /** Files in a temporary directory ({@code filesystem-nio2}): for large objects; no versioning. */
        FILESYSTEM("filesystem-nio2", "256m");

        private final String provider;
        private final String heap;

        Backend(String provider, String heap) {
            this.provider = provider;
            this.heap = heap;
        }
    }

    private final ManagedProcess process;
    private final URI endpoint;
    private final String identity;
    private final String credential;
    private final Path workDir;

    private S3Proxy(ManagedProcess process, URI endpoint, String identity, String credential, Path workDir) {
        this.process = process;
        this.endpoint = endpoint;
        this.identity = identity;
        this.credential = credential;
        this.workDir = workDir;
    }

    /** The in-memory instance of this JVM, started on first use. */
    public static synchronized S3Proxy shared() {
        if (transientInstance == null || !transientInstance.isAlive()) {
            transientInstance = stopAtExit(start(Backend.TRANSIENT));
        }
        return transientInstance;
    }

    /** The on-disk instance of this JVM (for objects too large to keep in memory), started on first use. */
    public static synchronized S3Proxy sharedOnDisk() {
        if (diskInstance == null || !diskInstance.isAlive()) {
            diskInstance = stopAtExit(start(Backend.FILESYSTEM));
        }
        return diskInstance;
    }

    private static S3Proxy stopAtExit(S3Proxy proxy) {
        Runtime.getRuntime().addShutdownHook(new Thread(proxy::close, "stop-shared-s3proxy"));
        return proxy;
    }

    /** Starts a new instance; the caller closes it. */
    public static S3Proxy start(Backend backend) {
        Path jar = jar();
        int port = FreePorts.next();
        String identity = "id-" + random(8);
        String credential = random(20);
        try {
            Path dir = Files.createTempDirectory("unistore-s3proxy-");
            Properties props = new Properties();
            props.setProperty("s3proxy.endpoint", "http://127.0.0.1:" + port);
            props.setProperty("s3proxy.authorization", "aws-v2-or-v4");
            props.setProperty("s3proxy.identity", identity);
            props.setProperty("s3proxy.credential", credential);
            props.setProperty("jclouds.provider", backend.provider);
            props.setProperty("jclouds.identity", "unused");
            props.setProperty("jclouds.credential", "unused");
            if (backend == Backend.FILESYSTEM) {
                Path data = Files.createDirectories(dir.resolve("data"));
                props.setProperty("jclouds.filesystem.basedir", data.toString());
            }
            Path config = dir.resolve("s3proxy.properties");
            try (OutputStream out = Files.newOutputStream(config)) {
                props.store(out, "written by io.unistore.testsupport.s3proxy.S3Proxy");
            }
            List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx" + backend.heap,
                    "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(),
                    "--properties", config.toString()));
            ManagedProcess process = ManagedProcess.start("s3proxy-" + backend.name().toLowerCase(), command, dir);
            process.awaitPort(port, Duration.ofSeconds(60));
            return new S3Proxy(process, URI.create("http://127.0.0.1:" + port), identity, credential, dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare S3Proxy", e);
        }
    }

    /** {@code http://127.0.0.1:PORT}: use path-style addressing. */
    public URI endpoint() {
        return endpoint;
    }

    /** The access key id S3Proxy accepts. */
    public String identity() {
        return identity;
    }

    /** The secret access key S3Proxy accepts. */
    public String credential() {
        return credential;
    }

    /** Whether the process still runs. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** The process output so far, for failure messages. */
    public String logTail() {
        return process.tail();
    }

    @Override
    public void close() {
        process.close();
        try (Stream<Path> files = Files.walk(workDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind is harmless
        }
    }

    @Override
    public String toString() {
        return "S3Proxy at " + endpoint;
    }

    /** The jar: the system property, else the local Maven repository. */
    static Path jar() {
        String prop = System.getProperty(JAR_PROPERTY);
        if (prop != null && !prop.isBlank()) {
            Path p = Path.of(prop);
            if (Files.isRegularFile(p)) {
                return p;
            }
            throw new IllegalStateException(JAR_PROPERTY + " points at " + p + ", which does not exist");
        }
        String version = System.getProperty(VERSION_PROPERTY, DEFAULT_VERSION);
        Path local = Path.of(System.getProperty("user.home"), ".m2", "repository", "org", "gaul", "s3proxy", version,
                "s3proxy-" + version + "-jar-with-dependencies.jar");
        if (Files.isRegularFile(local)) {
            return local;
        }
        throw new IllegalStateException("S3Proxy jar not found: set -D" + JAR_PROPERTY + " (the storage-aws build "
                + "copies org.gaul:s3proxy:" + version + ":jar:jar-with-dependencies into target/s3proxy)");
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
