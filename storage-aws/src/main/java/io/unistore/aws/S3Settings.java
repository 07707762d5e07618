package io.unistore.aws;

import io.unistore.StorageException;
import io.unistore.spi.ProviderConfig;
import java.net.URI;
import java.net.URLDecoder;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What an {@code s3://} address and its options say: where the S3 endpoint is, how to authenticate, and how to
 * transfer. Options may be given in the address's query string or as provider options (which win). Secrets
 * are held here but never shown: {@link #toString()} and {@link #describe()} leave them out.
 */
record S3Settings(String region, URI endpoint, boolean pathStyle, Credentials credentials, boolean versioning,
                  boolean tiers, String archiveClass, long partSize, int concurrency, int maxAttempts, int maxConnections,
                  boolean expectContinue, Duration retryBaseDelay, Duration maxRetryDelay, Duration apiCallTimeout,
                  Duration apiCallAttemptTimeout,
                  long multipartCopyThreshold, int restoreDays, String restoreTier, boolean tags,
                  boolean lifecycle) {

    /** S3's smallest part (all but the last part of a multipart upload). */
    static final long MIN_PART_SIZE = 5L * 1024 * 1024;
    /** S3's largest part, and the largest single-request copy. */
    static final long MAX_PART_SIZE = 5L * 1024 * 1024 * 1024;
    /** The largest upload part this provider buffers (a Java array, and memory is partSize x concurrency). */
    static final long MAX_BUFFERED_PART = 1L << 30;
    /** S3's most parts in one multipart upload. */
    static final int MAX_PARTS = 10_000;
    /** Measured against S3Proxy on 2 cores (see README): 8 MiB parts, 4 in flight. */
    static final long DEFAULT_PART_SIZE = 8L * 1024 * 1024;
    static final int DEFAULT_CONCURRENCY = 4;

    static final Set<String> OPTIONS = Set.of("region", "endpoint", "pathStyle", "profile", "accessKeyId",
            "secretAccessKey", "sessionToken", "anonymous", "versioning", "tiers", "archiveClass", "partSize", "concurrency",
            "maxAttempts", "maxConnections", "expectContinue", "multipartCopyThreshold", "restoreDays", "restoreTier",
            "retryBaseDelayMs", "maxRetryDelayMs", "apiCallTimeoutMs", "apiCallAttemptTimeoutMs", "services",
            "dynamodbEndpoint", "sqsEndpoint", "transactions", "tags", "lifecycle");

    /** How requests are signed. */
    sealed interface Credentials {
        /** The SDK's default chain: environment, system properties, web identity, profile, container, instance. */
        record DefaultChain() implements Credentials {
        }

        /** A named profile of ~/.aws/config and ~/.aws/credentials. */
        record Profile(String name) implements Credentials {
        }

        /** Keys given as options; {@code toString} hides them. */
        record Static(String accessKeyId, String secretAccessKey, String sessionToken) implements Credentials {
            @Override
            public String toString() {
                return "Static[***]";
            }
        }

        /** Unsigned requests, for public buckets. */
        record Anonymous() implements Credentials {
        }
    }

    /**
     * Reads an address and options.
     *
     * @param regionFallback the region when none is given: from the environment or profile, or null
     * @throws StorageException INVALID_ARGUMENT naming the option and the rule
     */
    static S3Settings parse(ProviderConfig config, java.util.function.Supplier<String> regionFallback) {
        Map<String, String> o = new LinkedHashMap<>(queryOptions(config.address()));
        o.putAll(config.options());
        Set<String> unknown = new TreeSet<>(o.keySet());
        unknown.removeAll(OPTIONS);
        if (!unknown.isEmpty()) {
            throw StorageException.invalidArgument("options", "unknown option(s) " + unknown + " for s3:// and aws://; known: "
                    + new TreeSet<>(OPTIONS));
        }
        ProviderConfig c = new ProviderConfig(config.address(), o);
        URI endpoint = endpoint("endpoint", c.option("endpoint"));
        String region = c.option("region");
        if (region == null || region.isBlank()) {
            region = regionFallback.get();
        }
        if (region == null || region.isBlank()) {
            if (endpoint == null) {
                throw StorageException.invalidArgument("region", "is required: give the option region=<name> (e.g. "
                        + "eu-west-1), or set AWS_REGION or a region in the AWS profile");
            }
            region = "us-east-1"; // S3-compatible stores mostly ignore the region; it is only signed
        }
        if (!region.matches("[a-z0-9-]{2,40}")) {
            throw StorageException.invalidArgument("region", "must be a region name such as eu-west-1, was '"
                    + region + "'");
        }
        String archiveClass = c.option("archiveClass", "GLACIER").toUpperCase(Locale.ROOT);
        if (!archiveClass.equals("GLACIER") && !archiveClass.equals("DEEP_ARCHIVE")) {
            throw StorageException.invalidArgument("archiveClass", "must be GLACIER or DEEP_ARCHIVE, was '"
                    + archiveClass + "'");
        }
        long partSize = size(c, "partSize", DEFAULT_PART_SIZE);
        if (partSize < MIN_PART_SIZE || partSize > MAX_BUFFERED_PART) {
            throw StorageException.invalidArgument("partSize", "must be between 5 MiB (S3's smallest part) and 1 GiB, "
                    + "was " + partSize + " bytes");
        }
        long copyThreshold = size(c, "multipartCopyThreshold", MAX_PART_SIZE);
        if (copyThreshold < MIN_PART_SIZE || copyThreshold > MAX_PART_SIZE) {
            throw StorageException.invalidArgument("multipartCopyThreshold", "must be between 5 MiB and 5 GiB, was "
                    + copyThreshold + " bytes");
        }
        String restoreTier = c.option("restoreTier", "Standard");
        if (!Set.of("Standard", "Bulk", "Expedited").contains(restoreTier)) {
            throw StorageException.invalidArgument("restoreTier", "must be Standard, Bulk or Expedited, was '"
                    + restoreTier + "'");
        }
        int baseDelay = range(c, "retryBaseDelayMs", 100, 1, 60_000);
        int maxDelay = range(c, "maxRetryDelayMs", 20_000, 1, 600_000);
        if (maxDelay < baseDelay) {
            throw StorageException.invalidArgument("maxRetryDelayMs", "must be at least retryBaseDelayMs ("
                    + baseDelay + "), was " + maxDelay);
        }
        return new S3Settings(region, endpoint, c.booleanOption("pathStyle", endpoint != null), credentials(c),
                c.booleanOption("versioning", false), c.booleanOption("tiers", true), archiveClass, partSize,
                range(c, "concurrency", DEFAULT_CONCURRENCY, 1, 64), range(c, "maxAttempts", 3, 1, 20),
                range(c, "maxConnections", 64, 1, 1024), c.booleanOption("expectContinue", false),
                Duration.ofMillis(baseDelay), Duration.ofMillis(maxDelay), timeout(c, "apiCallTimeoutMs"),
                timeout(c, "apiCallAttemptTimeoutMs"), copyThreshold, range(c, "restoreDays", 1, 1, 365), restoreTier,
                c.booleanOption("tags", true), c.booleanOption("lifecycle", true));
    }

    /** A description safe to show: region and endpoint, never credentials. */
    String describe() {
        StringBuilder sb = new StringBuilder("aws S3 ").append(region);
        if (endpoint != null) {
            sb.append(" at ").append(endpoint).append(pathStyle ? " (path-style)" : "");
        }
        if (credentials instanceof Credentials.Profile p) {
            sb.append(", profile ").append(p.name());
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "S3Settings{" + describe() + ", credentials=" + credentials.getClass().getSimpleName() + "}";
    }

    private static Credentials credentials(ProviderConfig c) {
        String keyId = blankToNull(c.option("accessKeyId"));
        String secret = blankToNull(c.option("secretAccessKey"));
        String token = blankToNull(c.option("sessionToken"));
        String profile = blankToNull(c.option("profile"));
        boolean anonymous = c.booleanOption("anonymous", false);
        boolean keys = keyId != null || secret != null || token != null;
        if ((keys ? 1 : 0) + (profile != null ? 1 : 0) + (anonymous ? 1 : 0) > 1) {
            throw StorageException.invalidArgument("credentials", "give at most one of: accessKeyId/secretAccessKey, "
                    + "profile, anonymous=true");
        }
        if (keys) {
            if (keyId == null || secret == null) {
                throw StorageException.invalidArgument(keyId == null ? "accessKeyId" : "secretAccessKey",
                        "is required with " + (keyId == null ? "secretAccessKey" : "accessKeyId"));
            }
            return new Credentials.Static(keyId, secret, token);
        }
        if (profile != null) {
            return new Credentials.Profile(profile);
        }
        return anonymous ? new Credentials.Anonymous() : new Credentials.DefaultChain();
    }

    static URI endpoint(String option, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        URI uri;
        try {
            uri = URI.create(value.trim());
        } catch (IllegalArgumentException e) {
            throw StorageException.invalidArgument(option, "must be an http(s) URL such as "
                    + "https://s3.example.com:9000");
        }
        if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                || uri.getHost() == null || uri.getUserInfo() != null || uri.getQuery() != null) {
            throw StorageException.invalidArgument(option, "must be an http(s) URL with a host and no user or "
                    + "query, such as https://s3.example.com:9000");
        }
        return uri;
    }

    /** The options in an {@code s3://?a=b&c=d} or {@code aws://?a=b} address; the address names no bucket or host. */
    static Map<String, String> queryOptions(String address) {
        String a = address.trim();
        String lower = a.toLowerCase(Locale.ROOT);
        String scheme = lower.startsWith("s3://") ? "s3://" : lower.startsWith("aws://") ? "aws://" : "";
        if (scheme.isEmpty()) {
            throw StorageException.invalidArgument("address", "must start with s3:// or aws:// (e.g. s3:// or "
                    + "aws://?region=eu-west-1)");
        }
        String rest = a.substring(scheme.length());
        int q = rest.indexOf('?');
        String location = q < 0 ? rest : rest.substring(0, q);
        if (!location.isEmpty() && !location.equals("/")) {
            throw StorageException.invalidArgument("address", "an " + scheme + " address names an AWS account, not a "
                    + "bucket or host: write " + scheme + " (with ?region=...&endpoint=... if needed) and use the bucket, "
                    + "table or queue as the name");
        }
        Map<String, String> options = new LinkedHashMap<>();
        if (q < 0 || q == rest.length() - 1) {
            return options;
        }
        for (String pair : rest.substring(q + 1).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "true" : decode(pair.substring(eq + 1));
            options.put(name, value);
        }
        return options;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw StorageException.invalidArgument("address", "has a malformed %-escape in its query string");
        }
    }

    private static int range(ProviderConfig c, String name, int defaultValue, int min, int max) {
        int v = c.intOption(name, defaultValue);
        if (v < min || v > max) {
            throw StorageException.invalidArgument(name, "must be between " + min + " and " + max + ", was " + v);
        }
        return v;
    }

    /** A timeout in milliseconds, or null (none: the SDK's default) when not given or 0. */
    private static Duration timeout(ProviderConfig c, String name) {
        int v = range(c, name, 0, 0, Integer.MAX_VALUE);
        return v == 0 ? null : Duration.ofMillis(v);
    }

    /** A byte size: digits, optionally followed by KiB, MiB or GiB. */
    static long size(ProviderConfig c, String name, long defaultValue) {
        String v = c.option(name);
        if (v == null || v.isBlank()) {
            return defaultValue;
        }
        String s = v.trim().toLowerCase(Locale.ROOT);
        long unit = 1;
        for (Map.Entry<String, Long> e : Map.of("kib", 1L << 10, "mib", 1L << 20, "gib", 1L << 30).entrySet()) {
            if (s.endsWith(e.getKey())) {
                unit = e.getValue();
                s = s.substring(0, s.length() - 3).trim();
            }
        }
        try {
            return Math.multiplyExact(Long.parseLong(s), unit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw StorageException.invalidArgument(name, "must be a size in bytes, optionally with KiB, MiB or GiB "
                    + "(e.g. 16MiB), was '" + v + "'");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
