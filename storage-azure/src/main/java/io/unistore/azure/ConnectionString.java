package io.unistore.azure;

import io.unistore.StorageException;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * An Azure Storage connection string: {@code Key=Value;Key=Value}, keys case-insensitive. Values may contain
 * '=' (keys and SAS tokens do). {@link #toString()} shows the keys only.
 */
final class ConnectionString {
    /** Keys that mark text as a storage connection string (and not a URL or a path). */
    private static final Pattern LOOKS_LIKE = Pattern.compile("(?i)(^|;)\\s*(DefaultEndpointsProtocol|AccountName"
            + "|AccountKey|BlobEndpoint|QueueEndpoint|TableEndpoint|FileEndpoint|SharedAccessSignature"
            + "|UseDevelopmentStorage|EndpointSuffix)\\s*=");

    private final Map<String, String> values;

    private ConnectionString(Map<String, String> values) {
        this.values = values;
    }

    /** Whether the text has the shape of a storage connection string. No I/O, no validation. */
    static boolean looksLike(String text) {
        return text != null && LOOKS_LIKE.matcher(text).find();
    }

    /**
     * Parses the text.
     *
     * @throws StorageException INVALID_ARGUMENT for a segment without '=' (the segment is not shown: it may be a key)
     */
    static ConnectionString parse(String text) {
        Map<String, String> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        int index = 0;
        for (String part : text.split(";")) {
            index++;
            String segment = part.trim();
            if (segment.isEmpty()) {
                continue;
            }
            int eq = segment.indexOf('=');
            if (eq <= 0) {
                throw StorageException.invalidArgument("address", "connection string segment " + index
                        + " is not Key=Value");
            }
            values.put(segment.substring(0, eq).trim(), segment.substring(eq + 1).trim());
        }
        return new ConnectionString(values);
    }

    /** The value of a key, or null. */
    String get(String key) {
        String v = values.get(key);
        return v == null || v.isEmpty() ? null : v;
    }

    /** Whether {@code UseDevelopmentStorage=true}. */
    boolean useDevelopmentStorage() {
        String v = get("UseDevelopmentStorage");
        return v != null && v.toLowerCase(Locale.ROOT).equals("true");
    }

    @Override
    public String toString() {
        return "ConnectionString" + values.keySet();
    }
}
