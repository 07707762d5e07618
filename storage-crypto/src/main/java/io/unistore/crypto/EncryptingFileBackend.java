package io.unistore.crypto;

import io.unistore.ByteRange;
import io.unistore.ErrorCode;
import io.unistore.PagedIterable;
import io.unistore.StorageException;
import io.unistore.file.FileItem;
import io.unistore.file.FileProperties;
import io.unistore.file.FileUploadOptions;
import io.unistore.file.ListFilesOptions;
import io.unistore.spi.AtomicFiles;
import io.unistore.spi.FileBackend;
import io.unistore.spi.ForwardingFileBackend;
import io.unistore.spi.LocalFiles;
import io.unistore.spi.Streams;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * Files encrypted on the client exactly as blobs are (the Azure client-side encryption v2 layout, the
 * {@code encryptiondata} in the file's metadata): the same {@link EncryptedWrite} and {@link EncryptedRead}, so a
 * file and a blob holding the same content key read alike. Users see plaintext sizes and their own metadata only.
 *
 * <p>File shares have no conditional requests, so a read cannot pin the content its encryption data was read with:
 * a file replaced between the two fails its regions' authentication (PERMISSION_DENIED), never returns the wrong
 * plaintext. Listings read each file's properties (one request per file) for its plaintext size.
 */
final class EncryptingFileBackend extends ForwardingFileBackend {
    private final KeySource keys;
    private final boolean requireEncryption;

    EncryptingFileBackend(FileBackend delegate, KeySource keys, boolean requireEncryption) {
        super(delegate);
        this.keys = keys;
        this.requireEncryption = requireEncryption;
    }

    @Override
    public FileProperties upload(String share, String path, InputStream content, FileUploadOptions options) {
        StoredBlobs.refuseReserved(options.metadata());
        EncryptedWrite encrypted = new EncryptedWrite(content, keys, null, options.progress(), options.length());
        FileUploadOptions stored = options.withMetadata(StoredBlobs.withEncryptionData(options.metadata(),
                encrypted.encryptionData())).withProgress(null).withLength(encrypted.storedLength());
        return plain(super.upload(share, path, encrypted.ciphertext(), stored));
    }

    @Override
    public FileProperties upload(String share, String path, Path file, FileUploadOptions options) {
        return LocalFiles.read(file, in -> upload(share, path, in, options));
    }

    @Override
    public void createDirectory(String share, String path, Map<String, String> metadata) {
        StoredBlobs.refuseReserved(metadata);
        super.createDirectory(share, path, metadata);
    }

    @Override
    public void setMetadata(String share, String path, Map<String, String> metadata) {
        StoredBlobs.refuseReserved(metadata);
        FileProperties stored = super.getProperties(share, path);
        String json = stored.directory() ? null : StoredBlobs.encryptionData(stored.metadata());
        super.setMetadata(share, path, json == null ? metadata : StoredBlobs.withEncryptionData(metadata, json));
    }

    @Override
    public InputStream openInputStream(String share, String path, ByteRange range) {
        FileProperties stored = super.getProperties(share, path);
        String where = "file " + share + "/" + path;
        String json = stored.directory() ? null : StoredBlobs.encryptionData(stored.metadata());
        if (json == null) {
            if (requireEncryption && !stored.directory()) {
                throw new StorageException(ErrorCode.PERMISSION_DENIED, where + " is not encrypted, and the "
                        + "encryption layer requires encryption (encryption.required=true)");
            }
            return super.openInputStream(share, path, range);
        }
        EncryptedRead read = new EncryptedRead(json, stored.size(), range, keys, where);
        return read.empty() ? InputStream.nullInputStream()
                : read.decrypt(super.openInputStream(share, path, read.storedRange()));
    }

    @Override
    public FileProperties downloadToFile(String share, String path, Path file) {
        FileProperties properties = getProperties(share, path);
        AtomicFiles.write(file, out -> {
            try (InputStream in = openInputStream(share, path, null)) {
                Streams.copy(in, out, null, -1);
            }
        });
        return properties;
    }

    @Override
    public FileProperties getProperties(String share, String path) {
        return plain(super.getProperties(share, path));
    }

    @Override
    public PagedIterable<FileItem> list(String share, String directory, ListFilesOptions options) {
        // A listing's sizes are the stored ones, and only the metadata tells an encrypted file: read it.
        return super.list(share, directory, options).map(item -> {
            if (item.directory()) {
                return item;
            }
            try {
                return new FileItem(item.name(), item.path(), false, getProperties(share, item.path()).size());
            } catch (StorageException e) {
                if (e.code() == ErrorCode.NOT_FOUND) {
                    return item; // deleted since the listing: shown as listed
                }
                throw e;
            }
        });
    }

    /** The properties as users see them: the plaintext's size and MD5, their own metadata. */
    private FileProperties plain(FileProperties stored) {
        String json = stored.directory() ? null : StoredBlobs.encryptionData(stored.metadata());
        if (json == null) {
            return stored;
        }
        long size = StoredBlobs.plaintextSize(stored.size(), json, "file " + stored.share() + "/" + stored.path());
        return new FileProperties(stored.share(), stored.path(), false, size, stored.contentType(), null,
                stored.etag(), stored.lastModified(), StoredBlobs.userMetadata(stored.metadata()));
    }
}
