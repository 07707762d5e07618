package io.unistore.crypto;

import io.unistore.StorageException;
import io.unistore.spi.Layer;
import io.unistore.spi.LayerFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * The {@code encryption} layer by name, for addresses' options and the MCP server's per-account config:
 * {@code layers=encryption}, {@code encryption.keyset=/path/keys.json}, the password from
 * {@code encryption.passwordEnv=VARIABLE} or {@code encryption.passwordFile=/path} (never in the options
 * themselves, which are shown and logged), {@code encryption.required=true} to refuse unencrypted blobs, and
 * {@code encryption.tableProperties=Table.property,...} for table properties to encrypt.
 */
public final class EncryptionLayerFactory implements LayerFactory {
    private static final Set<String> KNOWN = Set.of("keyset", "passwordEnv", "passwordFile", "required",
            "tableProperties");

    @Override
    public String name() {
        return "encryption";
    }

    @Override
    public Layer create(Map<String, String> options) {
        for (String key : options.keySet()) {
            if (!KNOWN.contains(key)) {
                throw StorageException.invalidArgument("encryption." + key, "is not an option of the encryption "
                        + "layer (known: keyset, passwordEnv, passwordFile, required, tableProperties)");
            }
        }
        String keyset = options.get("keyset");
        if (keyset == null || keyset.isBlank()) {
            throw StorageException.invalidArgument("encryption.keyset", "must name the keyset file");
        }
        String required = options.getOrDefault("required", "false");
        if (!required.equals("true") && !required.equals("false")) {
            throw StorageException.invalidArgument("encryption.required", "must be true or false, was " + required);
        }
        EncryptionLayer layer = EncryptionLayer.of(LocalKeyset.open(Path.of(keyset), password(options)));
        String tableProperties = options.get("tableProperties");
        if (tableProperties != null) {
            layer = layer.encryptingTableProperties(tableProperties, "encryption.tableProperties");
        }
        return required.equals("true") ? layer.requiringEncryption() : layer;
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
