package io.unistore.local;

import io.unistore.Capabilities;
import io.unistore.Capability;
import io.unistore.ErrorCode;
import io.unistore.MetadataRules;
import io.unistore.NameRule;
import io.unistore.StorageException;
import io.unistore.spi.AccountBackend;
import io.unistore.spi.BlobBackend;
import io.unistore.spi.FileBackend;
import io.unistore.spi.QueueBackend;
import io.unistore.spi.TableBackend;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An account on one data directory: one SQLite database ({@value Database#FILE_NAME}) and one content store
 * shared by the four stores. Thread-safe; several accounts (in this process or others) may use the same
 * directory at once.
 */
final class LocalAccount implements AccountBackend {
    private static final Logger LOG = LoggerFactory.getLogger(LocalAccount.class);
    /** Leftovers of a crashed writer are removed once this old; a live writer renames within moments. */
    private static final Duration LEFTOVER_AGE = Duration.ofHours(1);
    /**
     * Metadata the local provider keeps: whatever any provider can return (Azure's identifiers, S3's lowercase
     * header tokens, Cloud Storage's text keys, which may differ only in case), so it can be the target of any
     * migration: keys and values are text without control characters, keys kept apart by case, 8 KiB in all.
     */
    static final MetadataRules METADATA = new MetadataRules(NameRule.TEXT, MetadataRules.KeyCase.KEPT,
            NameRule.TEXT, 8 * 1024);
    /** Property names: Azure Tables' rule (C# identifiers of any script, at most 255 characters). */
    static final NameRule PROPERTY_NAMES = NameRule.csharpIdentifier(255);

    private final Path root;
    private final Capabilities capabilities;
    private final Database db;
    private final LocalBlobStore blobs;
    private final LocalTableStore tables;
    private final LocalQueueStore queues;
    private final LocalFileStore files;

    LocalAccount(LocalSettings settings) {
        this.root = openRoot(settings.root());
        this.capabilities = capabilities(settings.versioning());
        ContentStore content = new ContentStore(root, settings.durability());
        this.db = new Database(root, settings.durability());
        sweepInBackground(content, db);
        this.blobs = new LocalBlobStore(db, content, settings.versioning());
        this.tables = new LocalTableStore(db);
        this.queues = new LocalQueueStore(db, settings.queueEncoding());
        this.files = new LocalFileStore(db, content);
        LOG.debug("Opened local account on {} (versioning {}, durability {})", root, settings.versioning(),
                settings.durability().optionValue());
    }

    /**
     * Removes what crashed writers left (temporary files, content no row refers to, all older than
     * {@link #LEFTOVER_AGE}) on a daemon thread: the sweep reads every content folder, which on a large account
     * would otherwise hold up every open. Closing the account ends it.
     */
    private static void sweepInBackground(ContentStore content, Database db) {
        Thread t = new Thread(() -> {
            try {
                content.sweep(LEFTOVER_AGE, id -> db.read(s -> ContentRefs.known(s, id)));
            } catch (StorageException e) {
                LOG.debug("Sweep of leftovers stopped: {}", e.getMessage());
            }
        }, "unistore-local-sweep");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /** Creates the directory if missing and resolves it once, links included; the stores never leave it. */
    private static Path openRoot(Path dir) {
        try {
            try {
                Files.createDirectories(dir);
            } catch (FileAlreadyExistsException e) {
                throw StorageException.invalidArgument("address", dir + " exists and is not a directory");
            }
            return dir.toRealPath();
        } catch (IOException e) {
            throw new StorageException(ErrorCode.PERMISSION_DENIED, "cannot open the data directory " + dir + ": "
                    + e.getMessage(), e);
        }
    }

    static Capabilities capabilities(boolean versioning) {
        List<Capability> caps = new ArrayList<>(List.of(Capability.BLOBS, Capability.TABLES, Capability.QUEUES,
                Capability.FILES, Capability.CONTAINER_METADATA, Capability.BLOB_TIERS, Capability.BLOB_ARCHIVE,
                Capability.BLOB_SNAPSHOTS, Capability.BLOB_LEASES, Capability.BLOB_SERVER_SIDE_COPY,
                Capability.TABLE_TRANSACTIONS, Capability.FILE_SHARE_QUOTA, Capability.FILE_MOVE, Capability.QUEUE_PEEK,
                Capability.QUEUE_VISIBILITY_UPDATE, Capability.QUEUE_MESSAGE_UPDATE, Capability.QUEUE_MESSAGE_TTL,
                Capability.QUEUE_STRICT_RECEIPTS, Capability.QUEUE_DEAD_LETTER));
        if (versioning) {
            caps.add(Capability.BLOB_VERSIONS);
        }
        return Capabilities.of(caps.toArray(Capability[]::new)).withMetadataRules(METADATA)
                .withPropertyNames(PROPERTY_NAMES);
    }

    @Override
    public String providerId() {
        return LocalProvider.ID;
    }

    @Override
    public String displayName() {
        return "local:" + root;
    }

    @Override
    public Capabilities capabilities() {
        return capabilities;
    }

    @Override
    public BlobBackend blobs() {
        return blobs;
    }

    @Override
    public TableBackend tables() {
        return tables;
    }

    @Override
    public QueueBackend queues() {
        return queues;
    }

    @Override
    public FileBackend files() {
        return files;
    }

    @Override
    public void close() {
        db.close();
    }

    @Override
    public String toString() {
        return displayName();
    }
}
