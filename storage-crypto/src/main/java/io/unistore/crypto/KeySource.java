package io.unistore.crypto;

import java.util.Optional;

/**
 * Where the encryption layer gets its key-encryption keys: the primary one wraps the content keys of new blobs,
 * and {@link #resolve} finds the key a stored blob names, so blobs wrapped under older key versions stay readable
 * after a rotation. {@link LocalKeyset} (a password-protected file) is the source this module has; any other
 * (a key management service) implements this interface.
 */
public interface KeySource {

    /** The key that wraps new content keys. */
    KeyEncryptionKey primary();

    /** The key with this id, or empty when this source does not have it. */
    Optional<KeyEncryptionKey> resolve(String keyId);

    /** A source of one key. */
    static KeySource of(KeyEncryptionKey key) {
        return new KeySource() {
            @Override
            public KeyEncryptionKey primary() {
                return key;
            }

            @Override
            public Optional<KeyEncryptionKey> resolve(String keyId) {
                return key.keyId().equals(keyId) ? Optional.of(key) : Optional.empty();
            }
        };
    }
}
