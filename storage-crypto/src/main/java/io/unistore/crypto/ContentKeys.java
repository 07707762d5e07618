package io.unistore.crypto;

import io.unistore.ErrorCode;
import io.unistore.StorageException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Content keys: a fresh AES-256 key per blob, wrapped with the protocol version in front ({@code "2.0"} padded
 * with zeros to 8 bytes, then the 32 key bytes), as protocol 2 does so that a wrapped key cannot be replayed
 * under an older, weaker protocol.
 */
final class ContentKeys {
    static final int KEY_BYTES = 32;
    private static final byte[] PREFIX = Arrays.copyOf(CseV2.PROTOCOL.getBytes(StandardCharsets.US_ASCII), 8);
    private static final SecureRandom RANDOM = new SecureRandom();

    private ContentKeys() {
    }

    /** A fresh random content key. */
    static SecretKey generate() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return new SecretKeySpec(key, "AES");
    }

    /** Wraps a content key with the key-encryption key. */
    static EncryptionData wrap(SecretKey contentKey, KeyEncryptionKey kek) {
        byte[] plain = new byte[PREFIX.length + KEY_BYTES];
        System.arraycopy(PREFIX, 0, plain, 0, PREFIX.length);
        System.arraycopy(contentKey.getEncoded(), 0, plain, PREFIX.length, KEY_BYTES);
        try {
            return EncryptionData.of(kek.keyId(), kek.wrapKey(plain), kek.wrapAlgorithm());
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /**
     * The same content key wrapped by {@code kek} instead: the content stays as it is. The old key must open it
     * and carry the protocol prefix, so a key that does not belong to the blob is never re-wrapped.
     */
    static EncryptionData rewrap(EncryptionData data, KeySource keys, KeyEncryptionKey kek, String where) {
        SecretKey key = unwrap(data, keys, where);
        EncryptionData fresh = wrap(key, kek);
        return data.rewrapped(fresh.keyId(), fresh.wrappedKey(), fresh.wrapAlgorithm());
    }

    /**
     * Unwraps the content key of {@code data} with the key it names.
     *
     * @throws StorageException PERMISSION_DENIED naming the key id when the source does not have the key or the key
     *         does not unwrap it
     */
    static SecretKey unwrap(EncryptionData data, KeySource keys, String where) {
        KeyEncryptionKey kek = keys.resolve(data.keyId()).orElseThrow(() -> new StorageException(
                ErrorCode.PERMISSION_DENIED, where + " is encrypted under key " + data.keyId()
                + ", which the encryption layer's key source does not have"));
        byte[] plain;
        try {
            plain = kek.unwrapKey(data.wrapAlgorithm(), data.wrappedKey());
        } catch (StorageException e) {
            // The key names itself; say what it was opening too.
            throw new StorageException(e.code(), where + ": " + e.getMessage(), e);
        }
        try {
            if (plain.length != PREFIX.length + KEY_BYTES
                    || !MessageDigest.isEqual(Arrays.copyOf(plain, PREFIX.length), PREFIX)) {
                throw new StorageException(ErrorCode.PERMISSION_DENIED, "the content key of " + where
                        + " unwrapped by key " + data.keyId() + " does not carry the protocol 2.0 prefix");
            }
            return new SecretKeySpec(plain, PREFIX.length, KEY_BYTES, "AES");
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }
}
