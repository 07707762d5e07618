package io.unistore.crypto;

import io.unistore.StorageException;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * A Key Vault key identifier, {@code https://<vault host>/keys/<name>[/<version>]}, as the service and
 * Microsoft's clients write it (the versioned form is what {@code encryptiondata} records).
 *
 * @param vaultUrl {@code https://<vault host>} (a port kept if given)
 * @param name the key's name
 * @param version the version, or null for "the latest"
 */
record KeyVaultKeyId(String vaultUrl, String name, String version) {

    /**
     * Parses a key id.
     *
     * @param field the option or argument it came from, named in the error
     * @throws StorageException INVALID_ARGUMENT naming {@code field} when it is not such a URL
     */
    static KeyVaultKeyId parse(String value, String field) {
        String rule = "must be a Key Vault key URL https://<vault>.vault.azure.net/keys/<name>[/<version>]";
        if (value == null || value.isBlank() || value.length() > 2048) {
            throw StorageException.invalidArgument(field, rule);
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw StorageException.invalidArgument(field, rule + ", was not a URL");
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || uri.getRawQuery() != null
                || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw StorageException.invalidArgument(field, rule + " (https, no user, query or fragment)");
        }
        String[] parts = (uri.getRawPath() == null ? "" : uri.getRawPath()).split("/", -1);
        // "", "keys", name [, version] with an optional trailing slash
        int n = parts.length > 3 && parts[parts.length - 1].isEmpty() ? parts.length - 1 : parts.length;
        if ((n != 3 && n != 4) || !parts[1].equals("keys") || !parts[2].matches("[0-9a-zA-Z-]{1,127}")
                || (n == 4 && !parts[3].matches("[0-9a-zA-Z]{1,64}"))) {
            throw StorageException.invalidArgument(field, rule + " (name: 1 to 127 letters, digits or '-')");
        }
        String vault = "https://" + uri.getHost().toLowerCase(java.util.Locale.ROOT)
                + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        return new KeyVaultKeyId(vault, parts[2], n == 4 ? parts[3] : null);
    }

    /** The same key at {@code v}. */
    KeyVaultKeyId atVersion(String v) {
        return new KeyVaultKeyId(vaultUrl, name, v);
    }

    /** Same vault and key name (any version). */
    boolean sameKey(KeyVaultKeyId other) {
        return vaultUrl.equals(other.vaultUrl) && name.equals(other.name);
    }

    @Override
    public String toString() {
        return vaultUrl + "/keys/" + name + (version == null ? "" : "/" + version);
    }
}
