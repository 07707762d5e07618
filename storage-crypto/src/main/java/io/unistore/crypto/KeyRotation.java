package io.unistore.crypto;

import io.unistore.ErrorCode;
import io.unistore.Page;
import io.unistore.RequestConditions;
import io.unistore.StorageAccount;
import io.unistore.StorageException;
import io.unistore.blob.BlobItem;
import io.unistore.blob.BlobProperties;
import io.unistore.blob.BlobStore;
import io.unistore.blob.ListBlobsOptions;
import io.unistore.blob.ReadOptions;
import io.unistore.blob.UploadOptions;
import io.unistore.file.FileItem;
import io.unistore.file.FileProperties;
import io.unistore.file.FileStore;
import io.unistore.file.FileUploadOptions;
import io.unistore.file.ListFilesOptions;
import io.unistore.table.TableEntity;
import io.unistore.table.TableQuery;
import io.unistore.table.TableStore;
import io.unistore.table.UpdateMode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Key rotation over the blobs of a container, the files of a share and the encrypted property values of a table:
 * after {@link LocalKeyset#rotate()} (or a new key version elsewhere), {@link #rewrap}, {@link #rewrapFiles} and
 * {@link #rewrapTable} wrap every content (or data) key under the source's primary key without touching content,
 * one metadata (or merge) write per item; {@link #reencrypt}, {@link #reencryptFiles} and {@link #reencryptTable}
 * write every item anew under a fresh key, for when a content key itself may be exposed.
 *
 * <p>All go through their items page by page and report after each; each report carries the token to resume from
 * (just after that item), so a stopped rotation continues where it was ({@link Options#continuationToken()},
 * {@link Options#limit()} for runs of a bounded size), and running it again is harmless: items already under the
 * primary key are left alone by a re-wrap. An item that cannot be rotated (its key is not in the source, say) is
 * counted and named in the report, and the rotation goes on.
 *
 * <p>The re-wraps work on the account <em>without</em> the encryption layer (they read and write the
 * {@code encryptiondata} metadata and the sealed values the layer hides); the re-encryptions on the account
 * <em>with</em> it.
 */
public final class KeyRotation {
    private static final int ATTEMPTS = 3;

    private KeyRotation() {
    }

    /**
     * Which items, where to resume, how many, and who is told.
     *
     * @param prefix only blobs whose names start with this (files: whose paths do; entities: whose PartitionKeys
     *        do), or null
     * @param pageSize items per listing page, or 0 for the default
     * @param continuationToken a report's token to resume from, or null to start at the beginning
     * @param limit items to examine in this run at most (the report's token resumes after them), or 0 for all
     * @param progress told after each item, or null; what it throws stops the rotation (the last report it was
     *        given resumes it)
     */
    public record Options(String prefix, int pageSize, String continuationToken, int limit,
                          Consumer<RotationReport> progress) {
        public Options {
            if (pageSize < 0) {
                throw StorageException.invalidArgument("pageSize", "must be 0 (default) or positive, was " + pageSize);
            }
            if (limit < 0) {
                throw StorageException.invalidArgument("limit", "must be 0 (no limit) or positive, was " + limit);
            }
        }

        /** Without a limit. */
        public Options(String prefix, int pageSize, String continuationToken, Consumer<RotationReport> progress) {
            this(prefix, pageSize, continuationToken, 0, progress);
        }

        /** Every item, from the start, telling no one. */
        public static Options defaults() {
            return new Options(null, 0, null, 0, null);
        }
    }

    /**
     * Re-wraps the content key of every encrypted blob under {@code keys.primary()}.
     *
     * @param raw the account without the encryption layer
     * @throws StorageException PERMISSION_DENIED naming the key id when a blob's key is not in {@code keys}
     */
    public static RotationReport rewrap(StorageAccount raw, KeySource keys, String container, Options options) {
        KeyEncryptionKey primary = keys.primary();
        BlobStore blobs = raw.blobs();
        return blobWalk(blobs, container, options).run(options, (item, counts) -> {
            if (StoredBlobs.encryptionData(item.properties().metadata()) == null) {
                counts.unencrypted++;
                return;
            }
            for (int attempt = 1; ; attempt++) {
                BlobProperties p = attempt == 1 ? item.properties() : blobs.getProperties(container, item.name());
                String fresh = rewrapped(p.metadata(), keys, primary, "blob " + container + "/" + item.name());
                if (fresh == null) {
                    counts.current++;
                    return;
                }
                try {
                    blobs.setMetadata(container, item.name(), StoredBlobs.withEncryptionData(
                            StoredBlobs.userMetadata(p.metadata()), fresh), RequestConditions.ifMatch(p.etag()));
                    counts.rewrapped++;
                    return;
                } catch (StorageException e) {
                    // Written in between: read it again (it may already be under the primary key).
                    if (e.code() != ErrorCode.PRECONDITION_FAILED || attempt == ATTEMPTS) {
                        throw e;
                    }
                }
            }
        });
    }

    /**
     * Writes every blob anew through the encryption layer: a fresh content key wrapped by the primary key. Each
     * blob goes through a temporary file and is written back only if it did not change meanwhile.
     *
     * @param encrypted the account with the encryption layer
     */
    public static RotationReport reencrypt(StorageAccount encrypted, String container, Options options) {
        BlobStore blobs = encrypted.blobs();
        return blobWalk(blobs, container, options).run(options, (item, counts) -> {
            BlobProperties p = item.properties();
            throughTemporaryFile(container + "/" + item.name(), tmp -> {
                blobs.downloadToFile(container, item.name(), tmp, ReadOptions.defaults()
                        .withConditions(RequestConditions.ifMatch(p.etag())));
                try (InputStream in = Files.newInputStream(tmp)) {
                    blobs.upload(container, item.name(), in, UploadOptions.builder().contentType(p.contentType())
                            .contentEncoding(p.contentEncoding()).cacheControl(p.cacheControl())
                            .contentDisposition(p.contentDisposition()).metadata(p.metadata())
                            .conditions(RequestConditions.ifMatch(p.etag())).length(Files.size(tmp)).build());
                }
            });
            counts.rewrapped++;
        });
    }

    /**
     * Re-wraps the content key of every encrypted file of a share (the whole tree; {@link Options#prefix()} is a
     * path prefix) under {@code keys.primary()}: one metadata write per file, content untouched.
     *
     * <p>File shares have no conditional requests: a file replaced between this rotation's read of its metadata and
     * its write keeps the encryption data of the content it replaced, and no longer reads (PERMISSION_DENIED). Rotate
     * a share while nothing writes to it, or upload such a file again.
     *
     * @param raw the account without the encryption layer
     */
    public static RotationReport rewrapFiles(StorageAccount raw, KeySource keys, String share, Options options) {
        KeyEncryptionKey primary = keys.primary();
        FileStore files = raw.files();
        return fileWalk(files, share, options).run(options, (item, counts) -> {
            FileProperties p = files.getProperties(share, item.path());
            if (StoredBlobs.encryptionData(p.metadata()) == null) {
                counts.unencrypted++;
                return;
            }
            String fresh = rewrapped(p.metadata(), keys, primary, "file " + share + "/" + item.path());
            if (fresh == null) {
                counts.current++;
                return;
            }
            files.setMetadata(share, item.path(), StoredBlobs.withEncryptionData(StoredBlobs.userMetadata(
                    p.metadata()), fresh));
            counts.rewrapped++;
        });
    }

    /**
     * Writes every file of a share anew through the encryption layer, under a fresh content key (plain files
     * too), through a temporary file. File shares have no conditional requests: a file written meanwhile is
     * overwritten with what was read.
     *
     * @param encrypted the account with the encryption layer
     */
    public static RotationReport reencryptFiles(StorageAccount encrypted, String share, Options options) {
        FileStore files = encrypted.files();
        return fileWalk(files, share, options).run(options, (item, counts) -> {
            throughTemporaryFile(share + "/" + item.path(), tmp -> {
                FileProperties p = files.downloadToFile(share, item.path(), tmp);
                files.upload(share, item.path(), tmp, FileUploadOptions.defaults().withContentType(p.contentType())
                        .withMetadata(p.metadata()));
            });
            counts.rewrapped++;
        });
    }

    /**
     * Re-wraps the data key of every encrypted property value ({@code ucse1:}) of a table under
     * {@code keys.primary()}: the values' ciphertexts are kept, each entity whose values change is merged back
     * (only those properties), conditional on the ETag read (an entity written meanwhile is read again).
     * {@link Options#prefix()} is a PartitionKey prefix. The report counts entities: rewrapped, already current,
     * and unencrypted (no encrypted value); a failure names the entity as {@code PartitionKey/RowKey}.
     *
     * @param raw the account without the encryption layer
     */
    public static RotationReport rewrapTable(StorageAccount raw, KeySource keys, String table, Options options) {
        KeyEncryptionKey primary = keys.primary();
        TableStore tables = raw.tables();
        return tableWalk(tables, table, options).run(options, (item, counts) -> {
            for (int attempt = 1; ; attempt++) {
                TableEntity e = attempt == 1 ? item : tables.getEntity(table, item.partitionKey(), item.rowKey());
                TableEntity.Builder changed = TableEntity.builder(e.partitionKey(), e.rowKey());
                int sealed = 0;
                int rewrapped = 0;
                for (String name : e.propertyNames()) {
                    if (SealedProperty.sealed(e.get(name))) {
                        sealed++;
                        String fresh = SealedProperty.rewrap((String) e.get(name), keys, primary, "property " + name
                                + " of entity (" + e.partitionKey() + ", " + e.rowKey() + ") in table " + table);
                        if (fresh != null) {
                            changed.put(name, fresh);
                            rewrapped++;
                        }
                    }
                }
                if (sealed == 0) {
                    counts.unencrypted++;
                    return;
                }
                if (rewrapped == 0) {
                    counts.current++;
                    return;
                }
                try {
                    tables.updateEntity(table, changed.build(), UpdateMode.MERGE, e.etag());
                    counts.rewrapped++;
                    return;
                } catch (StorageException ex) {
                    if (ex.code() != ErrorCode.PRECONDITION_FAILED || attempt == ATTEMPTS) {
                        throw ex;
                    }
                }
            }
        });
    }

    /**
     * Writes every entity of a table anew through the encryption layer, conditional on its ETag: the properties
     * the layer encrypts get fresh data keys under the primary key (plain values of those properties are
     * encrypted).
     *
     * @param encrypted the account with the encryption layer
     */
    public static RotationReport reencryptTable(StorageAccount encrypted, String table, Options options) {
        TableStore tables = encrypted.tables();
        return tableWalk(tables, table, options).run(options, (item, counts) -> {
            tables.updateEntity(table, item, UpdateMode.REPLACE, item.etag());
            counts.rewrapped++;
        });
    }

    /** The encryption data under the primary key, or null when the metadata's already is. */
    private static String rewrapped(Map<String, String> metadata, KeySource keys, KeyEncryptionKey primary,
                                    String where) {
        String current = StoredBlobs.encryptionData(metadata);
        EncryptionData data = current == null ? null : EncryptionData.parse(current, where);
        if (data == null || data.keyId().equals(primary.keyId())) {
            return null;
        }
        return ContentKeys.rewrap(data, keys, primary, where).toJson();
    }

    private static RotationWalk<BlobItem> blobWalk(BlobStore blobs, String container, Options options) {
        return new RotationWalk<>(token -> {
            ListBlobsOptions list = ListBlobsOptions.defaults().withPrefix(options.prefix())
                    .withContinuationToken(token).withIncludeMetadata(true);
            if (options.pageSize() > 0) {
                list = list.withPageSize(options.pageSize());
            }
            Page<BlobItem> page = blobs.list(container, list).firstPage();
            return new Page<>(page.items().stream().filter(i -> !i.prefix()).toList(), page.continuationToken());
        }, BlobItem::name, true);
    }

    private static RotationWalk<FileItem> fileWalk(FileStore files, String share, Options options) {
        String prefix = options.prefix() == null ? "" : options.prefix();
        return new RotationWalk<>(token -> {
            ListFilesOptions list = ListFilesOptions.recursively().withContinuationToken(token);
            if (options.pageSize() > 0) {
                list = list.withPageSize(options.pageSize());
            }
            Page<FileItem> page = files.list(share, "", list).firstPage();
            return new Page<>(page.items().stream().filter(i -> !i.directory() && i.path().startsWith(prefix))
                    .toList(), page.continuationToken());
        }, FileItem::path, false);
    }

    private static RotationWalk<TableEntity> tableWalk(TableStore tables, String table, Options options) {
        String prefix = options.prefix() == null ? "" : options.prefix();
        return new RotationWalk<>(token -> {
            TableQuery query = TableQuery.all().withContinuationToken(token);
            if (options.pageSize() > 0) {
                query = query.withPageSize(options.pageSize());
            }
            Page<TableEntity> page = tables.query(table, query).firstPage();
            return new Page<>(page.items().stream().filter(e -> e.partitionKey().startsWith(prefix)).toList(),
                    page.continuationToken());
        }, e -> e.partitionKey() + "/" + e.rowKey(), false);
    }

    private interface WithFile {
        void accept(Path tmp) throws IOException;
    }

    private static void throughTemporaryFile(String what, WithFile work) {
        Path tmp = null;
        try {
            tmp = Files.createTempFile("unistore-reencrypt", ".bin");
            work.accept(tmp);
        } catch (IOException e) {
            throw new StorageException(ErrorCode.UNAVAILABLE, "re-encrypting " + what + " needs a temporary file: "
                    + e.getClass().getSimpleName());
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // A temporary file left behind is only disk space.
                }
            }
        }
    }
}
