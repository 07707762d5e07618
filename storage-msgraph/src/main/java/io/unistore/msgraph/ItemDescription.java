package io.unistore.msgraph;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a drive item keeps what Graph has no field for: user metadata and a declared content type, as a JSON
 * object in the item's {@code description} ({@code {"unistore.contentType":"…","owner":"ada"}}). Graph has no
 * user metadata on drive items and sets {@code file.mimeType} itself from the name. A description that is not
 * such an object (text someone typed) reads as no metadata, and is replaced only when metadata is written.
 *
 * @param contentType the declared content type, or null
 * @param metadata the user metadata
 */
record ItemDescription(String contentType, Map<String, String> metadata) {
    static final String CONTENT_TYPE_KEY = "unistore.contentType";
    static final ItemDescription NONE = new ItemDescription(null, Map.of());

    ItemDescription {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    static ItemDescription parse(String description) {
        Map<String, String> values = JsonFields.read(description);
        if (values == null) {
            return NONE;
        }
        Map<String, String> metadata = new LinkedHashMap<>(values);
        String contentType = metadata.remove(CONTENT_TYPE_KEY);
        return new ItemDescription(contentType, metadata);
    }

    /** The description to store, or null when there is nothing to keep. */
    String encode() {
        if (contentType == null && metadata.isEmpty()) {
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        if (contentType != null) {
            values.put(CONTENT_TYPE_KEY, contentType);
        }
        values.putAll(new TreeMap<>(metadata));
        return JsonFields.write(values);
    }
}
