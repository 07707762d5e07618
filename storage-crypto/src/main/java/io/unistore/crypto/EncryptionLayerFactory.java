package io.unistore.crypto;

import com.azure.identity.DefaultAzureCredentialBuilder;
import io.unistore.StorageException;
import io.unistore.spi.Layer;
import io.unistore.spi.LayerFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The {@code encryption} layer by name, for addresses' options and the MCP server's per-account config:
 * {@code layers=encryption}, {@code encryption.keyset=/path/keys.json}, the password from
 * {@code encryption.passwordEnv=VARIABLE} or {@code encryption.passwordFile=/path} (never in the options
 * themselves, which are shown and logged), {@code encryption.required=true} to refuse unencrypted blobs, and
 * {@code encryption.tableProperties=Table.property,...} for table properties to encrypt.
 * Or keys in Azure Key Vault: {@code encryption.keyVaultKey=https://<vault>.vault.azure.net/keys/<name>}, signed
 * in with {@code DefaultAzureCredential} as the azure provider is ({@code encryption.tenantId},
 * {@code encryption.managedIdentityClientId}; a client secret only through the environment, never an option).
 */
public final class EncryptionLayerFactory implements LayerFactory {
    private static final Set<String> KNOWN = Set.of("keyset", "passwordEnv", "passwordFile", "required",
            "keyVaultKey", "tenantId", "managedIdentityClientId", "tableProperties");
    private static final Set<String> KEYSET_ONLY = Set.of("keyset", "passwordEnv", "passwordFile");
    private static final Set<String> KEY_VAULT_ONLY = Set.of("keyVaultKey", "tenantId", "managedIdentityClientId");

    private final UnaryOperator<KeyVaultKeySource.Builder> keyVaultClients;

    /** The factory {@code ServiceLoader} finds. */
    public EncryptionLayerFactory() {
        this(b -> b);
    }

    /** For tests: how the Key Vault clients are completed (a stand-in's TLS, redirect and credential). */
    EncryptionLayerFactory(UnaryOperator<KeyVaultKeySource.Builder> keyVaultClients) {
        this.keyVaultClients = keyVaultClients;
    }

    @Override
    public String name() {
        return "encryption";
    }

    @Override
    public Layer create(Map<String, String> options) {
        for (String key : options.keySet()) {
            if (!KNOWN.contains(key)) {
                throw StorageException.invalidArgument("encryption." + key, "is not an option of the encryption "
                        + "layer (known: keyset, passwordEnv, passwordFile, keyVaultKey, tenantId, "
                        + "managedIdentityClientId, required, tableProperties)");
            }
        }
        String required = options.getOrDefault("required", "false");
        if (!required.equals("true") && !required.equals("false")) {
            throw StorageException.invalidArgument("encryption.required", "must be true or false, was " + required);
        }
        boolean vault = options.containsKey("keyVaultKey");
        if (vault == options.containsKey("keyset")) {
            throw StorageException.invalidArgument("encryption.keyset/keyVaultKey", "give exactly one: the keyset "
                    + "file or the Key Vault key URL");
        }
        for (String key : vault ? KEYSET_ONLY : KEY_VAULT_ONLY) {
            if (options.containsKey(key)) {
                throw StorageException.invalidArgument("encryption." + key, "applies only with encryption."
                        + (vault ? "keyset" : "keyVaultKey"));
            }
        }
        KeySource keys = vault ? keyVault(options) : keyset(options);
        EncryptionLayer layer = EncryptionLayer.of(keys);
        String tableProperties = options.get("tableProperties");
        if (tableProperties != null) {
            layer = layer.encryptingTableProperties(tableProperties, "encryption.tableProperties");
        }
        return required.equals("true") ? layer.requiringEncryption() : layer;
    }

    private static KeySource keyset(Map<String, String> options) {
        String keyset = options.get("keyset");
        if (keyset == null || keyset.isBlank()) {
            throw StorageException.invalidArgument("encryption.keyset", "must name the keyset file");
        }
        return LocalKeyset.open(Path.of(keyset), password(options));
    }

    private KeySource keyVault(Map<String, String> options) {
        KeyVaultKeySource.Builder b;
        try {
            b = KeyVaultKeySource.builder(options.get("keyVaultKey"));
        } catch (StorageException e) {
            throw StorageException.invalidArgument("encryption.keyVaultKey", "must be a Key Vault key URL "
                    + "https://<vault>.vault.azure.net/keys/<name>[/<version>]");
        }
        DefaultAzureCredentialBuilder credential = new DefaultAzureCredentialBuilder();
        if (options.get("tenantId") != null) {
            credential.tenantId(options.get("tenantId"));
        }
        if (options.get("managedIdentityClientId") != null) {
            credential.managedIdentityClientId(options.get("managedIdentityClientId"));
        }
        return keyVaultClients.apply(b.credential(credential.build())).build();
    }

    private static char[] password(Map<String, String> options) {
        String env = options.get("passwordEnv");
        String file = options.get("passwordFile");
        if ((env == null) == (file == null)) {
            throw StorageException.invalidArgument("encryption.passwordEnv/passwordFile",
                    "give exactly one: the environment variable or the file holding the keyset's password");
        }
        if (env != null) {
            String value = System.getenv(env);
            if (value == null || value.isEmpty()) {
                throw StorageException.invalidArgument("encryption.passwordEnv", "environment variable " + env
                        + " is not set");
            }
            return value.toCharArray();
        }
        try {
            String value = Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
            if (value.isEmpty()) {
                throw StorageException.invalidArgument("encryption.passwordFile", "file " + file + " is empty");
            }
            return value.toCharArray();
        } catch (IOException e) {
            throw StorageException.invalidArgument("encryption.passwordFile", "file " + file + " cannot be read ("
                    + e.getClass().getSimpleName() + ")");
        }
    }
}
