package io.unistore.crypto;

/**
 * A key-encryption key (KEK): it wraps each blob's fresh content key, and unwraps it to read the blob. The key
 * itself may never leave its home (Azure Key Vault wraps and unwraps by request); only its id is stored, in the
 * blob's {@code encryptiondata}, so the reader can find it again.
 *
 * <p>Implementations are thread-safe. Errors are {@link io.unistore.StorageException}s naming the key id, never
 * its material.
 */
public interface KeyEncryptionKey {

    /** The id stored with every blob this key wraps; it must name this exact key version. */
    String keyId();

    /** The wrap algorithm used for new content keys, as stored in {@code WrappedContentKey.Algorithm}. */
    String wrapAlgorithm();

    /**
     * Wraps a content key with {@link #wrapAlgorithm()}.
     *
     * @throws io.unistore.StorageException naming the key id when the key cannot wrap
     */
    byte[] wrapKey(byte[] key);

    /**
     * Unwraps a content key wrapped by this key.
     *
     * @param algorithm the algorithm stored with the wrapped key
     * @throws io.unistore.StorageException PERMISSION_DENIED naming the key id when the key does not unwrap it
     *         (another key, or tampered data), UNSUPPORTED for an algorithm this key does not do
     */
    byte[] unwrapKey(String algorithm, byte[] wrapped);
}
