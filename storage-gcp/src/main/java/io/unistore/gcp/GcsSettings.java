package io.unistore.gcp;

import io.unistore.StorageException;
import io.unistore.spi.ProviderConfig;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What a {@code gs://} address and its options say, checked once when the account opens.
 *
 * <p>Address: {@code gs://PROJECT[?option=value&...]} (the project may be left out: {@code gs://}, then
 * the {@code project} option, the key file's project or Google's default project lookup decide). Options
 * given to {@code Unistore.open} win over those in the address.
 *
 * @param project the Google Cloud project id, or null to let the credentials / environment decide
 * @param endpoint a JSON API host to use instead of Google's ({@code http://127.0.0.1:4443}), or null
 * @param credentials {@code default} (application-default credentials), {@code none} (no credentials, for
 *                    emulators and stand-ins), or the path of a service-account key file
 * @param versioning whether buckets this account creates keep object generations (and the account declares
 *                   versions)
 * @param location the location of created buckets, or null for Google's default (US)
 * @param chunkSize bytes per resumable-upload request (a multiple of 256 KiB)
 * @param singleShotLimit content up to this size is sent in one multipart request
 * @param maxAttempts attempts of a retryable call, the first included
 * @param initialRetryDelay the first back-off; it doubles up to {@code maxRetryDelay}
 * @param maxRetryDelay the longest back-off
 * @param timeout the connect and read timeout of one HTTP request
 * @param totalTimeout how long one call may take, retries and back-off included
 */
record GcsSettings(String project, String endpoint, String credentials, boolean versioning, String location,
                   int chunkSize, int singleShotLimit, int maxAttempts, Duration initialRetryDelay,
                   Duration maxRetryDelay, Duration timeout, Duration totalTimeout) {

    static final String SCHEME = "gs://";
    static final int CHUNK_GRANULARITY = 256 * 1024;
    static final int DEFAULT_CHUNK_SIZE = 16 * 1024 * 1024;
    static final int DEFAULT_SINGLE_SHOT_LIMIT = 8 * 1024 * 1024;

    static GcsSettings parse(ProviderConfig config) {
        String address = config.address().trim();
        if (!address.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            throw StorageException.invalidArgument("address", "must start with gs:// (gs://PROJECT?options)");
        }
        Map<String, String> options = new LinkedHashMap<>(queryOptions(address));
        options.putAll(config.options());
        ProviderConfig merged = new ProviderConfig(address, options);
        String project = firstNonBlank(merged.option("project"), projectOf(address));
        String endpoint = endpoint(merged.option("endpoint"));
        String credentials = firstNonBlank(merged.option("credentials"), endpoint != null ? null : "default");
        if (credentials == null) {
            throw StorageException.invalidArgument("credentials", "must be given with an endpoint: 'none' for an "
                    + "emulator, 'default' or a service-account key file for a real service");
        }
        int chunk = merged.intOption("chunkSize", DEFAULT_CHUNK_SIZE);
        if (chunk < CHUNK_GRANULARITY || chunk % CHUNK_GRANULARITY != 0) {
            throw StorageException.invalidArgument("chunkSize", "must be a positive multiple of 262144 (256 KiB), "
                    + "was " + chunk);
        }
        int singleShot = merged.intOption("singleShotLimit", DEFAULT_SINGLE_SHOT_LIMIT);
        if (singleShot < 0 || singleShot > 64 * 1024 * 1024) {
            throw StorageException.invalidArgument("singleShotLimit", "must be 0 to 64 MiB, was " + singleShot);
        }
        int attempts = merged.intOption("maxAttempts", 6);
        if (attempts < 1) {
            throw StorageException.invalidArgument("maxAttempts", "must be at least 1, was " + attempts);
        }
        Duration timeout = millis(merged, "timeoutMillis", 60_000);
        Duration maxDelay = millis(merged, "maxRetryDelayMillis", 32_000);
        // By default every attempt may use its whole timeout and the longest back-off.
        Duration total = merged.option("totalTimeoutMillis") == null
                ? timeout.plus(maxDelay).multipliedBy(attempts) : millis(merged, "totalTimeoutMillis", 0);
        if (total.isZero()) {
            throw StorageException.invalidArgument("totalTimeoutMillis", "must be positive");
        }
        return new GcsSettings(project, endpoint, credentials, merged.booleanOption("versioning", false),
                blankToNull(merged.option("location")), chunk, singleShot, attempts,
                millis(merged, "retryDelayMillis", 1000), maxDelay, timeout, total);
    }

    /** Whether the address names this provider: {@code gs://...}. */
    static boolean accepts(String address) {
        return address != null && address.trim().regionMatches(true, 0, SCHEME, 0, SCHEME.length());
    }

    boolean anonymous() {
        return credentials.equalsIgnoreCase("none");
    }

    boolean applicationDefault() {
        return credentials.equalsIgnoreCase("default");
    }

    private static String projectOf(String address) {
        String rest = address.substring(SCHEME.length());
        int end = rest.indexOf('?');
        String project = end < 0 ? rest : rest.substring(0, end);
        if (project.endsWith("/")) {
            project = project.substring(0, project.length() - 1);
        }
        if (project.contains("/")) {
            throw StorageException.invalidArgument("address", "gs:// names a project (gs://PROJECT), not a path; "
                    + "name buckets and objects in the calls");
        }
        return blankToNull(project);
    }

    private static Map<String, String> queryOptions(String address) {
        Map<String, String> out = new LinkedHashMap<>();
        int q = address.indexOf('?');
        if (q < 0) {
            return out;
        }
        for (String pair : address.substring(q + 1).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "true" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(key, value);
        }
        return out;
    }

    private static String endpoint(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        URI uri;
        try {
            uri = URI.create(v);
        } catch (IllegalArgumentException e) {
            throw StorageException.invalidArgument("endpoint", "must be an http(s) URL such as http://127.0.0.1:4443");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getRawQuery() != null
                || uri.getUserInfo() != null) {
            throw StorageException.invalidArgument("endpoint", "must be an http(s) URL with a host and no user or "
                    + "query, such as http://127.0.0.1:4443");
        }
        return v.endsWith("/") ? v.substring(0, v.length() - 1) : v;
    }

    private static Duration millis(ProviderConfig config, String name, int defaultValue) {
        int v = config.intOption(name, defaultValue);
        if (v < 0) {
            throw StorageException.invalidArgument(name, "must not be negative, was " + v);
        }
        return Duration.ofMillis(v);
    }

    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a.trim() : b;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
