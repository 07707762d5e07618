package io.unistore.crypto;

import io.unistore.ErrorCode;
import io.unistore.StorageException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code encryptiondata} metadata of Azure Storage client-side encryption v2: which key-encryption key wrapped
 * the content key, the wrapped key, the protocol and the region layout. Its field names and shape are the ones
 * Microsoft's libraries write and read, so either side decrypts what the other encrypted.
 *
 * @param keyId the key-encryption key's id
 * @param wrappedKey the content key as wrapped (the protocol prefix and the 32-byte key)
 * @param wrapAlgorithm the wrap algorithm, e.g. {@code A256KW} or {@code RSA-OAEP}
 * @param regionLength plaintext bytes per region
 * @param keyWrappingMetadata informational entries ({@code EncryptionLibrary}), kept as read
 */
record EncryptionData(String keyId, byte[] wrappedKey, String wrapAlgorithm, int regionLength,
                      Map<String, String> keyWrappingMetadata) {

    /** The metadata key; Azure's SDKs use it lowercase, which S3's lowercased keys keep too. */
    static final String METADATA_KEY = "encryptiondata";
    static final String LIBRARY = "Unistore storage-crypto";
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    EncryptionData {
        keyWrappingMetadata = Map.copyOf(keyWrappingMetadata);
    }

    /** Encryption data for a content key just wrapped by this library. */
    static EncryptionData of(String keyId, byte[] wrappedKey, String wrapAlgorithm) {
        return new EncryptionData(keyId, wrappedKey, wrapAlgorithm, CseV2.REGION, Map.of("EncryptionLibrary", LIBRARY));
    }

    /** The same content key, wrapped anew (rotation keeps the content as it is). */
    EncryptionData rewrapped(String newKeyId, byte[] newWrappedKey, String newAlgorithm) {
        return new EncryptionData(newKeyId, newWrappedKey, newAlgorithm, regionLength, keyWrappingMetadata);
    }

    /** These data with one more informational entry in {@code KeyWrappingMetadata}. */
    EncryptionData with(String entry, String value) {
        Map<String, String> more = new LinkedHashMap<>(keyWrappingMetadata);
        more.put(entry, value);
        return new EncryptionData(keyId, wrappedKey, wrapAlgorithm, regionLength, more);
    }

    /** The JSON text stored as the metadata value. */
    String toJson() {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode wrapped = root.putObject("WrappedContentKey");
        wrapped.put("KeyId", keyId);
        wrapped.put("EncryptedKey", Base64.getEncoder().encodeToString(wrappedKey));
        wrapped.put("Algorithm", wrapAlgorithm);
        ObjectNode agent = root.putObject("EncryptionAgent");
        agent.put("Protocol", CseV2.PROTOCOL);
        agent.put("EncryptionAlgorithm", CseV2.ALGORITHM);
        ObjectNode regions = root.putObject("EncryptedRegionInfo");
        regions.put("DataLength", regionLength);
        regions.put("NonceLength", CseV2.NONCE);
        ObjectNode wrapping = root.putObject("KeyWrappingMetadata");
        keyWrappingMetadata.forEach(wrapping::put);
        return JSON.writeValueAsString(root);
    }

    /**
     * Reads the metadata value of blob {@code where}.
     *
     * @throws StorageException INVALID_ARGUMENT naming the blob and the field when the value is not v2 encryption
     *         data this library can decrypt
     */
    static EncryptionData parse(String json, String where) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw bad(where, "is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw bad(where, "is not a JSON object");
        }
        String protocol = text(root, "/EncryptionAgent/Protocol", where);
        if (!protocol.equals("2.0") && !protocol.equals("2.1")) {
            throw new StorageException(ErrorCode.UNSUPPORTED, where + " is encrypted with client-side "
                    + "encryption protocol '" + protocol + "'; only 2.0 and 2.1 (AES-GCM regions) are read");
        }
        String algorithm = text(root, "/EncryptionAgent/EncryptionAlgorithm", where);
        if (!algorithm.equals(CseV2.ALGORITHM)) {
            throw bad(where, "EncryptionAgent.EncryptionAlgorithm must be " + CseV2.ALGORITHM + ", was " + algorithm);
        }
        JsonNode dataLength = root.at("/EncryptedRegionInfo/DataLength");
        JsonNode nonceLength = root.at("/EncryptedRegionInfo/NonceLength");
        if (!dataLength.canConvertToInt() || dataLength.asInt() < 16 || !nonceLength.canConvertToInt()
                || nonceLength.asInt() != CseV2.NONCE) {
            throw bad(where, "EncryptedRegionInfo must have a positive DataLength and a NonceLength of 12");
        }
        byte[] wrapped;
        try {
            wrapped = Base64.getDecoder().decode(text(root, "/WrappedContentKey/EncryptedKey", where));
        } catch (IllegalArgumentException e) {
            throw bad(where, "WrappedContentKey.EncryptedKey is not base64");
        }
        Map<String, String> wrapping = new LinkedHashMap<>();
        JsonNode wm = root.get("KeyWrappingMetadata");
        if (wm != null && wm.isObject()) {
            wm.properties().forEach(e -> wrapping.put(e.getKey(), e.getValue().asString()));
        }
        return new EncryptionData(text(root, "/WrappedContentKey/KeyId", where), wrapped,
                text(root, "/WrappedContentKey/Algorithm", where), dataLength.asInt(), wrapping);
    }

    private static String text(JsonNode root, String pointer, String where) {
        JsonNode node = root.at(pointer);
        if (!node.isString() || node.asString().isEmpty()) {
            throw bad(where, pointer.substring(1).replace('/', '.') + " is missing");
        }
        return node.asString();
    }

    private static StorageException bad(String where, String rule) {
        return new StorageException(ErrorCode.INVALID_ARGUMENT, "the encryptiondata metadata of " + where + " "
                + rule);
    }
}
