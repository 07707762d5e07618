/**
 * Client-side encryption as a layer over any provider: blobs and files in the Azure Storage client-side
 * encryption v2 format, chosen table properties with AES-256-GCM, key-encryption keys from a password-protected
 * keyset file.
 */
module io.unistore.crypto {
    requires io.unistore.api;
    requires tools.jackson.databind;
    requires org.slf4j;

    exports io.unistore.crypto;

    provides io.unistore.spi.LayerFactory with io.unistore.crypto.EncryptionLayerFactory;
}
