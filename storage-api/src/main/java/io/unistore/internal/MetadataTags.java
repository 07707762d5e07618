package io.unistore.internal;

import io.unistore.NamingRules;
import io.unistore.RequestConditions;
import io.unistore.StorageException;
import io.unistore.blob.BlobProperties;
import io.unistore.blob.ReadOptions;
import io.unistore.spi.BlobBackend;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * Tags kept in user metadata, for providers without native tags: one entry {@value #KEY} holding the tags as a
 * form-encoded query ({@code k=v&k2=v2}). One entry, because metadata keys are case-insensitive or restricted to
 * identifiers on some services while tag keys are case-sensitive and may hold {@code + - . / : =}; encoded,
 * because metadata values must be ASCII header text.
 */
final class MetadataTags {
    /** The metadata key: lowercase letters only, valid on every service. */
    static final String KEY = "unistoretags";

    private MetadataTags() {
    }

    /**
     * Replaces the blob's tags by rewriting its metadata, only if the blob is unchanged since it was read (so a
     * concurrent metadata write is not lost). Other metadata stays; the ETag changes, as any metadata write.
     */
    static void write(BlobBackend backend, NamingRules names, String container, String blob,
                      Map<String, String> tags) {
        BlobProperties p = backend.getProperties(container, blob, ReadOptions.defaults());
        Map<String, String> checked = withTags(names, p.metadata(), tags);
        RequestConditions c = p.etag() == null ? RequestConditions.none() : RequestConditions.ifMatch(p.etag());
        backend.setMetadata(container, blob, checked, c);
    }

    /**
     * The metadata with its tags entry replaced by these tags (removed when there are none), checked by the
     * account's metadata rules.
     */
    static Map<String, String> withTags(NamingRules names, Map<String, String> metadata, Map<String, String> tags) {
        Map<String, String> md = new LinkedHashMap<>();
        metadata.forEach((k, v) -> {
            if (!k.equalsIgnoreCase(KEY)) {
                md.put(k, v);
            }
        });
        if (!tags.isEmpty()) {
            md.put(KEY, encode(tags));
        }
        try {
            return names.metadata(md);
        } catch (StorageException e) {
            throw StorageException.invalidArgument("tags", "this provider keeps tags in the metadata entry " + KEY
                    + ", and with them the metadata breaks its rule (" + e.getMessage() + ")");
        }
    }

    static String encode(Map<String, String> tags) {
        StringJoiner j = new StringJoiner("&");
        tags.forEach((k, v) -> j.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return j.toString();
    }

    /** The tags in a blob's metadata (empty when it has none). */
    static Map<String, String> decode(Map<String, String> metadata) {
        Map<String, String> tags = new TreeMap<>();
        String encoded = null;
        for (Map.Entry<String, String> e : metadata.entrySet()) {
            if (e.getKey().equalsIgnoreCase(KEY)) {
                encoded = e.getValue();
            }
        }
        if (encoded == null || encoded.isEmpty()) {
            return tags;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            tags.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return tags;
    }
}
