package io.unistore.crypto;

import io.unistore.ErrorCode;
import io.unistore.StorageException;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * A key-encryption key held in memory: AES key wrap (RFC 3394, the JCA's {@code AESWrap}), named {@code A128KW},
 * {@code A192KW} or {@code A256KW} by the key's size as in JSON Web Algorithms, which is what Azure's libraries
 * store for a local symmetric key.
 */
public final class AesKeyWrapKey implements KeyEncryptionKey {
    private final String keyId;
    private final SecretKeySpec key;
    private final String algorithm;

    private AesKeyWrapKey(String keyId, byte[] key) {
        this.keyId = keyId;
        this.key = new SecretKeySpec(key, "AES");
        this.algorithm = "A" + key.length * 8 + "KW";
    }

    /**
     * A key of 16, 24 or 32 bytes (copied) under an id.
     *
     * @throws StorageException INVALID_ARGUMENT for another key size or a blank id
     */
    public static AesKeyWrapKey of(String keyId, byte[] key) {
        if (keyId == null || keyId.isBlank()) {
            throw StorageException.invalidArgument("keyId", "must not be blank");
        }
        if (key == null || (key.length != 16 && key.length != 24 && key.length != 32)) {
            throw StorageException.invalidArgument("key", "must be 16, 24 or 32 bytes (AES)");
        }
        return new AesKeyWrapKey(keyId, key.clone());
    }

    @Override
    public String keyId() {
        return keyId;
    }

    @Override
    public String wrapAlgorithm() {
        return algorithm;
    }

    @Override
    public byte[] wrapKey(byte[] contentKey) {
        try {
            Cipher cipher = Cipher.getInstance("AESWrap");
            cipher.init(Cipher.WRAP_MODE, key);
            return cipher.wrap(new SecretKeySpec(contentKey, "AES"));
        } catch (GeneralSecurityException e) {
            throw new StorageException(ErrorCode.INTERNAL, "key " + keyId + " could not wrap a content key: "
                    + e.getClass().getSimpleName());
        }
    }

    @Override
    public byte[] unwrapKey(String wrapAlgorithm, byte[] wrapped) {
        if (!algorithm.equals(wrapAlgorithm)) {
            throw new StorageException(ErrorCode.UNSUPPORTED, "key " + keyId + " unwraps " + algorithm + ", not "
                    + wrapAlgorithm);
        }
        try {
            Cipher cipher = Cipher.getInstance("AESWrap");
            cipher.init(Cipher.UNWRAP_MODE, key);
            byte[] out = cipher.unwrap(wrapped, "AES", Cipher.SECRET_KEY).getEncoded();
            return Arrays.copyOf(out, out.length);
        } catch (InvalidKeyException e) {
            // RFC 3394's integrity check failed: another key wrapped it, or the wrapped key was altered.
            throw new StorageException(ErrorCode.PERMISSION_DENIED, "key " + keyId + " does not unwrap this content "
                    + "key (a different key wrapped it, or the stored key was altered)");
        } catch (GeneralSecurityException e) {
            throw new StorageException(ErrorCode.INTERNAL, "key " + keyId + " could not unwrap a content key: "
                    + e.getClass().getSimpleName());
        }
    }

    @Override
    public String toString() {
        return "AesKeyWrapKey(" + keyId + ")";
    }
}
