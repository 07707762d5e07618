package io.unistore.crypto;

import io.unistore.ErrorCode;
import io.unistore.ListOptions;
import io.unistore.PagedIterable;
import io.unistore.RequestConditions;
import io.unistore.StorageException;
import io.unistore.blob.BlobItem;
import io.unistore.blob.BlobProperties;
import io.unistore.blob.BlobWriteResult;
import io.unistore.blob.CopyOptions;
import io.unistore.blob.ListBlobsOptions;
import io.unistore.blob.PresignOptions;
import io.unistore.blob.ReadOptions;
import io.unistore.blob.UploadOptions;
import io.unistore.spi.AtomicFiles;
import io.unistore.spi.BlobBackend;
import io.unistore.spi.ForwardingBlobBackend;
import io.unistore.spi.LocalFiles;
import io.unistore.spi.Streams;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Blobs encrypted on the client in the Azure Storage client-side encryption v2 format: content goes down as
 * AES-256-GCM regions under a fresh content key, which the key source's primary key wraps into the blob's
 * {@code encryptiondata} metadata; reads fetch only the regions a range touches and check each region's tag before
 * releasing its bytes. Users see plaintext sizes and their own metadata only.
 */
final class EncryptingBlobBackend extends ForwardingBlobBackend {
    private static final int SET_METADATA_ATTEMPTS = 5;
    private final KeySource keys;
    private final boolean requireEncryption;

    EncryptingBlobBackend(BlobBackend delegate, KeySource keys, boolean requireEncryption) {
        super(delegate);
        this.keys = keys;
        this.requireEncryption = requireEncryption;
    }

    // ---- writing ------------------------------------------------------------------------------------

    @Override
    public BlobWriteResult upload(String container, String blob, InputStream content, UploadOptions options) {
        StoredBlobs.refuseReserved(options.metadata());
        EncryptedWrite encrypted = new EncryptedWrite(content, keys, options.contentMd5(), options.progress(),
                options.length());
        UploadOptions stored = options.withMetadata(StoredBlobs.withEncryptionData(options.metadata(),
                encrypted.encryptionData())).withContentMd5(null).withProgress(null)
                .withLength(encrypted.storedLength());
        BlobWriteResult result;
        try {
            result = super.upload(container, blob, encrypted.ciphertext(), stored);
        } catch (RuntimeException e) {
            if (encrypted.md5Mismatch()) {
                throw StorageException.invalidArgument("contentMd5", "must be the MD5 of the content sent; it was not, "
                        + "and nothing was stored");
            }
            throw e;
        }
        if (encrypted.md5Mismatch()) {
            // A provider that swallowed the failed read must not make a mismatch look like success.
            throw new StorageException(ErrorCode.INTERNAL, "the content's MD5 did not match but the provider stored "
                    + container + "/" + blob);
        }
        return new BlobWriteResult(result.etag(), result.lastModified(), EncryptedWrite.plaintextLength(result.size()),
                encrypted.contentMd5(), result.versionId());
    }

    @Override
    public BlobWriteResult upload(String container, String blob, Path file, UploadOptions options) {
        return LocalFiles.read(file, in -> upload(container, blob, in, options));
    }

    @Override
    public BlobWriteResult setMetadata(String container, String blob, Map<String, String> metadata,
                                       RequestConditions conditions) {
        StoredBlobs.refuseReserved(metadata);
        for (int attempt = 1; ; attempt++) {
            BlobProperties stored = super.getProperties(container, blob,
                    ReadOptions.defaults().withConditions(conditions));
            String json = StoredBlobs.encryptionData(stored.metadata());
            if (json == null) {
                return super.setMetadata(container, blob, metadata, conditions);
            }
            // Pin the ETag read, so encryption data never lands on content written in between.
            boolean pinned = conditions.ifMatch() == null;
            RequestConditions pinning = pinned ? conditions.withIfMatch(stored.etag()) : conditions;
            try {
                return super.setMetadata(container, blob, StoredBlobs.withEncryptionData(metadata, json), pinning);
            } catch (StorageException e) {
                if (!pinned || e.code() != ErrorCode.PRECONDITION_FAILED || attempt == SET_METADATA_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    @Override
    public BlobWriteResult copy(String sourceContainer, String sourceBlob, String targetContainer, String targetBlob,
                                CopyOptions options) {
        if (options.metadata() == null) {
            // The service copies the metadata with the content, encryption data included: the copy stays readable.
            BlobWriteResult r = super.copy(sourceContainer, sourceBlob, targetContainer, targetBlob, options);
            return new BlobWriteResult(r.etag(), r.lastModified(), -1, null, r.versionId());
        }
        StoredBlobs.refuseReserved(options.metadata());
        ReadOptions source = ReadOptions.builder().conditions(options.sourceConditions())
                .versionId(options.sourceVersionId()).snapshot(options.sourceSnapshot()).build();
        BlobProperties stored = super.getProperties(sourceContainer, sourceBlob, source);
        String json = StoredBlobs.encryptionData(stored.metadata());
        CopyOptions copy = options;
        if (json != null) {
            copy = copy.withMetadata(StoredBlobs.withEncryptionData(options.metadata(), json));
            if (options.sourceConditions().ifMatch() == null && options.sourceVersionId() == null
                    && options.sourceSnapshot() == null) {
                copy = copy.withSourceConditions(options.sourceConditions().withIfMatch(stored.etag()));
            }
        }
        BlobWriteResult r = super.copy(sourceContainer, sourceBlob, targetContainer, targetBlob, copy);
        return new BlobWriteResult(r.etag(), r.lastModified(), -1, null, r.versionId());
    }

    @Override
    public BlobWriteResult copyFromUrl(URI source, String targetContainer, String targetBlob, CopyOptions options) {
        throw StorageException.unsupported("copyFromUrl through the encryption layer (the service would store "
                + "plaintext, or ciphertext without its key)");
    }

    @Override
    public URI generatePresignedUrl(String container, String blob, PresignOptions options) {
        throw StorageException.unsupported("presigned URLs through the encryption layer (they would serve "
                + "ciphertext)");
    }

    @Override
    public String createSnapshot(String container, String blob, Map<String, String> metadata) {
        if (metadata == null || metadata.isEmpty()) {
            return super.createSnapshot(container, blob, metadata);
        }
        StoredBlobs.refuseReserved(metadata);
        String json = StoredBlobs.encryptionData(super.getProperties(container, blob, ReadOptions.defaults())
                .metadata());
        return super.createSnapshot(container, blob, json == null ? metadata
                : StoredBlobs.withEncryptionData(metadata, json));
    }

    // ---- reading ------------------------------------------------------------------------------------

    @Override
    public InputStream openInputStream(String container, String blob, ReadOptions options) {
        BlobProperties stored = super.getProperties(container, blob, options.withRange(null).withProgress(null));
        String where = "blob " + container + "/" + blob;
        String json = StoredBlobs.encryptionData(stored.metadata());
        if (json == null) {
            if (requireEncryption) {
                throw new StorageException(ErrorCode.PERMISSION_DENIED, where + " is not encrypted, and "
                        + "the encryption layer requires encryption (encryption.required=true)");
            }
            return super.openInputStream(container, blob, options);
        }
        EncryptedRead read = new EncryptedRead(json, stored.size(), options.range(), keys, where);
        if (read.empty()) {
            return InputStream.nullInputStream();
        }
        ReadOptions ciphertext = options.withProgress(null).withRange(read.storedRange());
        String pin = pin(stored, options);
        if (pin != null) {
            // The same content the encryption data was read from, or a clear failure.
            ciphertext = ciphertext.withConditions(options.conditions().withIfMatch(pin));
        }
        return read.decrypt(super.openInputStream(container, blob, ciphertext));
    }

    /** The ETag to pin reads to, so they see the content the encryption data was read from; null if pinned. */
    private static String pin(BlobProperties stored, ReadOptions options) {
        boolean pinned = options.conditions().ifMatch() != null || options.versionId() != null
                || options.snapshot() != null;
        return pinned ? null : stored.etag();
    }

    @Override
    public void downloadToFile(String container, String blob, Path file, ReadOptions options) {
        if (options.range() == null) {
            BlobProperties stored = super.getProperties(container, blob, options.withProgress(null));
            String json = StoredBlobs.encryptionData(stored.metadata());
            if (json == null && !requireEncryption) {
                // A plain blob takes the provider's own (parallel) download, pinned to what was just read.
                String plainPin = pin(stored, options);
                super.downloadToFile(container, blob, file, plainPin == null ? options
                        : options.withConditions(options.conditions().withIfMatch(plainPin)));
                return;
            }
            if (json != null) {
                EncryptedRead read = new EncryptedRead(json, stored.size(), null, keys, "blob " + container + "/"
                        + blob);
                if (ParallelDecryption.worthIt(read)) {
                    new ParallelDecryption(delegate(), container, blob, read, stored.size())
                            .run(file, options, pin(stored, options));
                    return;
                }
            }
        }
        AtomicFiles.write(file, out -> {
            try (InputStream in = openInputStream(container, blob, options)) {
                Streams.copy(in, out, options.progress(), -1);
            }
        });
    }

    @Override
    public BlobProperties getProperties(String container, String blob, ReadOptions options) {
        BlobProperties stored = super.getProperties(container, blob, options);
        String json = StoredBlobs.encryptionData(stored.metadata());
        return StoredBlobs.plain(stored, json == null ? stored.contentMd5()
                : SealedMd5.of(json, keys, "blob " + container + "/" + blob));
    }

    @Override
    public PagedIterable<BlobItem> list(String container, ListBlobsOptions options) {
        // The sizes need the encryption data, which is metadata: always ask for it.
        return super.list(container, options.withIncludeMetadata(true)).map(item -> {
            if (item.prefix()) {
                return item;
            }
            BlobProperties p = StoredBlobs.plain(item.properties(), null);
            return BlobItem.blob(options.includeMetadata() ? p : p.toBuilder().metadata(Map.of()).build());
        });
    }

    @Override
    public List<BlobProperties> listSnapshots(String container, String blob) {
        return super.listSnapshots(container, blob).stream().map(p -> StoredBlobs.plain(p, null)).toList();
    }

    @Override
    public PagedIterable<BlobProperties> listVersions(String container, String blob, ListOptions options) {
        return super.listVersions(container, blob, options).map(p -> StoredBlobs.plain(p, null));
    }
}
