package io.unistore.crypto;

import io.unistore.StorageException;
import io.unistore.blob.BlobProperties;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How an encrypted blob's (or file's) stored properties look to the layer's users: the plaintext's size, the
 * metadata without {@code encryptiondata}, and no Content-MD5 (the service's is the ciphertext's).
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

    /** Refuses user metadata naming the key the layer reserves. */
    static void refuseReserved(Map<String, String> metadata) {
        if (metadata != null && encryptionData(metadata) != null) {
            throw StorageException.invalidArgument("metadata." + EncryptionData.METADATA_KEY,
                    "is reserved by the encryption layer");
        }
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
     * The plaintext's size of content stored with {@code storedSize} bytes under this encryption data; the stored
     * size when the data does not parse or no region layout gives it (a read then reports what is wrong).
     */
    static long plaintextSize(long storedSize, String json, String where) {
        try {
            return CseV2.plaintextLength(storedSize, EncryptionData.parse(json, where).regionLength());
        } catch (RuntimeException e) {
            return storedSize;
        }
    }

    /**
     * The properties as the layer shows them; a blob without encryption data is shown as stored. See
     * {@link #plaintextSize} for the size.
     */
    static BlobProperties plain(BlobProperties stored, String md5) {
        if (stored == null) {
            return null;
        }
        String json = encryptionData(stored.metadata());
        if (json == null) {
            return stored;
        }
        long size = plaintextSize(stored.size(), json, "blob " + stored.name());
        return stored.toBuilder().size(size).contentMd5(md5).metadata(userMetadata(stored.metadata())).build();
    }
}
