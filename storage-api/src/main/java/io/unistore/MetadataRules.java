package io.unistore;

import io.unistore.internal.Printable;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What a service accepts as user metadata (of blobs, containers, queues, shares and files), declared by each
 * provider in {@link Capabilities#metadataRules()}: the rule for keys, how the service treats their case, the
 * rule for values, and the size of the whole. A provider accepts whatever it returns, so metadata read from an
 * item can always be written back to the same provider unchanged.
 *
 * @param keys what a key must be
 * @param keyCase how the service stores and compares the case of keys
 * @param values what a value must be
 * @param maxTotalBytes the most UTF-8 bytes of all keys and values together
 */
public record MetadataRules(NameRule keys, KeyCase keyCase, NameRule values, int maxTotalBytes) {

    /** How a service treats the case of metadata keys. */
    public enum KeyCase {
        /** Keys are kept as written and compared exactly: {@code Author} and {@code author} are two keys. */
        KEPT,
        /** Keys are kept as written but compared ignoring case: one item cannot hold both {@code A} and {@code a}. */
        KEPT_IGNORING_CASE,
        /** Keys are stored in lowercase (S3 over HTTP): {@code Author} is written and read back as {@code author}. */
        LOWERCASED
    }

    /** What every provider accepts: identifier keys, printable ASCII values, 2 KiB (S3's limit) in all. */
    public static final MetadataRules PORTABLE = new MetadataRules(NameRule.ASCII_IDENTIFIER, KeyCase.KEPT_IGNORING_CASE,
            NameRule.PRINTABLE_ASCII, 2 * 1024);

    public MetadataRules {
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(keyCase, "keyCase");
        Objects.requireNonNull(values, "values");
        if (maxTotalBytes < 1) {
            throw new IllegalArgumentException("maxTotalBytes must be positive");
        }
    }

    /**
     * Returns the metadata (an empty map for null) if it follows the rules.
     *
     * @throws StorageException INVALID_ARGUMENT naming the key and the rule it breaks
     */
    public Map<String, String> check(Map<String, String> metadata) {
        if (metadata == null) {
            return Map.of();
        }
        Map<String, String> folded = new HashMap<>();
        long total = 0;
        for (Map.Entry<String, String> e : metadata.entrySet()) {
            String k = e.getKey();
            String v = e.getValue();
            if (k == null || k.isEmpty()) {
                throw StorageException.invalidArgument("metadata", "keys must not be empty");
            }
            keys.check("metadata key", k);
            if (v == null) {
                throw StorageException.invalidArgument("metadata." + k, "value must not be null");
            }
            if (!values.allows(v)) {
                throw StorageException.invalidArgument("metadata." + k, "value '" + Printable.of(v) + "' must be "
                        + values.description());
            }
            if (keyCase != KeyCase.KEPT) {
                String other = folded.put(k.toLowerCase(Locale.ROOT), k);
                if (other != null) {
                    throw StorageException.invalidArgument("metadata", "keys '" + Printable.of(other) + "' and '"
                            + Printable.of(k) + "' differ only in case, which this service does not keep apart");
                }
            }
            total += k.getBytes(StandardCharsets.UTF_8).length + v.getBytes(StandardCharsets.UTF_8).length;
        }
        if (total > maxTotalBytes) {
            throw StorageException.invalidArgument("metadata", "must be at most " + maxTotalBytes + " bytes in all "
                    + "(keys and values, UTF-8), was " + total);
        }
        return metadata;
    }

    /** Whether the metadata follows the rules. */
    public boolean allows(Map<String, String> metadata) {
        try {
            check(metadata);
            return true;
        } catch (StorageException e) {
            return false;
        }
    }

    /** The key as the service stores it, and so as a read returns it. */
    public String storedKey(String key) {
        return keyCase == KeyCase.LOWERCASED ? key.toLowerCase(Locale.ROOT) : key;
    }

    /** The metadata as the service stores it, and so as a read returns it (keys lowercased where it does so). */
    public Map<String, String> stored(Map<String, String> metadata) {
        if (keyCase != KeyCase.LOWERCASED || metadata == null) {
            return metadata == null ? Map.of() : metadata;
        }
        Map<String, String> out = new LinkedHashMap<>();
        metadata.forEach((k, v) -> out.put(storedKey(k), v));
        return out;
    }
}
