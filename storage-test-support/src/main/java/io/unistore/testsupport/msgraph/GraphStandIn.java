package io.unistore.testsupport.msgraph;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.unistore.testsupport.msgraph.GraphDrive.UploadSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stand-in for the drive-item calls of Microsoft Graph v1.0 (OneDrive and SharePoint document libraries), for
 * tests: no Graph emulator exists. It serves one drive, reachable as {@code /drives/{id}}, {@code /me/drive}
 * and {@code /sites/{any}/drive}:
 * items by id and by path ({@code /root:/a/b.txt:}, {@code /items/{id}:/name:}); children listed by name with
 * {@code $top} and {@code @odata.nextLink} paging; folders created with {@code POST .../children}; content
 * {@code PUT} (simple upload; missing parent folders are created, as Graph does) and {@code GET} with
 * {@code Range}; {@code createUploadSession} and ranged {@code PUT}s to the upload URL answered 202 with
 * {@code nextExpectedRanges} until the last byte (201 created, 200 replaced); {@code PATCH} of name,
 * {@code parentReference} and description (rename, move); {@code DELETE}; {@code @microsoft.graph.conflictBehavior}
 * fail / replace / rename; {@code If-Match} on eTag or cTag (412); and errors in Graph's JSON form. Content is
 * kept in memory: tests use small files.
 *
 * <p>It listens on plain http on 127.0.0.1; absolute URLs it hands out say https when the request has
 * {@code X-Forwarded-Proto: https} (clients that accept only https URLs, such as the Node SDK, reach it through a
 * scheme-rewriting fetch). It and wants {@code Authorization: Bearer <token>} with {@link #token()} on every API
 * call (upload URLs are pre-authenticated, as Graph's are). Point a client at {@link #baseUrl()}.
 */
public final class GraphStandIn implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GraphStandIn.class);
    private static final int LOGGED_REQUESTS = 10_000;
    private static final int DEFAULT_PAGE = 200;
    private static final String UPLOADS = "/_upload/";

    private final HttpServer server;
    private final ExecutorService executor;
    private final String endpoint;
    private final String token = "standin-" + java.util.UUID.randomUUID();
    private final GraphDrive drive = new GraphDrive("b!standin" + Long.toHexString(System.nanoTime()));
    private final Deque<String> requestLog = new ArrayDeque<>();

    static {
        // The JDK's server writes headers and body in separate segments; without TCP_NODELAY each answer waits
        // for the client's delayed ACK (~40 ms), which made the file contract 3x slower. Read once, at the
        // server's first use in the JVM.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private GraphStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        AtomicInteger n = new AtomicInteger();
        executor = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "graph-stand-in-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        endpoint = "http://127.0.0.1:" + server.getAddress().getPort();
        LOG.info("Microsoft Graph stand-in listening on {}", endpoint);
    }

    /** Starts a stand-in with one empty drive. */
    public static GraphStandIn start() {
        try {
            return new GraphStandIn();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Graph stand-in", e);
        }
    }

    /** {@code http://127.0.0.1:PORT}. */
    public String endpoint() {
        return endpoint;
    }

    /** {@code http://127.0.0.1:PORT/v1.0}: the base URL of API calls, as {@code https://graph.microsoft.com/v1.0}. */
    public String baseUrl() {
        return endpoint + "/v1.0";
    }

    /** The id of the drive. */
    public String driveId() {
        return drive.id;
    }

    /** The bearer token every API call must carry. */
    public String token() {
        return token;
    }

    /** The requests received so far ("METHOD /path?query", raw), oldest first (the last 10,000). */
    public List<String> requests() {
        synchronized (requestLog) {
            return List.copyOf(requestLog);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) {
        GraphExchange x = new GraphExchange(exchange);
        log(x.method + " " + exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()));
        try {
            String path = exchange.getRequestURI().getRawPath();
            if (path.startsWith(UPLOADS)) {
                synchronized (drive) {
                    upload(x, path.substring(UPLOADS.length()));
                }
                return;
            }
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (auth == null || !auth.equals("Bearer " + token)) {
                throw new GraphError(401, "InvalidAuthenticationToken", "Access token is empty or invalid.");
            }
            if (!path.startsWith("/v1.0/")) {
                throw new GraphError(400, "BadRequest", "Invalid version: " + path);
            }
            synchronized (drive) {
                route(x, URLDecoder.decode(path.substring("/v1.0".length()).replace("+", "%2B"),
                        StandardCharsets.UTF_8));
            }
        } catch (GraphError e) {
            x.drain();
            x.sendError(e);
        } catch (RuntimeException e) {
            LOG.warn("Graph stand-in failed on {} {}", x.method, exchange.getRequestURI(), e);
            x.drain();
            try {
                x.sendError(new GraphError(500, "generalException", "stand-in failure: " + e));
            } catch (RuntimeException ignored) {
                // the response was already under way
            }
        } finally {
            exchange.close();
        }
    }

    /** Routes a decoded API path: the drive, then an item (by root, id or path), then what is asked of it. */
    private void route(GraphExchange x, String path) {
        String rest;
        if (path.startsWith("/me/drive")) {
            rest = path.substring("/me/drive".length());
        } else if (path.startsWith("/sites/") && path.indexOf("/drive", 7) > 0) {
            rest = path.substring(path.indexOf("/drive", 7) + "/drive".length());
        } else if (path.startsWith("/drives/")) {
            int end = path.indexOf('/', 8);
            String id = end < 0 ? path.substring(8) : path.substring(8, end);
            if (!id.equals(drive.id)) {
                throw new GraphError(404, "itemNotFound", "The drive " + id + " does not exist");
            }
            rest = end < 0 ? "" : path.substring(end);
        } else {
            throw new GraphError(400, "BadRequest", "Resource not found for the segment '" + path + "'.");
        }
        if (rest.isEmpty() || rest.equals("/")) {
            x.requireMethod("GET");
            x.sendJson(200, GraphJson.drive(drive));
            return;
        }
        DriveNode base;
        String tail;
        if (rest.startsWith("/root")) {
            base = drive.root;
            tail = rest.substring(5);
        } else if (rest.startsWith("/items/")) {
            int end = 7;
            while (end < rest.length() && rest.charAt(end) != '/' && rest.charAt(end) != ':') {
                end++;
            }
            base = drive.byId(rest.substring(7, end));
            tail = rest.substring(end);
        } else {
            throw new GraphError(400, "BadRequest", "Resource not found for the segment '" + rest + "'.");
        }
        String relative = "";
        if (tail.startsWith(":")) {
            int close = tail.indexOf(':', 1);
            relative = close < 0 ? tail.substring(1) : tail.substring(1, close);
            tail = close < 0 ? "" : tail.substring(close + 1);
        }
        switch (tail) {
            case "", "/" -> item(x, base, relative);
            case "/children" -> children(x, base, relative);
            case "/content" -> content(x, base, relative);
            case "/createUploadSession" -> createUploadSession(x, base, relative);
            default -> throw new GraphError(400, "BadRequest", "Unsupported segment '" + tail + "'");
        }
    }

    private void item(GraphExchange x, DriveNode base, String relative) {
        DriveNode node = drive.get(base, relative);
        switch (x.method) {
            case "GET" -> x.sendJson(200, GraphJson.item(drive, node));
            case "DELETE" -> {
                GraphDrive.checkIfMatch(node, x.header("If-Match"));
                drive.remove(node);
                x.sendEmpty(204);
            }
            case "PATCH" -> patch(x, node);
            default -> throw new GraphError(405, "BadRequest", "Method not allowed");
        }
    }

    /** PATCH: description, rename ({@code name}) and move ({@code parentReference} id or path). */
    private void patch(GraphExchange x, DriveNode node) {
        JsonNode body = x.jsonBody();
        GraphDrive.checkIfMatch(node, x.header("If-Match"));
        DriveNode target = node.parent;
        JsonNode ref = body.get("parentReference");
        if (ref != null && ref.isObject()) {
            if (ref.hasNonNull("id")) {
                target = drive.byId(ref.get("id").asString());
            } else if (ref.hasNonNull("path")) {
                String p = ref.get("path").asString().replaceFirst("^/drives?/[^/]*/?root:?", "")
                        .replaceFirst("^/drive/root:?", "");
                target = drive.get(drive.root, p);
            }
            if (!target.folder) {
                throw GraphError.invalid("parentReference is not a folder");
            }
        }
        String name = body.hasNonNull("name") ? GraphDrive.checkName(body.get("name").asString()) : node.name;
        if (node == drive.root && (target != null || !name.equals(node.name))) {
            throw new GraphError(403, "accessDenied", "The root cannot be moved or renamed");
        }
        if (node.isAncestorOf(target)) {
            throw GraphError.invalid("An item cannot be moved into itself");
        }
        if (target != node.parent || !name.equals(node.name)) {
            String behavior = x.conflictBehavior(body, "fail");
            DriveNode clash = target.children.get(name);
            String finalName = clash == node ? name : drive.resolveConflict(target, name, behavior, false);
            node.parent.children.remove(node.name);
            node.parent.touch(true);
            node.name = finalName;
            node.parent = target;
            target.children.put(finalName, node);
            target.touch(true);
        }
        if (body.has("description")) {
            node.description = body.get("description").isNull() ? null : body.get("description").asString();
        }
        node.touch(false);
        x.sendJson(200, GraphJson.item(drive, node));
    }

    private void children(GraphExchange x, DriveNode base, String relative) {
        DriveNode folder = drive.get(base, relative);
        if (x.method.equals("POST")) {
            createChild(x, folder);
            return;
        }
        x.requireMethod("GET");
        if (!folder.folder) {
            throw GraphError.invalid("The item is not a folder");
        }
        int top = x.intQuery("$top", DEFAULT_PAGE);
        int skip = x.intQuery("$skiptoken", 0);
        List<DriveNode> all = List.copyOf(folder.children.values());
        int end = Math.min(all.size(), skip + top);
        ObjectNode page = GraphJson.MAPPER.createObjectNode();
        var values = page.putArray("value");
        for (DriveNode child : all.subList(Math.min(skip, all.size()), end)) {
            values.add(GraphJson.item(drive, child));
        }
        if (end < all.size()) {
            page.put("@odata.nextLink", x.selfUrl(endpoint) + "?$top=" + top + "&$skiptoken=" + end);
        }
        x.sendJson(200, page);
    }

    /** POST children: a new folder (Graph also takes files this way, which no client here needs). */
    private void createChild(GraphExchange x, DriveNode folder) {
        JsonNode body = x.jsonBody();
        if (!folder.folder) {
            throw GraphError.invalid("The parent is not a folder");
        }
        if (!body.has("folder")) {
            throw GraphError.invalid("Only folders are created with POST children here");
        }
        String name = GraphDrive.checkName(body.path("name").asString(null));
        String finalName = drive.resolveConflict(folder, name, x.conflictBehavior(body, "fail"), false);
        DriveNode created = drive.add(folder, new DriveNode(finalName, true));
        if (body.hasNonNull("description")) {
            created.description = body.get("description").asString();
        }
        x.sendJson(201, GraphJson.item(drive, created));
    }

    private void content(GraphExchange x, DriveNode base, String relative) {
        if (x.method.equals("PUT")) {
            byte[] bytes = x.body();
            DriveNode existing = drive.find(base, relative);
            DriveNode folder = relative.isEmpty() ? base.parent : drive.parentFolderOf(base, relative);
            String name = relative.isEmpty() ? base.name : GraphDrive.lastSegment(relative);
            boolean created = existing == null;
            DriveNode file = drive.writeFile(folder, name, bytes, x.conflictBehavior(null, "replace"),
                    x.header("If-Match"), null, false);
            x.sendJson(created || file != existing ? 201 : 200, GraphJson.item(drive, file));
            return;
        }
        x.requireMethod("GET");
        DriveNode file = drive.get(base, relative);
        if (file.folder) {
            throw GraphError.invalid("Folders have no content");
        }
        GraphDrive.checkIfMatch(file, x.header("If-Match"));
        String ifNoneMatch = x.header("If-None-Match");
        if (ifNoneMatch != null && (ifNoneMatch.equals(file.eTag()) || ifNoneMatch.equals(file.cTag()))) {
            x.sendEmpty(304);
            return;
        }
        x.sendContent(file);
    }

    private void createUploadSession(GraphExchange x, DriveNode base, String relative) {
        x.requireMethod("POST");
        JsonNode body = x.jsonBody();
        JsonNode item = body.path("item");
        String behavior = x.conflictBehavior(item.isObject() ? item : null, "replace");
        DriveNode existing = drive.find(base, relative);
        DriveNode folder = relative.isEmpty() ? base.parent : drive.parentFolderOf(base, relative);
        String name = relative.isEmpty() ? base.name : GraphDrive.lastSegment(relative);
        GraphDrive.checkName(name);
        if (existing != null && (behavior.equals("fail") || existing.folder)) {
            throw GraphError.nameExists(name);
        }
        if (existing != null) {
            GraphDrive.checkIfMatch(existing, x.header("If-Match"));
        }
        boolean setDescription = item.has("description");
        UploadSession s = drive.newSession(folder, name, behavior,
                setDescription ? item.get("description").asString(null) : null, setDescription);
        ObjectNode answer = GraphJson.sessionStatus(0);
        answer.put("uploadUrl", x.origin(endpoint) + UPLOADS + s.id);
        x.sendJson(200, answer);
    }

    /** The pre-authenticated upload URL: GET its status, PUT a byte range, DELETE to cancel. */
    private void upload(GraphExchange x, String sessionId) {
        UploadSession s = drive.sessions.get(sessionId);
        if (s == null) {
            throw new GraphError(404, "itemNotFound", "The upload session was not found or has expired");
        }
        switch (x.method) {
            case "GET" -> x.sendJson(200, GraphJson.sessionStatus(s.received));
            case "DELETE" -> {
                drive.sessions.remove(sessionId);
                x.sendEmpty(204);
            }
            case "PUT" -> putRange(x, s);
            default -> throw new GraphError(405, "BadRequest", "Method not allowed");
        }
    }

    private void putRange(GraphExchange x, UploadSession s) {
        String range = x.header("Content-Range");
        byte[] bytes = x.body();
        var m = range == null ? null : java.util.regex.Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+)").matcher(range);
        if (m == null || !m.matches()) {
            throw GraphError.invalid("Content-Range must be 'bytes first-last/total', was " + range);
        }
        long first = Long.parseLong(m.group(1));
        long last = Long.parseLong(m.group(2));
        long total = Long.parseLong(m.group(3));
        if (last < first || last >= total || bytes.length != last - first + 1 || total > Integer.MAX_VALUE) {
            throw GraphError.invalid("The Content-Range " + range + " does not match " + bytes.length + " bytes");
        }
        if (s.data == null) {
            s.data = new byte[(int) total];
        } else if (s.data.length != total) {
            throw GraphError.invalid("The total size changed within the session");
        }
        if (first != s.received) {
            throw new GraphError(416, "invalidRange", "The uploaded fragment overlaps or skips bytes; expected "
                    + s.received + "-");
        }
        System.arraycopy(bytes, 0, s.data, (int) first, bytes.length);
        s.received = last + 1;
        if (s.received < total) {
            x.sendJson(202, GraphJson.sessionStatus(s.received));
            return;
        }
        drive.sessions.remove(s.id);
        DriveNode existing = s.folder.children.get(s.name);
        DriveNode file = drive.writeFile(s.folder, s.name, s.data, s.behavior, null, s.description, s.setDescription);
        x.sendJson(existing == null || file != existing ? 201 : 200, GraphJson.item(drive, file));
    }

    private void log(String line) {
        synchronized (requestLog) {
            if (requestLog.size() == LOGGED_REQUESTS) {
                requestLog.removeFirst();
            }
            requestLog.addLast(line);
        }
    }

    /** Reads the whole stream, for bodies. */
    static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Query parameters, decoded. */
    static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(k, v);
        }
        return out;
    }
}
