package io.unistore.crypto;

import io.unistore.Capabilities;
import io.unistore.Capability;
import io.unistore.MetadataRules;
import io.unistore.spi.AccountBackend;
import io.unistore.spi.BlobBackend;
import io.unistore.spi.FileBackend;
import io.unistore.spi.ForwardingAccountBackend;
import io.unistore.spi.Layer;
import io.unistore.spi.TableBackend;
import java.util.Objects;

/**
 * Client-side encryption as a layer over any provider, in the Azure Storage client-side encryption v2 format (so
 * Microsoft's {@code EncryptedBlobClient} reads what it writes and the reverse): each blob gets a fresh AES-256
 * content key, wrapped by the key source's primary key-encryption key into the blob's {@code encryptiondata}
 * metadata.
 *
 * <pre>{@code
 * KeySource keys = LocalKeyset.open(Path.of("keys.json"), password);
 * StorageAccount account = Unistore.builder().address(address).layer(EncryptionLayer.of(keys)).open();
 * }</pre>
 *
 * <p>Through the layer the account declares neither presigned URLs nor copies from a URL (both would move
 * ciphertext without its key), and {@value #RESERVED_METADATA_BYTES} fewer bytes of metadata (the encryption data
 * takes them).
 */
public final class EncryptionLayer implements Layer {
    /** Metadata bytes kept for {@code encryptiondata} (its JSON with a long key id and an RSA-wrapped key fits). */
    public static final int RESERVED_METADATA_BYTES = 1024;
    private final KeySource keys;
    private final boolean requireEncryption;
    private final EncryptedProperties tableProperties;

    private EncryptionLayer(KeySource keys, boolean requireEncryption, EncryptedProperties tableProperties) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.requireEncryption = requireEncryption;
        this.tableProperties = tableProperties;
    }

    /** Encrypts with the source's primary key; reads blobs stored without encryption as they are. */
    public static EncryptionLayer of(KeySource keys) {
        return new EncryptionLayer(keys, false, EncryptedProperties.NONE);
    }

    /** The same layer refusing (PERMISSION_DENIED) to read blobs stored without encryption. */
    public EncryptionLayer requiringEncryption() {
        return new EncryptionLayer(keys, true, tableProperties);
    }

    /**
     * The same layer encrypting these table properties too, each value with AES-256-GCM under a data key of its own
     * (wrapped by the key source), bound to its table, keys and property name; see the module's README.
     *
     * @param spec {@code Table.property} entries separated by commas, {@code *.property} for every table, e.g.
     *        {@code Customers.ssn,Customers.card,*.secret}
     * @throws io.unistore.StorageException INVALID_ARGUMENT naming {@code tableProperties} for a bad entry
     */
    public EncryptionLayer encryptingTableProperties(String spec) {
        return encryptingTableProperties(spec, "tableProperties");
    }

    /** As above, errors naming {@code option}. */
    EncryptionLayer encryptingTableProperties(String spec, String option) {
        return new EncryptionLayer(keys, requireEncryption, EncryptedProperties.parse(Objects.requireNonNull(spec,
                "spec"), option));
    }

    /** Where this layer's keys come from (a key rotation needs the same source). */
    public KeySource keySource() {
        return keys;
    }

    @Override
    public AccountBackend apply(AccountBackend inner) {
        return new ForwardingAccountBackend(inner) {
            @Override
            public Capabilities capabilities() {
                Capabilities c = super.capabilities().without(Capability.BLOB_PRESIGNED_URLS)
                        .without(Capability.BLOB_COPY_FROM_URL);
                MetadataRules m = c.metadataRules();
                return c.withMetadataRules(new MetadataRules(m.keys(), m.keyCase(), m.values(),
                        Math.max(1, m.maxTotalBytes() - RESERVED_METADATA_BYTES)));
            }

            @Override
            public BlobBackend blobs() {
                return new EncryptingBlobBackend(super.blobs(), keys, requireEncryption);
            }

            @Override
            public TableBackend tables() {
                return tableProperties.isEmpty() ? super.tables()
                        : new EncryptingTableBackend(super.tables(), keys, tableProperties, requireEncryption);
            }

            @Override
            public FileBackend files() {
                return new EncryptingFileBackend(super.files(), keys, requireEncryption);
            }
        };
    }
}
