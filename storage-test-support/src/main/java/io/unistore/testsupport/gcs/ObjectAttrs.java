package io.unistore.testsupport.gcs;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * The mutable, user-settable part of an object resource: content headers and custom metadata.
 */
record ObjectAttrs(String contentType, String contentEncoding, String cacheControl, String contentDisposition,
                   String contentLanguage, Map<String, String> metadata) {

    static final ObjectAttrs EMPTY = new ObjectAttrs(null, null, null, null, null, Map.of());

    ObjectAttrs {
        metadata = Map.copyOf(metadata);
    }

    /** The attributes an insert or rewrite body sets; absent fields stay unset. */
    static ObjectAttrs fromResource(JsonNode resource) {
        return EMPTY.patch(resource);
    }

    /**
     * Applies a PATCH document: a present field replaces the value (null clears it); {@code metadata} merges
     * key by key, a null value removing the key, and {@code "metadata": null} clearing them all.
     */
    ObjectAttrs patch(JsonNode doc) {
        if (doc == null || !doc.isObject()) {
            return this;
        }
        Map<String, String> md = new TreeMap<>(metadata);
        JsonNode m = doc.get("metadata");
        if (m != null) {
            if (m.isNull()) {
                md.clear();
            } else {
                for (Map.Entry<String, JsonNode> e : m.properties()) {
                    if (e.getValue().isNull()) {
                        md.remove(e.getKey());
                    } else {
                        md.put(e.getKey(), e.getValue().asString());
                    }
                }
            }
        }
        return new ObjectAttrs(field(doc, "contentType", contentType), field(doc, "contentEncoding", contentEncoding),
                field(doc, "cacheControl", cacheControl), field(doc, "contentDisposition", contentDisposition),
                field(doc, "contentLanguage", contentLanguage), new LinkedHashMap<>(md));
    }

    /** The attributes an update (PUT) leaves: exactly those of the document. */
    static ObjectAttrs replace(JsonNode doc) {
        return fromResource(doc);
    }

    private static String field(JsonNode doc, String name, String current) {
        JsonNode v = doc.get(name);
        if (v == null) {
            return current;
        }
        return v.isNull() ? null : v.asString();
    }
}
