package io.unistore.crypto;

import io.unistore.ErrorCode;
import io.unistore.StorageException;
import io.unistore.table.PropertyType;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * One encrypted table property value, stored as an {@code Edm.String}:
 * {@code ucse1:<encryptiondata JSON, base64>:<nonce, ciphertext and tag, base64>}. The encryption data is the blobs'
 * (a fresh AES-256 data key per value, wrapped by the key source's primary key, so a merge that rewrites some
 * properties never strands the others); the plaintext is the value's EDM type (one byte) and its bytes; the
 * associated data is the table name, PartitionKey, RowKey and property name, so a value copied to another
 * property, entity or table does not decrypt. The nonce is 12 random bytes, fresh per value.
 */
final class SealedProperty {
    static final String PREFIX = "ucse1:";
    private static final SecureRandom RANDOM = new SecureRandom();

    private SealedProperty() {
    }

    /** Whether a stored value is in this form. */
    static boolean sealed(Object stored) {
        return stored instanceof String s && s.startsWith(PREFIX);
    }

    static String seal(Object value, PropertyType type, KeySource keys, String table, String partitionKey,
                       String rowKey, String property) {
        SecretKey key = ContentKeys.generate();
        String json = ContentKeys.wrap(key, keys.primary()).toJson();
        byte[] nonce = new byte[CseV2.NONCE];
        RANDOM.nextBytes(nonce);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, key, nonce, aad(table, partitionKey, rowKey, property),
                plaintext(value, type), null);
        ByteBuffer out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed);
        Base64.Encoder b64 = Base64.getEncoder();
        return PREFIX + b64.encodeToString(json.getBytes(StandardCharsets.UTF_8)) + ":" + b64.encodeToString(
                out.array());
    }

    /**
     * The value a sealed string holds.
     *
     * @throws StorageException PERMISSION_DENIED naming the property and the key id when it does not decrypt (moved
     *         from another property, entity or table, altered, or a wrong key)
     */
    static Object open(String stored, KeySource keys, String table, String partitionKey, String rowKey,
                       String property) {
        String where = "property " + property + " of entity (" + partitionKey + ", " + rowKey + ") in table "
                + table;
        String[] parts = stored.substring(PREFIX.length()).split(":", -1);
        byte[] json;
        byte[] body;
        try {
            if (parts.length != 2) {
                throw new IllegalArgumentException("parts");
            }
            json = Base64.getDecoder().decode(parts[0]);
            body = Base64.getDecoder().decode(parts[1]);
        } catch (IllegalArgumentException e) {
            throw new StorageException(ErrorCode.PERMISSION_DENIED, where + " is not a readable encrypted value");
        }
        if (body.length < CseV2.OVERHEAD + 1) {
            throw new StorageException(ErrorCode.PERMISSION_DENIED, where + " is cut short");
        }
        EncryptionData data = EncryptionData.parse(new String(json, StandardCharsets.UTF_8), where);
        SecretKey key = ContentKeys.unwrap(data, keys, where);
        byte[] nonce = java.util.Arrays.copyOf(body, CseV2.NONCE);
        byte[] plain = run(Cipher.DECRYPT_MODE, key, nonce, aad(table, partitionKey, rowKey, property),
                java.util.Arrays.copyOfRange(body, CseV2.NONCE, body.length), where + " (key " + data.keyId() + ")");
        return value(plain, where);
    }

    /**
     * A sealed string whose data key is wrapped by {@code primary} instead, the nonce, ciphertext and tag unchanged
     * (the associated data does not cover the wrapping); null when it already is.
     *
     * @throws StorageException PERMISSION_DENIED naming the property when it is not a readable sealed value or its
     *         key is not in {@code keys}
     */
    static String rewrap(String stored, KeySource keys, KeyEncryptionKey primary, String where) {
        String[] parts = stored.substring(PREFIX.length()).split(":", -1);
        String json;
        try {
            if (parts.length != 2) {
                throw new IllegalArgumentException("parts");
            }
            json = new String(Base64.getDecoder().decode(parts[0]), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new StorageException(ErrorCode.PERMISSION_DENIED, where + " is not a readable encrypted value");
        }
        EncryptionData data = EncryptionData.parse(json, where);
        if (data.keyId().equals(primary.keyId())) {
            return null;
        }
        String fresh = ContentKeys.rewrap(data, keys, primary, where).toJson();
        return PREFIX + Base64.getEncoder().encodeToString(fresh.getBytes(StandardCharsets.UTF_8)) + ":" + parts[1];
    }

    private static byte[] aad(String table, String partitionKey, String rowKey, String property) {
        // Length-prefixed, so no two different tuples give the same bytes.
        ByteBuffer out = ByteBuffer.allocate(4 * 4 + utf8(table).length + utf8(partitionKey).length
                + utf8(rowKey).length + utf8(property).length);
        for (String s : new String[] {table, partitionKey, rowKey, property}) {
            byte[] b = utf8(s);
            out.putInt(b.length).put(b);
        }
        return out.array();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] plaintext(Object value, PropertyType type) {
        byte[] body = switch (type) {
            case STRING -> utf8((String) value);
            case INT32 -> ByteBuffer.allocate(4).putInt((Integer) value).array();
            case INT64 -> ByteBuffer.allocate(8).putLong((Long) value).array();
            case DOUBLE -> ByteBuffer.allocate(8).putLong(Double.doubleToRawLongBits((Double) value)).array();
            case BOOLEAN -> new byte[] {(byte) ((Boolean) value ? 1 : 0)};
            case DATETIME -> ByteBuffer.allocate(12).putLong(((Instant) value).getEpochSecond())
                    .putInt(((Instant) value).getNano()).array();
            case BINARY -> (byte[]) value;
            case GUID -> ByteBuffer.allocate(16).putLong(((UUID) value).getMostSignificantBits())
                    .putLong(((UUID) value).getLeastSignificantBits()).array();
        };
        return ByteBuffer.allocate(1 + body.length).put(tag(type)).put(body).array();
    }

    /** The type's tag: stable, unlike an enum ordinal. */
    private static byte tag(PropertyType type) {
        return (byte) switch (type) {
            case STRING -> 'S';
            case INT32 -> 'I';
            case INT64 -> 'L';
            case DOUBLE -> 'D';
            case BOOLEAN -> 'B';
            case DATETIME -> 'T';
            case BINARY -> 'X';
            case GUID -> 'G';
        };
    }

    private static Object value(byte[] plain, String where) {
        ByteBuffer in = ByteBuffer.wrap(plain, 1, plain.length - 1);
        int n = plain.length - 1;
        Object v = switch (plain[0]) {
            case 'S' -> new String(plain, 1, n, StandardCharsets.UTF_8);
            case 'I' -> n == 4 ? in.getInt() : null;
            case 'L' -> n == 8 ? in.getLong() : null;
            case 'D' -> n == 8 ? Double.longBitsToDouble(in.getLong()) : null;
            case 'B' -> n == 1 ? plain[1] != 0 : null;
            case 'T' -> n == 12 ? Instant.ofEpochSecond(in.getLong(), in.getInt()) : null;
            case 'X' -> java.util.Arrays.copyOfRange(plain, 1, plain.length);
            case 'G' -> n == 16 ? new UUID(in.getLong(), in.getLong()) : null;
            default -> null;
        };
        if (v == null) {
            throw new StorageException(ErrorCode.PERMISSION_DENIED, where + " decrypted to no known value");
        }
        return v;
    }

    private static byte[] run(int mode, SecretKey key, byte[] nonce, byte[] aad, byte[] input, String where) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(CseV2.TAG * 8, nonce));
            cipher.updateAAD(aad);
            return cipher.doFinal(input);
        } catch (AEADBadTagException e) {
            throw new StorageException(ErrorCode.PERMISSION_DENIED, where + " does not decrypt: it was moved from "
                    + "another property, entity or table, or altered");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed: " + e.getClass().getSimpleName(), e);
        }
    }
}
