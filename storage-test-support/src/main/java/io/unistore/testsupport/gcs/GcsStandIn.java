package io.unistore.testsupport.gcs;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stand-in for Google Cloud Storage's JSON API, for tests on machines where no emulator runs. It serves
 * the subset Google's clients use — buckets (insert, get, list, patch, delete, versioning), objects (media,
 * multipart and chunked resumable uploads, media downloads with ranges, get, list with prefix / delimiter /
 * versions / paging, generations, metagenerations and their preconditions, rewrite, patch, delete) — plus V4
 * signed URLs and the OAuth token endpoint of a service-account key. Request bodies may be gzipped, names
 * are percent-encoded in paths, 64-bit numbers are strings, and failures use the documented error JSON.
 * Object content is kept in files under a data directory, never in memory.
 *
 * <p>It listens on 127.0.0.1 on a free port. Point a client at {@link #endpoint()} with no credentials (or a
 * service-account key whose {@code token_uri} is {@link #tokenUri()}).
 *
 * <pre>{@code
 * try (GcsStandIn gcs = GcsStandIn.start()) {
 *     Storage storage = StorageOptions.http().setHost(gcs.endpoint()).setProjectId("p")
 *             .setCredentials(NoCredentials.getInstance()).build().getService();
 * }
 * }</pre>
 */
public final class GcsStandIn implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GcsStandIn.class);
    private static final int LOGGED_REQUESTS = 10_000;

    private final HttpServer server;
    private final ExecutorService executor;
    private final Path dataDir;
    private final boolean ownsDataDir;
    private final String endpoint;
    private final BucketRoutes buckets;
    private final ObjectRoutes objects;
    private final UploadRoutes uploads;
    private final Rewrites rewrites;
    private final SignedUrls signedUrls;
    private final TokenEndpoint tokens;
    private final List<Fault> faults = new CopyOnWriteArrayList<>();
    private final Deque<String> requestLog = new ArrayDeque<>();
    private volatile boolean requireAuthentication;

    private GcsStandIn(Path dataDir, boolean ownsDataDir) throws IOException {
        this.dataDir = dataDir;
        this.ownsDataDir = ownsDataDir;
        GcsBackend backend = new GcsBackend(dataDir);
        this.rewrites = new Rewrites(backend, Long.MAX_VALUE);
        this.buckets = new BucketRoutes(backend);
        this.objects = new ObjectRoutes(backend, rewrites);
        this.uploads = new UploadRoutes(backend);
        this.signedUrls = new SignedUrls(backend);
        this.tokens = new TokenEndpoint(signedUrls.signers);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(16, r -> {
            Thread t = new Thread(r, "gcs-stand-in-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        this.endpoint = "http://127.0.0.1:" + server.getAddress().getPort();
        LOG.info("GCS stand-in listening on {} (data in {})", endpoint, dataDir);
    }

    /** Starts a stand-in keeping its data in a new temporary directory, removed by {@link #close()}. */
    public static GcsStandIn start() {
        try {
            return new GcsStandIn(Files.createTempDirectory("unistore-gcs-"), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the GCS stand-in", e);
        }
    }

    /** Starts a stand-in keeping its data in {@code dataDir} (left in place on close). */
    public static GcsStandIn start(Path dataDir) {
        try {
            return new GcsStandIn(Files.createDirectories(dataDir), false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the GCS stand-in", e);
        }
    }

    /** {@code http://127.0.0.1:PORT}: the host to give a client ({@code StorageOptions.setHost}, apiEndpoint). */
    public String endpoint() {
        return endpoint;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The {@code token_uri} for a test service-account key whose signer is {@linkplain #trustSigner trusted}. */
    public String tokenUri() {
        return endpoint + "/token";
    }

    /**
     * Trusts a service account's public key: JWT grants it signs get access tokens, and V4 URLs it signs are
     * honoured.
     */
    public void trustSigner(String clientEmail, PublicKey publicKey) {
        signedUrls.signers.put(clientEmail, publicKey);
    }

    /** When true, API calls without a bearer token fail with 401 (default: anonymous calls are allowed). */
    public void requireAuthentication(boolean value) {
        this.requireAuthentication = value;
    }

    /**
     * Answers the next {@code times} requests whose method is {@code method} (or any, when null) and whose
     * URI contains {@code uriContains} with {@code status} and GCS's error JSON, after reading their body.
     */
    public void failNext(String method, String uriContains, int status, int times) {
        faults.add(new Fault(method, uriContains, status, new AtomicInteger(times)));
    }

    /** Removes the faults not yet used. */
    public void clearFaults() {
        faults.clear();
    }

    /** Makes a rewrite copy at most this many bytes per call, so clients must loop with the rewrite token. */
    public void rewriteBytesPerCall(long bytes) {
        rewrites.bytesPerCall(bytes);
    }

    /** The requests received so far ("METHOD /path?query"), oldest first (the last 10,000). */
    public List<String> requests() {
        synchronized (requestLog) {
            return List.copyOf(requestLog);
        }
    }

    private void handle(HttpExchange exchange) {
        GcsRequest r = new GcsRequest(exchange, endpoint);
        log(r.method + " " + exchange.getRequestURI());
        boolean signed = SignedUrls.isSigned(r);
        try {
            injectFault(r);
            route(r, signed);
        } catch (GcsError e) {
            drain(exchange);
            if (signed) {
                r.setHeader("Content-Type", "application/xml; charset=UTF-8");
                r.send(e.status, SignedUrls.xmlError(e));
            } else {
                r.sendError(e);
            }
        } catch (RuntimeException e) {
            LOG.warn("GCS stand-in failed on {}", r, e);
            drain(exchange);
            try {
                r.sendError(new GcsError(500, "internalError", "stand-in failure: " + e));
            } catch (RuntimeException ignored) {
                // the response was already under way: the client sees a cut connection
            }
        } finally {
            exchange.close();
        }
    }

    private void route(GcsRequest r, boolean signed) {
        List<String> s = trimTrailingEmpty(r.segments);
        String first = s.isEmpty() ? "" : s.get(0);
        if (signed) {
            signedUrls.handle(r);
            return;
        }
        if (first.equals("token") && s.size() == 1) {
            tokens.handle(r);
            return;
        }
        tokens.authorize(r, requireAuthentication);
        if (first.equals("storage") && s.size() >= 3 && s.get(1).equals("v1") && s.get(2).equals("b")) {
            if (s.size() <= 4) {
                buckets.handle(r);
            } else if (s.get(4).equals("o")) {
                objects.handle(r, s.subList(2, s.size()));
            } else {
                throw GcsError.notFound("Not Found");
            }
        } else if (first.equals("upload") && s.size() >= 4 && s.get(1).equals("storage")) {
            uploads.handle(r);
        } else if (first.equals("download") && s.size() == 7 && s.get(1).equals("storage") && s.get(5).equals("o")
                && r.method.equals("GET")) {
            MediaDownload.serve(r, objects.media(r, s.get(4), s.get(6)), false);
        } else {
            throw GcsError.notFound("Not Found: " + r.exchange.getRequestURI().getRawPath());
        }
    }

    private static List<String> trimTrailingEmpty(List<String> segments) {
        int end = segments.size();
        while (end > 0 && segments.get(end - 1).isEmpty()) {
            end--;
        }
        return segments.subList(0, end);
    }

    private void injectFault(GcsRequest r) {
        String uri = r.exchange.getRequestURI().toString();
        for (Fault f : faults) {
            if ((f.method == null || f.method.equals(r.method)) && uri.contains(f.uriContains)
                    && f.remaining.getAndDecrement() > 0) {
                throw new GcsError(f.status, reasonOf(f.status), "Injected fault " + f.status);
            }
        }
    }

    private static String reasonOf(int status) {
        return switch (status) {
            case 401 -> "authError";
            case 403 -> "forbidden";
            case 429 -> "rateLimitExceeded";
            case 500 -> "internalError";
            case 503 -> "backendError";
            default -> "invalid";
        };
    }

    private static void drain(HttpExchange exchange) {
        try (InputStream in = exchange.getRequestBody()) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException ignored) {
            // the client went away
        }
    }

    private void log(String line) {
        synchronized (requestLog) {
            if (requestLog.size() == LOGGED_REQUESTS) {
                requestLog.removeFirst();
            }
            requestLog.addLast(line);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        if (ownsDataDir) {
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(GcsBackend::deleteQuietly);
            } catch (IOException e) {
                LOG.warn("could not remove {}", dataDir, e);
            }
        }
    }

    private record Fault(String method, String uriContains, int status, AtomicInteger remaining) {
    }
}
