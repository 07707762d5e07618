package io.unistore.aws;

import io.unistore.StorageException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * User metadata through S3, keeping the case of keys. S3 sends metadata as {@code x-amz-meta-*} headers, whose
 * names it lowercases; Azure and GCS keep {@code Author} as written. So keys go to S3 in lowercase, and those that
 * were not lowercase are listed in one extra entry, {@value #CASE_KEY}, which reading uses to restore them. Its
 * name holds a hyphen, which a neutral metadata key (an identifier) cannot, so it never collides.
 */
final class S3Metadata {
    static final String CASE_KEY = "unistore-case";

    private S3Metadata() {
    }

    /** The metadata to send to S3. */
    static Map<String, String> toS3(Map<String, String> metadata) {
        Map<String, String> out = new LinkedHashMap<>();
        Map<String, String> seen = new HashMap<>();
        List<String> mixedCase = new ArrayList<>();
        for (Map.Entry<String, String> e : metadata.entrySet()) {
            String lower = e.getKey().toLowerCase(Locale.ROOT);
            String other = seen.put(lower, e.getKey());
            if (other != null) {
                throw StorageException.invalidArgument("metadata", "keys '" + other + "' and '" + e.getKey()
                        + "' differ only in case, which S3 cannot keep apart");
            }
            if (!lower.equals(e.getKey())) {
                mixedCase.add(e.getKey());
            }
            out.put(lower, e.getValue());
        }
        if (!mixedCase.isEmpty()) {
            out.put(CASE_KEY, String.join(",", mixedCase));
        }
        return out;
    }

    /** The metadata as the user wrote it, from what S3 returned. */
    static Map<String, String> fromS3(Map<String, String> s3) {
        if (s3 == null || s3.isEmpty()) {
            return Map.of();
        }
        Map<String, String> original = new HashMap<>();
        String cases = s3.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(CASE_KEY))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        if (cases != null) {
            for (String key : cases.split(",")) {
                original.put(key.toLowerCase(Locale.ROOT), key);
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : s3.entrySet()) {
            if (!e.getKey().equalsIgnoreCase(CASE_KEY)) {
                out.put(original.getOrDefault(e.getKey().toLowerCase(Locale.ROOT), e.getKey()), e.getValue());
            }
        }
        return out;
    }
}
