package io.unistore.azure;

import io.unistore.Capabilities;
import io.unistore.Capability;
import io.unistore.MetadataRules;
import io.unistore.NameRule;
import io.unistore.Limits;
import io.unistore.azure.AzureAddress.CredentialKind;
import io.unistore.azure.AzureAddress.Service;
import io.unistore.queue.QueueMessageEncoding;
import io.unistore.spi.AccountBackend;
import io.unistore.spi.BlobBackend;
import io.unistore.spi.FileBackend;
import io.unistore.spi.ProviderConfig;
import io.unistore.spi.QueueBackend;
import io.unistore.spi.TableBackend;
import java.util.EnumSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** One Azure Storage account: the stores its address reaches, sharing one set of SDK clients. */
final class AzureAccount implements AccountBackend {
    /** Azure's largest queue message: 64 KiB of text (UTF-8), so 48 KiB of bytes once base64-encoded. */
    static final int MAX_QUEUE_MESSAGE_BYTES = 64 * 1024;
    /**
     * Azure's metadata rules (blobs, containers, queues, shares, files): names are C# identifiers sent as
     * {@code x-ms-meta-*} headers, so ASCII ones, kept in their case but compared ignoring it; values are header
     * text (printable ASCII); 8 KiB in all.
     */
    static final MetadataRules METADATA = new MetadataRules(NameRule.ASCII_IDENTIFIER,
            MetadataRules.KeyCase.KEPT_IGNORING_CASE, NameRule.PRINTABLE_ASCII, 8 * 1024);
    /** Azure Tables' property names: C# identifiers (letters of any script) of at most 255 characters. */
    static final NameRule PROPERTY_NAMES = NameRule.csharpIdentifier(255);
    /**
     * Azure's limits: pages of 1000 (Tables' largest; Blob, Queue and Files lists would take 5000, but one page
     * size serves every store), 100 actions per transaction, messages of 64 KiB, 32 messages per receive.
     */
    static final Limits LIMITS = new Limits(1000, 100, MAX_QUEUE_MESSAGE_BYTES, 32);

    private final AzureAddress address;
    private final AzureClients clients;
    private final Capabilities capabilities;
    private final Tuning tuning;
    private final QueueMessageEncoding queueEncoding;
    private final ExecutorService transfers;
    private volatile AzureBlobStore blobs;
    private volatile AzureTableStore tables;
    private volatile AzureQueueStore queues;
    private volatile AzureFileStore files;

    AzureAccount(AzureAddress address, ProviderConfig config, AzureClients clients) {
        this.address = address;
        this.clients = clients;
        this.capabilities = capabilities(address, config.booleanOption("versioning", true));
        this.tuning = Tuning.from(config);
        this.queueEncoding = QueueMessageEncoding.parse(QueueMessageEncoding.OPTION,
                config.option(QueueMessageEncoding.OPTION, QueueMessageEncoding.NONE.optionValue()));
        AtomicInteger n = new AtomicInteger();
        this.transfers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "unistore-azure-transfer-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * What an address allows: the services it reaches; presigned URLs need a key or Entra ID (a SAS cannot sign
     * another SAS); versions unless {@code versioning=false} says the back end has none (Azurite). With Azure's
     * {@link #LIMITS} and rules ({@link #METADATA}, {@link #PROPERTY_NAMES}), which the API enforces.
     */
    static Capabilities capabilities(AzureAddress address, boolean versioning) {
        EnumSet<Capability> set = EnumSet.noneOf(Capability.class);
        if (address.has(Service.BLOB)) {
            set.addAll(EnumSet.of(Capability.BLOBS, Capability.CONTAINER_METADATA, Capability.BLOB_TIERS,
                    Capability.BLOB_ARCHIVE, Capability.BLOB_SNAPSHOTS, Capability.BLOB_LEASES,
                    Capability.BLOB_COPY_FROM_URL, Capability.BLOB_SERVER_SIDE_COPY, Capability.BLOB_TAGS,
                    Capability.BLOB_TAG_QUERIES));
            if (versioning) {
                set.add(Capability.BLOB_VERSIONS);
            }
            if (address.credential().kind() != CredentialKind.SAS) {
                set.add(Capability.BLOB_PRESIGNED_URLS);
            }
        }
        if (address.has(Service.TABLE)) {
            set.add(Capability.TABLES);
            set.add(Capability.TABLE_TRANSACTIONS);
        }
        if (address.has(Service.QUEUE)) {
            set.addAll(EnumSet.of(Capability.QUEUES, Capability.QUEUE_PEEK, Capability.QUEUE_VISIBILITY_UPDATE,
                    Capability.QUEUE_MESSAGE_UPDATE, Capability.QUEUE_MESSAGE_TTL,
                    Capability.QUEUE_STRICT_RECEIPTS));
        }
        if (address.has(Service.FILE)) {
            set.add(Capability.FILES);
            set.add(Capability.FILE_SHARE_QUOTA);
            set.add(Capability.FILE_MOVE);
        }
        return Capabilities.of(set.toArray(Capability[]::new))
                .withLimits(LIMITS)
                .withMetadataRules(METADATA).withPropertyNames(PROPERTY_NAMES);
    }

    @Override
    public String providerId() {
        return AzureProvider.ID;
    }

    @Override
    public String displayName() {
        return address.describe();
    }

    @Override
    public Capabilities capabilities() {
        return capabilities;
    }

    @Override
    public BlobBackend blobs() {
        AzureBlobStore b = blobs;
        if (b == null) {
            synchronized (this) {
                if (blobs == null) {
                    blobs = new AzureBlobStore(clients.blobService(), clients.tokenCredential() != null, tuning,
                            transfers);
                }
                b = blobs;
            }
        }
        return b;
    }

    @Override
    public TableBackend tables() {
        AzureTableStore t = tables;
        if (t == null) {
            synchronized (this) {
                if (tables == null) {
                    tables = new AzureTableStore(clients.tableService());
                }
                t = tables;
            }
        }
        return t;
    }

    @Override
    public QueueBackend queues() {
        AzureQueueStore q = queues;
        if (q == null) {
            synchronized (this) {
                if (queues == null) {
                    queues = new AzureQueueStore(clients.queueService(), queueEncoding);
                }
                q = queues;
            }
        }
        return q;
    }

    @Override
    public FileBackend files() {
        AzureFileStore f = files;
        if (f == null) {
            synchronized (this) {
                if (files == null) {
                    files = new AzureFileStore(clients.shareService(), tuning, transfers);
                }
                f = files;
            }
        }
        return f;
    }

    @Override
    public void close() {
        transfers.shutdownNow();
    }

    @Override
    public String toString() {
        return displayName();
    }
}
