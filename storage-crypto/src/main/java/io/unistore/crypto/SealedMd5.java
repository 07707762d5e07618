package io.unistore.crypto;

import io.unistore.StorageException;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * The plaintext's MD5, when the uploader gave one, kept in {@code KeyWrappingMetadata} encrypted under the blob's
 * content key: the service only knows the ciphertext's MD5, and a plaintext MD5 in the clear would let anyone
 * confirm a guess of the content. Other readers ignore the entry. Its nonce (all ones) is one no region uses: region
 * nonces count from zero in 8 of their bytes and leave the other 4 at zero.
 */
final class SealedMd5 {
    static final String ENTRY = "UnistoreSealedContentMd5";
    private static final byte[] NONCE = filled();

    private SealedMd5() {
    }

    private static byte[] filled() {
        byte[] nonce = new byte[CseV2.NONCE];
        Arrays.fill(nonce, (byte) 0xff);
        return nonce;
    }

    /**
     * The plaintext's MD5 the uploader gave, from stored encryption data, or null when there is none or it does not
     * open (opening it needs the content key, so a key the source does not have gives null too).
     */
    static String of(String encryptionData, KeySource keys, String where) {
        try {
            EncryptionData data = EncryptionData.parse(encryptionData, where);
            String sealed = data.keyWrappingMetadata().get(ENTRY);
            if (sealed == null || keys.resolve(data.keyId()).isEmpty()) {
                return null;
            }
            return open(ContentKeys.unwrap(data, keys, where), sealed).orElse(null);
        } catch (StorageException e) {
            return null;
        }
    }

    static String seal(SecretKey contentKey, String md5Base64) {
        return Base64.getEncoder().encodeToString(run(Cipher.ENCRYPT_MODE, contentKey,
                Base64.getDecoder().decode(md5Base64)));
    }

    /** The MD5, or empty when the entry does not open (another writer's blob, or altered). */
    static Optional<String> open(SecretKey contentKey, String sealed) {
        try {
            return Optional.of(Base64.getEncoder().encodeToString(run(Cipher.DECRYPT_MODE, contentKey,
                    Base64.getDecoder().decode(sealed))));
        } catch (IllegalArgumentException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    private static byte[] run(int mode, SecretKey key, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(CseV2.TAG * 8, NONCE));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealed MD5 does not open", e);
        }
    }
}
