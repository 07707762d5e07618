package io.unistore.msgraph;

import io.unistore.StorageException;
import io.unistore.spi.ProviderConfig;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A parsed Graph address and its options. {@code msgraph://drive/<driveId>} names a drive;
 * {@code msgraph://site/<siteId>} the default document library of a SharePoint site (resolved on first use).
 * {@link #toString()} never shows the client secret or the access token.
 *
 * @param driveId the drive, or null when a site names it
 * @param siteId the site whose default drive is meant, or null
 * @param baseUrl Graph's root, {@code https://graph.microsoft.com/v1.0} unless option {@code baseUrl} moves it
 * @param accessToken a fixed bearer token (option {@code accessToken}: tests against the stand-in), or null
 * @param tenantId the Entra ID tenant, or null
 * @param clientId the application (client) id, or null
 * @param clientSecret the application's secret, or null
 * @param chunkSize the bytes of each upload-session request (option {@code uploadChunkSize})
 * @param simpleUploadMax the largest content sent in one PUT (option {@code simpleUploadMax})
 * @param maxRetries retries of an idempotent call or upload range after a transient failure (option
 *                   {@code maxRetries}, on top of the SDK's own retries of 429/503/504)
 */
record GraphAddress(String driveId, String siteId, String baseUrl, String accessToken, String tenantId,
                    String clientId, String clientSecret, int chunkSize, int simpleUploadMax, int maxRetries) {
    static final String SCHEME = "msgraph://";
    static final String DEFAULT_BASE_URL = "https://graph.microsoft.com/v1.0";
    /** Graph wants upload-session fragments in multiples of 320 KiB. */
    static final int CHUNK_UNIT = 320 * 1024;
    /** Graph takes at most 60 MiB per fragment. */
    static final int MAX_CHUNK = 60 * 1024 * 1024;
    /** 10 MiB (32 units), the size Microsoft's upload tasks use by default. */
    static final int DEFAULT_CHUNK = 32 * CHUNK_UNIT;
    /** Microsoft documents simple uploads for content up to 250 MB; smaller content stays in one request. */
    static final int DEFAULT_SIMPLE_MAX = 4 * 1024 * 1024;
    static final int MAX_SIMPLE = 250 * 1000 * 1000;
    static final int DEFAULT_MAX_RETRIES = 5;
    static final int MAX_RETRIES = 20;

    static boolean claims(String address) {
        return address != null && address.regionMatches(true, 0, SCHEME, 0, SCHEME.length());
    }

    static GraphAddress parse(ProviderConfig config) {
        String full = config.address().trim();
        if (!claims(full)) {
            throw StorageException.invalidArgument("address", "must start with " + SCHEME);
        }
        int q = full.indexOf('?');
        String address = q < 0 ? full : full.substring(0, q);
        config = withQueryOptions(config, q < 0 ? null : full.substring(q + 1));
        String[] parts = address.substring(SCHEME.length()).replaceAll("/+$", "").split("/");
        String driveId = null;
        String siteId = null;
        if (parts.length == 2 && parts[0].equals("drive") && !parts[1].isBlank()) {
            driveId = parts[1];
        } else if ((parts.length == 2 || (parts.length == 3 && parts[2].equals("drive"))) && parts[0].equals("site")
                && !parts[1].isBlank()) {
            siteId = parts[1];
        } else {
            throw StorageException.invalidArgument("address", "must be msgraph://drive/<driveId> or "
                    + "msgraph://site/<siteId>, was '" + address + "'");
        }
        String baseUrl = config.option("baseUrl", DEFAULT_BASE_URL).replaceAll("/+$", "");
        checkBaseUrl(baseUrl);
        String tenantId = blankToNull(config.option("tenantId"));
        String clientId = blankToNull(config.option("clientId"));
        String clientSecret = blankToNull(config.option("clientSecret"));
        if (clientSecret != null && (tenantId == null || clientId == null)) {
            throw StorageException.invalidArgument("clientSecret", "needs the options tenantId and clientId too");
        }
        int chunk = config.intOption("uploadChunkSize", DEFAULT_CHUNK);
        if (chunk < CHUNK_UNIT || chunk > MAX_CHUNK || chunk % CHUNK_UNIT != 0) {
            throw StorageException.invalidArgument("uploadChunkSize", "must be a multiple of 327680 (320 KiB) up to "
                    + MAX_CHUNK + " bytes, was " + chunk);
        }
        int simpleMax = config.intOption("simpleUploadMax", DEFAULT_SIMPLE_MAX);
        if (simpleMax < 0 || simpleMax > MAX_SIMPLE) {
            throw StorageException.invalidArgument("simpleUploadMax", "must be between 0 and " + MAX_SIMPLE
                    + " bytes, was " + simpleMax);
        }
        int maxRetries = config.intOption("maxRetries", DEFAULT_MAX_RETRIES);
        if (maxRetries < 0 || maxRetries > MAX_RETRIES) {
            throw StorageException.invalidArgument("maxRetries", "must be between 0 and " + MAX_RETRIES + ", was "
                    + maxRetries);
        }
        return new GraphAddress(driveId, siteId, baseUrl, blankToNull(config.option("accessToken")), tenantId,
                clientId, clientSecret, chunk, simpleMax, maxRetries);
    }

    /**
     * Options may also come in the address's query ({@code msgraph://drive/ID?baseUrl=...}); explicit options
     * win. Secrets only as options: an address is shown in logs and listings.
     */
    private static ProviderConfig withQueryOptions(ProviderConfig config, String query) {
        if (query == null || query.isEmpty()) {
            return config;
        }
        Map<String, String> options = new HashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            if (key.equals("clientSecret") || key.equals("accessToken")) {
                throw StorageException.invalidArgument(key, "must be given as an option, not in the address");
            }
            options.put(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        options.putAll(config.options());
        return new ProviderConfig(config.address(), options);
    }

    /** https anywhere; plain http only to this machine, so a token never crosses a network in clear. */
    private static void checkBaseUrl(String baseUrl) {
        URI uri;
        try {
            uri = URI.create(baseUrl);
        } catch (IllegalArgumentException e) {
            throw StorageException.invalidArgument("baseUrl", "must be a URL, was '" + baseUrl + "'");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost();
        boolean loopback = host.equals("127.0.0.1") || host.equals("localhost") || host.equals("[::1]");
        if (!scheme.equals("https") && !(scheme.equals("http") && loopback)) {
            throw StorageException.invalidArgument("baseUrl", "must be an https URL (http only on 127.0.0.1 or "
                    + "localhost), was '" + baseUrl + "'");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** What the account shows as its name: the drive or site, never a credential. */
    String describe() {
        return driveId != null ? SCHEME + "drive/" + driveId : SCHEME + "site/" + siteId;
    }

    @Override
    public String toString() {
        return "GraphAddress{" + describe() + ", baseUrl=" + baseUrl + ", credential=" + credentialKind() + "}";
    }

    String credentialKind() {
        if (accessToken != null) {
            return "access token";
        }
        return clientSecret != null ? "client secret" : "DefaultAzureCredential";
    }
}
