package io.unistore.crypto;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.http.policy.RetryOptions;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.security.keyvault.keys.KeyClient;
import com.azure.security.keyvault.keys.KeyClientBuilder;
import com.azure.security.keyvault.keys.cryptography.CryptographyClient;
import com.azure.security.keyvault.keys.cryptography.CryptographyClientBuilder;
import com.azure.security.keyvault.keys.models.KeyType;
import com.azure.security.keyvault.keys.models.KeyVaultKey;
import io.unistore.StorageException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Key-encryption keys in Azure Key Vault (or Managed HSM): content keys are wrapped and unwrapped by the vault with
 * one key, named by its URL {@code https://<vault>.vault.azure.net/keys/<name>}. New blobs use the key's latest
 * version (re-read every {@link Builder#primaryRefresh refresh interval}, one hour by default, or at
 * {@link #refresh()}), and each blob records the versioned key id, so blobs wrapped under older versions stay
 * readable after a rotation in the vault, and {@link KeyRotation#rewrap} moves them to the latest one.
 *
 * <p>Algorithms are the ones Azure's client-side encryption writes with Key Vault: {@code RSA-OAEP-256} for RSA keys
 * ({@code RSA}, {@code RSA-HSM}), {@code A256KW} for {@code oct-HSM} keys (Managed HSM); reading accepts whatever
 * the blob records ({@code RSA-OAEP}, {@code RSA1_5}, {@code A128KW}...). Only ids of the configured key are
 * resolved: a blob naming another vault or key is refused (PERMISSION_DENIED naming it), so stored metadata can
 * never send this source's bearer token elsewhere.
 *
 * <pre>{@code
 * KeySource keys = KeyVaultKeySource.builder("https://my-vault.vault.azure.net/keys/blobs")
 *         .credential(new DefaultAzureCredentialBuilder().build()).build();
 * }</pre>
 *
 * <p>Thread-safe. Errors are StorageExceptions naming the key id; tokens and secrets never appear in them.
 */
public final class KeyVaultKeySource implements KeySource {
    private final KeyVaultKeyId key;
    private final Builder settings;
    private final KeyClient keys;
    private final Map<String, KeyVaultKek> byId = new ConcurrentHashMap<>();
    private volatile KeyVaultKek primary;
    private volatile Instant primaryAt = Instant.MIN;

    private KeyVaultKeySource(Builder b) {
        this.key = b.key;
        this.settings = b;
        KeyClientBuilder kb = new KeyClientBuilder().vaultUrl(key.vaultUrl()).credential(b.credential);
        if (b.httpClient != null) {
            kb.httpClient(b.httpClient);
        }
        b.policies.forEach(kb::addPolicy);
        if (b.retryOptions != null) {
            kb.retryOptions(b.retryOptions);
        }
        this.keys = kb.buildClient();
    }

    /**
     * A builder for the key at {@code keyUrl} ({@code https://<vault>/keys/<name>}; with a {@code /<version>}
     * that version is always the primary one, never the latest).
     *
     * @throws StorageException INVALID_ARGUMENT when {@code keyUrl} is not a Key Vault key URL
     */
    public static Builder builder(String keyUrl) {
        return new Builder(KeyVaultKeyId.parse(keyUrl, "keyVaultKey"));
    }

    /**
     * The latest version of the key (or the pinned one).
     *
     * @throws StorageException NOT_FOUND naming the key when the vault does not have it, UNAUTHENTICATED or
     *         PERMISSION_DENIED when the credential may not read it
     */
    @Override
    public KeyEncryptionKey primary() {
        KeyVaultKek current = primary;
        if (current != null && settings.clock.instant().isBefore(primaryAt.plus(settings.primaryRefresh))) {
            return current;
        }
        synchronized (this) {
            if (primary == current || primary == null) {
                KeyVaultKey latest;
                try {
                    latest = keys.getKey(key.name(), key.version());
                } catch (RuntimeException e) {
                    throw KeyVaultErrors.map(e, key.toString(), "be read", false);
                }
                KeyVaultKeyId id = KeyVaultKeyId.parse(latest.getId(), "the key id Key Vault returned");
                primary = kek(id, algorithmFor(latest.getKeyType()));
                primaryAt = settings.clock.instant();
            }
            return primary;
        }
    }

    /** Reads the key's latest version again now (after a rotation in the vault). */
    public void refresh() {
        primaryAt = Instant.MIN;
    }

    /**
     * The key version a blob names, if it is a version of this source's key (a versioned id of the same vault and
     * key name); empty otherwise. Nothing is fetched: the vault answers at unwrap.
     */
    @Override
    public Optional<KeyEncryptionKey> resolve(String keyId) {
        KeyVaultKeyId id;
        try {
            id = KeyVaultKeyId.parse(keyId, "keyId");
        } catch (StorageException e) {
            return Optional.empty();
        }
        if (!id.sameKey(key) || id.version() == null) {
            return Optional.empty();
        }
        KeyVaultKek known = primary;
        if (known != null && known.keyId().equals(id.toString())) {
            return Optional.of(known);
        }
        return Optional.of(kek(id, settings.algorithm != null ? settings.algorithm : "RSA-OAEP-256"));
    }

    private KeyVaultKek kek(KeyVaultKeyId id, String algorithm) {
        return byId.computeIfAbsent(id.toString(), k -> {
            CryptographyClientBuilder cb = new CryptographyClientBuilder().keyIdentifier(k)
                    .credential(settings.credential).disableKeyCaching();
            if (settings.httpClient != null) {
                cb.httpClient(settings.httpClient);
            }
            settings.policies.forEach(cb::addPolicy);
            if (settings.retryOptions != null) {
                cb.retryOptions(settings.retryOptions);
            }
            return new KeyVaultKek(k, algorithm, cb.buildClient());
        });
    }

    private String algorithmFor(KeyType type) {
        if (settings.algorithm != null) {
            return settings.algorithm;
        }
        if (KeyType.RSA.equals(type) || KeyType.RSA_HSM.equals(type)) {
            return "RSA-OAEP-256";
        }
        if (KeyType.OCT.equals(type) || KeyType.OCT_HSM.equals(type)) {
            return "A256KW";
        }
        throw StorageException.invalidArgument("keyVaultKey", "key " + key + " is of type " + type
                + ", which cannot wrap keys (use an RSA, RSA-HSM or oct-HSM key)");
    }

    @Override
    public String toString() {
        return "KeyVaultKeySource(" + key + ")";
    }

    /** How to reach the vault: the credential, and for tests or proxies the HTTP client and extra policies. */
    public static final class Builder {
        private final KeyVaultKeyId key;
        private TokenCredential credential;
        private HttpClient httpClient;
        private final List<HttpPipelinePolicy> policies = new ArrayList<>();
        private RetryOptions retryOptions;
        private String algorithm;
        private Duration primaryRefresh = Duration.ofHours(1);
        private Clock clock = Clock.systemUTC();

        private Builder(KeyVaultKeyId key) {
            this.key = key;
        }

        /** The Entra ID credential (default: {@code DefaultAzureCredential}). */
        public Builder credential(TokenCredential value) {
            this.credential = value;
            return this;
        }

        /** The HTTP client (default: azure-core's default). */
        public Builder httpClient(HttpClient value) {
            this.httpClient = value;
            return this;
        }

        /** A pipeline policy added to every Key Vault client (per retry unless it says otherwise). */
        public Builder addPolicy(HttpPipelinePolicy value) {
            policies.add(value);
            return this;
        }

        /** How failed requests are retried (default: the SDK's exponential back-off, 3 retries). */
        public Builder retryOptions(RetryOptions value) {
            this.retryOptions = value;
            return this;
        }

        /**
         * The wrap algorithm for new blobs instead of the key type's default ({@code RSA-OAEP-256} for RSA,
         * {@code A256KW} for oct-HSM), e.g. {@code RSA-OAEP} for readers that lack SHA-256 OAEP.
         *
         * @throws StorageException INVALID_ARGUMENT for an algorithm Key Vault does not wrap with
         */
        public Builder wrapAlgorithm(String value) {
            if (!KeyVaultKek.ALGORITHMS.contains(value)) {
                throw StorageException.invalidArgument("wrapAlgorithm", "must be one of " + KeyVaultKek.ALGORITHMS
                        + ", was " + value);
            }
            this.algorithm = value;
            return this;
        }

        /** How long the latest version is used before it is read again (default one hour). */
        public Builder primaryRefresh(Duration value) {
            if (value == null || value.isNegative()) {
                throw StorageException.invalidArgument("primaryRefresh", "must be zero or positive");
            }
            this.primaryRefresh = value;
            return this;
        }

        Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        public KeyVaultKeySource build() {
            if (credential == null) {
                credential = new DefaultAzureCredentialBuilder().build();
            }
            return new KeyVaultKeySource(this);
        }
    }
}
