package io.unistore.testsupport.keyvault;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stand-in for the keys of an Azure Key Vault (no emulator exists), for what the Key Vault SDKs use to wrap and
 * unwrap keys: HTTPS on 127.0.0.1 (the SDKs refuse plain HTTP for bearer tokens) with a throwaway certificate
 * ({@link #tls()}), the challenge-based bearer authentication of the service (a request without a valid token gets
 * 401 with {@code WWW-Authenticate: Bearer authorization="...", resource="https://vault.azure.net"}), and
 * create, get (latest or a version), list versions, rotate, wrapKey and unwrapKey.
 *
 * <p>Key ids name the vault as clients see it, {@link #vaultUrl()} ({@code https://unistore-test.vault.azure.net},
 * never contacted): the SDKs check that the challenge's resource matches the vault's domain, so clients are built
 * on that URL and a per-retry pipeline policy sends each request, already authorized, to {@link #port()} (Java:
 * {@code LoopbackRedirectPolicy.to(host, "https", port)}; Node: a per-retry policy).
 *
 * <p>Tokens: {@link #accessToken()} mints one for a static credential; the token endpoint
 * {@code POST /{tenant}/oauth2/v2.0/token} issues one for the client-credentials grant of
 * {@link #clientId()}/{@link #clientSecret()}. A bearer token not issued here is 401.
 */
public final class KeyVaultStandIn implements AutoCloseable {
    /** The vault's name: its URL is {@code https://unistore-test.vault.azure.net}. */
    public static final String VAULT = "unistore-test";
    public static final String TENANT = "00000000-0000-0000-0000-0000000000aa";
    private static final Logger LOG = LoggerFactory.getLogger(KeyVaultStandIn.class);
    private static KeyVaultStandIn shared;

    private final LoopbackTls tls;
    private final HttpsServer server;
    private final ExecutorService executor;
    private final String vaultUrl = "https://" + VAULT + ".vault.azure.net";
    private final Map<String, List<KeyVersion>> keys = new ConcurrentHashMap<>();
    private final Set<String> issued = ConcurrentHashMap.newKeySet();
    private final String clientId = UUID.randomUUID().toString();
    private final String clientSecret = "kv-secret-" + UUID.randomUUID();
    private final List<String> requests = new ArrayList<>();

    private KeyVaultStandIn() throws IOException {
        this.tls = LoopbackTls.create();
        this.server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setHttpsConfigurator(new HttpsConfigurator(tls.serverContext()));
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "keyvault-stand-in-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        LOG.info("Key Vault stand-in for {} listening on https://127.0.0.1:{}", vaultUrl, port());
    }

    /** Starts a stand-in with no keys (about a second, most of it making the TLS certificate). */
    public static KeyVaultStandIn start() {
        try {
            return new KeyVaultStandIn();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Key Vault stand-in", e);
        }
    }

    /**
     * One stand-in per JVM for every test class that needs it (the certificate costs a keytool run), stopped with
     * the JVM. Test classes sharing it use key names of their own.
     */
    public static synchronized KeyVaultStandIn shared() {
        if (shared == null) {
            shared = start();
            // Its threads are daemons: the JVM exits without it; closing only releases the port early.
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "keyvault-stand-in-stop"));
        }
        return shared;
    }

    /** {@code https://unistore-test.vault.azure.net}: the vault URL clients are built on (never contacted). */
    public String vaultUrl() {
        return vaultUrl;
    }

    /** The host of {@link #vaultUrl()}, which a redirect policy sends to {@link #port()}. */
    public String vaultHost() {
        return VAULT + ".vault.azure.net";
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The TLS identity clients must trust. */
    public LoopbackTls tls() {
        return tls;
    }

    /** A fresh bearer token this stand-in accepts (for a static token credential). */
    public String accessToken() {
        String token = "kv-token-" + UUID.randomUUID();
        issued.add(token);
        return token;
    }

    /** The client id the token endpoint accepts with {@link #clientSecret()}. */
    public String clientId() {
        return clientId;
    }

    public String clientSecret() {
        return clientSecret;
    }

    /** Creates a key directly (as a test fixture), returning its versioned id. */
    public String createKey(String name, String kty, int size) {
        KeyVersion v = new KeyVersion(name, newVersion(), kty, size, defaultOps(kty), Map.of());
        keys.compute(name, (k, list) -> append(list, v));
        return v.kid(vaultUrl);
    }

    /** Rotates a key directly (as a test fixture), returning the new version's id. */
    public String rotateKey(String name) {
        return rotate(name).kid(vaultUrl);
    }

    /** Request lines received ({@code METHOD path}), oldest first. */
    public synchronized List<String> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange ex) {
        try (ex) {
            String path = ex.getRequestURI().getRawPath();
            synchronized (this) {
                requests.add(ex.getRequestMethod() + " " + path);
            }
            try {
                if (path.endsWith("/oauth2/v2.0/token")) {
                    token(ex);
                    return;
                }
                authorize(ex);
                route(ex, path);
            } catch (VaultError e) {
                ObjectNode body = Json.MAPPER.createObjectNode();
                ObjectNode err = body.putObject("error");
                err.put("code", e.code);
                err.put("message", e.getMessage());
                send(ex, e.status, body);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Key Vault stand-in failed on {} {}", ex.getRequestMethod(), ex.getRequestURI(), e);
        }
    }

    private void authorize(HttpExchange ex) {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        if (auth != null && auth.startsWith("Bearer ") && issued.contains(auth.substring(7).trim())) {
            return;
        }
        // The challenge the service sends: where to get a token and for which resource.
        ex.getResponseHeaders().set("WWW-Authenticate", "Bearer authorization=\"https://login.microsoftonline.com/"
                + TENANT + "\", resource=\"https://vault.azure.net\"");
        throw new VaultError(401, "Unauthorized", auth == null ? "AKV10000: Request is missing a Bearer or PoP token."
                : "AKV10022: Invalid audience or token.");
    }

    private void route(HttpExchange ex, String path) throws IOException {
        if (query(ex.getRequestURI(), "api-version") == null) {
            throw VaultError.badParameter("The api-version query parameter is missing.");
        }
        String[] p = path.split("/", -1);
        // "", "keys", name, [version|create|rotate|versions], [wrapkey|unwrapkey]
        if (p.length < 3 || !p[1].equals("keys") || p[2].isEmpty()) {
            throw new VaultError(404, "NotFound", "The requested resource " + path + " was not found.");
        }
        String name = URLDecoder.decode(p[2], StandardCharsets.UTF_8);
        String method = ex.getRequestMethod();
        String second = p.length > 3 ? p[3] : "";
        String third = p.length > 4 ? p[4] : "";
        if (method.equals("POST") && second.equals("create") && p.length == 4) {
            send(ex, 200, create(name, body(ex)).bundle(vaultUrl));
        } else if (method.equals("POST") && second.equals("rotate") && p.length == 4) {
            send(ex, 200, rotate(name).bundle(vaultUrl));
        } else if (method.equals("GET") && second.equals("versions") && p.length == 4) {
            ObjectNode page = Json.MAPPER.createObjectNode();
            var values = page.putArray("value");
            versions(name).forEach(v -> values.add(v.item(vaultUrl)));
            page.putNull("nextLink");
            send(ex, 200, page);
        } else if (method.equals("GET") && p.length <= 4) {
            send(ex, 200, find(name, second).bundle(vaultUrl));
        } else if (method.equals("POST") && p.length == 5 && (third.equals("wrapkey") || third.equals("unwrapkey"))) {
            KeyVersion v = find(name, second);
            JsonNode in = body(ex);
            String alg = in.path("alg").asString("");
            byte[] value = base64Url(in.path("value").asString(""));
            byte[] out = third.equals("wrapkey") ? v.wrap(alg, value) : v.unwrap(alg, value);
            ObjectNode answer = Json.MAPPER.createObjectNode();
            answer.put("kid", v.kid(vaultUrl));
            answer.put("value", KeyVersion.b64(out));
            send(ex, 200, answer);
        } else {
            throw new VaultError(405, "MethodNotAllowed", method + " is not allowed on " + path + ".");
        }
    }

    private KeyVersion create(String name, JsonNode in) {
        if (!name.matches("[0-9a-zA-Z-]{1,127}")) {
            throw VaultError.badParameter("The request URI contains an invalid name: " + name);
        }
        String kty = in.path("kty").asString("");
        int size;
        switch (kty) {
            case "RSA", "RSA-HSM" -> {
                size = in.path("key_size").asInt(2048);
                if (size != 2048 && size != 3072 && size != 4096) {
                    throw VaultError.badParameter("Invalid key size " + size + " for key type " + kty + ".");
                }
            }
            case "oct-HSM", "oct" -> {
                size = in.path("key_size").asInt(256);
                if (size != 128 && size != 192 && size != 256) {
                    throw VaultError.badParameter("Invalid key size " + size + " for key type " + kty + ".");
                }
            }
            default -> throw VaultError.badParameter("Key type '" + kty + "' is not supported by this stand-in "
                    + "(RSA, RSA-HSM, oct-HSM).");
        }
        List<String> ops = new ArrayList<>();
        in.path("key_ops").forEach(o -> ops.add(o.asString()));
        Map<String, String> tags = new java.util.TreeMap<>();
        in.path("tags").properties().forEach(e -> tags.put(e.getKey(), e.getValue().asString()));
        KeyVersion v = new KeyVersion(name, newVersion(), kty, size, ops.isEmpty() ? defaultOps(kty) : ops, tags);
        keys.compute(name, (k, list) -> append(list, v));
        return v;
    }

    private KeyVersion rotate(String name) {
        KeyVersion[] made = new KeyVersion[1];
        keys.compute(name, (k, list) -> {
            if (list == null) {
                throw VaultError.keyNotFound(name);
            }
            made[0] = list.get(list.size() - 1).next(newVersion());
            return append(list, made[0]);
        });
        return made[0];
    }

    private List<KeyVersion> versions(String name) {
        List<KeyVersion> list = keys.get(name);
        if (list == null) {
            throw VaultError.keyNotFound(name);
        }
        return list;
    }

    private KeyVersion find(String name, String version) {
        List<KeyVersion> list = versions(name);
        if (version.isEmpty()) {
            return list.get(list.size() - 1);
        }
        return list.stream().filter(v -> v.version.equals(version)).findFirst()
                .orElseThrow(() -> VaultError.keyNotFound(name + "/" + version));
    }

    private void token(HttpExchange ex) throws IOException {
        String form = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> fields = new java.util.HashMap<>();
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        ObjectNode answer = Json.MAPPER.createObjectNode();
        if (!"client_credentials".equals(fields.get("grant_type")) || !clientId.equals(fields.get("client_id"))
                || !clientSecret.equals(fields.get("client_secret"))) {
            answer.put("error", "invalid_client");
            answer.put("error_description", "AADSTS7000215: Invalid client secret provided.");
            send(ex, 401, answer);
            return;
        }
        answer.put("token_type", "Bearer");
        answer.put("expires_in", 3599);
        answer.put("ext_expires_in", 3599);
        answer.put("access_token", accessToken());
        send(ex, 200, answer);
    }

    private static JsonNode body(HttpExchange ex) throws IOException {
        byte[] bytes = ex.getRequestBody().readAllBytes();
        try {
            JsonNode n = bytes.length == 0 ? null : Json.MAPPER.readTree(bytes);
            if (n == null || !n.isObject()) {
                throw VaultError.badParameter("The request body must be a JSON object.");
            }
            return n;
        } catch (JacksonException e) {
            throw VaultError.badParameter("The request body is not valid JSON.");
        }
    }

    private static byte[] base64Url(String value) {
        try {
            return Base64.getUrlDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw VaultError.badParameter("Property 'value' is not base64url.");
        }
    }

    private static void send(HttpExchange ex, int status, JsonNode body) throws IOException {
        byte[] bytes = Json.MAPPER.writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.getResponseHeaders().set("x-ms-request-id", UUID.randomUUID().toString());
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
    }

    private static String query(URI uri, String name) {
        String q = uri.getRawQuery();
        if (q == null) {
            return null;
        }
        // Names arrive percent-encoded too (the Node SDK sends "api%2Dversion").
        for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && eq < pair.length() - 1
                    && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static List<KeyVersion> append(List<KeyVersion> list, KeyVersion v) {
        List<KeyVersion> out = list == null ? new ArrayList<>() : new ArrayList<>(list);
        out.add(v);
        return List.copyOf(out);
    }

    private static List<String> defaultOps(String kty) {
        return kty.startsWith("RSA") ? List.of("encrypt", "decrypt", "sign", "verify", "wrapKey", "unwrapKey")
                : List.of("wrapKey", "unwrapKey");
    }

    private static String newVersion() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
