package io.unistore.crypto;

import io.unistore.blob.BlobProperties;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How an encrypted blob's stored properties look to the layer's users: the plaintext's size, the metadata without
 * {@code encryptiondata}, and no Content-MD5 (the service's is the ciphertext's).
 */
final class StoredBlobs {
    private StoredBlobs() {
    }

    /** The {@code encryptiondata} value of the metadata (key in any case: S3 lowercases), or null. */
    static String encryptionData(Map<String, String> metadata) {
        for (Map.Entry<String, String> e : metadata.entrySet()) {
            if (e.getKey().equalsIgnoreCase(EncryptionData.METADATA_KEY)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** Whether user metadata names the key the layer reserves. */
    static boolean reserved(Map<String, String> metadata) {
        return metadata != null && encryptionData(metadata) != null;
    }

    /** The metadata without {@code encryptiondata}. */
    static Map<String, String> userMetadata(Map<String, String> metadata) {
        Map<String, String> out = new LinkedHashMap<>(metadata);
        out.keySet().removeIf(k -> k.equalsIgnoreCase(EncryptionData.METADATA_KEY));
        return out;
    }

    /** User metadata plus the encryption data. */
    static Map<String, String> withEncryptionData(Map<String, String> user, String json) {
        Map<String, String> out = new LinkedHashMap<>(user == null ? Map.of() : user);
        out.put(EncryptionData.METADATA_KEY, json);
        return out;
    }

    /**
     * The properties as the layer shows them; a blob without encryption data is shown as stored. The size of a
     * stored length that no region layout gives is shown as stored too (a read then fails on its regions).
     */
    static BlobProperties plain(BlobProperties stored, String md5) {
        if (stored == null) {
            return null;
        }
        String json = encryptionData(stored.metadata());
        if (json == null) {
            return stored;
        }
        long size = stored.size();
        try {
            size = CseV2.plaintextLength(stored.size(), EncryptionData.parse(json, stored.name()).regionLength());
        } catch (RuntimeException e) {
            // Unreadable encryption data: the size stays the stored one; a read reports what is wrong.
        }
        return stored.toBuilder().size(size).contentMd5(md5).metadata(userMetadata(stored.metadata())).build();
    }
}
