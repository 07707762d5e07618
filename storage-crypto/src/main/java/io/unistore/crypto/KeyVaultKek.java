package io.unistore.crypto;

import com.azure.security.keyvault.keys.cryptography.CryptographyClient;
import com.azure.security.keyvault.keys.cryptography.models.KeyWrapAlgorithm;
import io.unistore.ErrorCode;
import io.unistore.StorageException;
import java.util.Set;

/**
 * One version of a Key Vault key as a key-encryption key: Key Vault wraps and unwraps (the SDK's
 * {@code CryptographyClient} with its key caching off, so even RSA wraps happen in the vault and the private or
 * symmetric key never leaves it). Its id is the versioned key id, which is what Microsoft's clients record.
 */
final class KeyVaultKek implements KeyEncryptionKey {
    /** What Key Vault (RSA) and Managed HSM (oct-HSM) wrap with and Azure's client-side encryption records. */
    static final Set<String> ALGORITHMS = Set.of("RSA-OAEP-256", "RSA-OAEP", "RSA1_5", "A128KW", "A192KW", "A256KW");

    private final String keyId;
    private final String algorithm;
    private final CryptographyClient client;

    KeyVaultKek(String keyId, String algorithm, CryptographyClient client) {
        this.keyId = keyId;
        this.algorithm = algorithm;
        this.client = client;
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
    public byte[] wrapKey(byte[] key) {
        try {
            return client.wrapKey(KeyWrapAlgorithm.fromString(algorithm), key).getEncryptedKey();
        } catch (RuntimeException e) {
            throw KeyVaultErrors.map(e, keyId, "wrap a content key", false);
        }
    }

    @Override
    public byte[] unwrapKey(String wrapAlgorithm, byte[] wrapped) {
        if (!ALGORITHMS.contains(wrapAlgorithm)) {
            throw new StorageException(ErrorCode.UNSUPPORTED, "Key Vault key " + keyId + " unwraps " + ALGORITHMS
                    + ", not " + wrapAlgorithm);
        }
        try {
            return client.unwrapKey(KeyWrapAlgorithm.fromString(wrapAlgorithm), wrapped).getKey();
        } catch (RuntimeException e) {
            throw KeyVaultErrors.map(e, keyId, "unwrap a content key", true);
        }
    }

    @Override
    public String toString() {
        return "KeyVaultKek(" + keyId + ")";
    }
}
