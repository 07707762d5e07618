/**
 * Client-side encryption as a layer over any provider: blobs and files in the Azure Storage client-side
 * encryption v2 format, chosen table properties with AES-256-GCM, key-encryption keys from a password-protected
 * keyset file or Azure Key Vault.
 */
module io.unistore.crypto {
    requires io.unistore.api;
    requires tools.jackson.databind;
    requires org.slf4j;
    requires com.azure.core;
    requires com.azure.identity;
    requires com.azure.security.keyvault.keys;

    exports io.unistore.crypto;

    provides io.unistore.spi.LayerFactory with io.unistore.crypto.EncryptionLayerFactory;
}
