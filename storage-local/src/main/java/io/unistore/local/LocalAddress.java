package io.unistore.local;

import io.unistore.StorageException;
import io.unistore.queue.QueueMessageEncoding;
import io.unistore.spi.ProviderConfig;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the addresses the local provider accepts: {@code file:/dir}, {@code file:///dir},
 * {@code file://localhost/dir}, or a plain directory path, each with optional query options
 * ({@code file:/dir?versioning=false&durability=sync&queueMessageEncoding=base64}).
 */
final class LocalAddress {
    static final String VERSIONING = "versioning";
    static final String DURABILITY = "durability";
    private static final Set<String> OPTIONS = Set.of(VERSIONING, DURABILITY, QueueMessageEncoding.OPTION);
    private static final Logger LOG = LoggerFactory.getLogger(LocalAddress.class);

    private LocalAddress() {
    }

    /**
     * Whether the address is ours; no I/O. A plain path must look like one: text with '=', ';' or '?', or that
     * starts with a scheme ({@code https//...}, {@code s3:/...}), is some other provider's address with a typo (a
     * connection string with commas, a SAS URL missing its colon), which must not become a directory named after
     * the secret in it. Such a directory is still reachable as {@code file:...}.
     */
    static boolean accepts(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        String a = address.trim();
        if (a.regionMatches(true, 0, "file:", 0, 5)) {
            return true;
        }
        return !LOOKS_FOREIGN.matcher(a).find();
    }

    /** What a plain directory path does not hold: a scheme (two letters or more, so not C:), =, ; or ?. */
    private static final java.util.regex.Pattern LOOKS_FOREIGN = java.util.regex.Pattern.compile(
            "^[A-Za-z][A-Za-z0-9+.-]+:|^[A-Za-z][A-Za-z0-9+.-]+//|[=;?]");

    /** The settings for an address and the provider options. */
    static LocalSettings parse(ProviderConfig config) {
        String a = config.address().trim();
        String query = null;
        String path = a;
        if (a.regionMatches(true, 0, "file:", 0, 5)) {
            path = a.substring(5);
            int q = path.indexOf('?');
            if (q >= 0) {
                query = path.substring(q + 1);
                path = path.substring(0, q);
            }
            path = decode(fileUriPath(path));
        }
        if (path.isEmpty()) {
            throw StorageException.invalidArgument("address", "names no directory (e.g. file:/var/data/unistore)");
        }
        Map<String, String> options = merge(queryOptions(query), config.options());
        Path root;
        try {
            root = Path.of(path).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw StorageException.invalidArgument("address", "is not a valid directory path: " + e.getReason());
        }
        boolean versioning = booleanOption(options, VERSIONING, true);
        String durability = options.get(DURABILITY);
        String encoding = options.get(QueueMessageEncoding.OPTION);
        return new LocalSettings(root, versioning, durability == null ? Durability.PROCESS
                : Durability.parse(durability), encoding == null ? QueueMessageEncoding.NONE
                : QueueMessageEncoding.parse(QueueMessageEncoding.OPTION, encoding));
    }

    private static String fileUriPath(String rest) {
        if (!rest.startsWith("//")) {
            return rest;
        }
        int slash = rest.indexOf('/', 2);
        String host = slash < 0 ? rest.substring(2) : rest.substring(2, slash);
        if (!host.isEmpty() && !host.equalsIgnoreCase("localhost")) {
            throw StorageException.invalidArgument("address", "file: URIs must name a local directory, not host '"
                    + host + "'");
        }
        return slash < 0 ? "" : rest.substring(slash);
    }

    private static Map<String, String> queryOptions(String query) {
        Map<String, String> options = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return options;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (!OPTIONS.contains(name)) {
                throw StorageException.invalidArgument("address", "unknown option '" + name + "' (the local "
                        + "provider knows " + VERSIONING + ", " + DURABILITY + " and " + QueueMessageEncoding.OPTION
                        + ")");
            }
            options.put(name, value);
        }
        return options;
    }

    private static Map<String, String> merge(Map<String, String> fromQuery, Map<String, String> fromConfig) {
        Map<String, String> merged = new LinkedHashMap<>(fromQuery);
        fromConfig.forEach((name, value) -> {
            if (!OPTIONS.contains(name)) {
                LOG.debug("Option '{}' is not one of the local provider's and is ignored", name);
                return;
            }
            String other = merged.put(name, value);
            if (other != null && !other.equalsIgnoreCase(value)) {
                throw StorageException.invalidArgument(name, "is '" + other + "' in the address but '" + value
                        + "' in the options; give it once");
            }
        });
        return merged;
    }

    private static boolean booleanOption(Map<String, String> options, String name, boolean defaultValue) {
        String v = options.get(name);
        if (v == null) {
            return defaultValue;
        }
        return new ProviderConfig("", Map.of(name, v)).booleanOption(name, defaultValue);
    }

    /** Percent-decoding as in URIs ('+' stays a plus: it is a legal path character). */
    private static String decode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        ByteArrayOutputStream escaped = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '%') {
                flush(escaped, sb);
                sb.append(c);
                continue;
            }
            int hi = i + 2 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
            int lo = i + 2 < s.length() ? Character.digit(s.charAt(i + 2), 16) : -1;
            if (hi < 0 || lo < 0) {
                throw StorageException.invalidArgument("address", "has a malformed %-escape at position " + i);
            }
            escaped.write(hi * 16 + lo);
            i += 2;
        }
        flush(escaped, sb);
        return sb.toString();
    }

    private static void flush(ByteArrayOutputStream escaped, StringBuilder sb) {
        if (escaped.size() > 0) {
            sb.append(escaped.toString(StandardCharsets.UTF_8));
            escaped.reset();
        }
    }
}
