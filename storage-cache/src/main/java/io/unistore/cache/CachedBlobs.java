package io.unistore.cache;

import io.unistore.ErrorCode;
import io.unistore.RequestConditions;
import io.unistore.StorageException;
import io.unistore.blob.AccessTier;
import io.unistore.blob.BatchDeleteResult;
import io.unistore.blob.BlobProperties;
import io.unistore.blob.BlobWriteResult;
import io.unistore.blob.CopyOptions;
import io.unistore.blob.DeleteBlobOptions;
import io.unistore.blob.ReadOptions;
import io.unistore.blob.UploadOptions;
import io.unistore.spi.BlobBackend;
import io.unistore.spi.ForwardingBlobBackend;
import io.unistore.spi.Streams;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;

/**
 * The blob store of a {@link CacheLayer}: properties of current blobs, and the content of small ones, dropped by
 * every write to the blob through the layer. Content is read with {@code ifMatch} of the properties' ETag, so what
 * is kept is exactly the version those properties describe; with revalidation, a cached content is served only
 * after a properties call confirms its ETag.
 */
final class CachedBlobs extends ForwardingBlobBackend {
    private final ReadCache cache;
    private final String account;
    private final long maxBlobBytes;
    private final boolean revalidate;

    /** A cached content and the ETag it was read at. */
    private record Content(byte[] bytes, String etag) {
    }

    CachedBlobs(BlobBackend delegate, ReadCache cache, String account, long maxBlobBytes, boolean revalidate) {
        super(delegate);
        this.cache = cache;
        this.account = account;
        this.maxBlobBytes = maxBlobBytes;
        this.revalidate = revalidate;
    }

    private ReadCache.Key key(CachedKind kind, String container, String blob) {
        return new ReadCache.Key(kind, account + "\n" + container, blob, null);
    }

    /** Only the whole current blob, read unconditionally, is cached. */
    private static boolean plain(ReadOptions o) {
        return o == null || o.range() == null && o.versionId() == null && o.snapshot() == null
                && (o.conditions() == null || o.conditions().isEmpty());
    }

    @Override
    public BlobProperties getProperties(String container, String blob, ReadOptions options) {
        if (!plain(options)) {
            return super.getProperties(container, blob, options);
        }
        return cache.get(key(CachedKind.BLOB_PROPERTIES, container, blob),
                () -> super.getProperties(container, blob, options), Weights::properties);
    }

    @Override
    public InputStream openInputStream(String container, String blob, ReadOptions options) {
        if (!plain(options) || options.progress() != null) {
            return super.openInputStream(container, blob, options);
        }
        ReadCache.Key key = key(CachedKind.BLOB_CONTENT, container, blob);
        if (cache.peek(key) instanceof Content c) {
            if (!revalidate || c.etag().equals(super.getProperties(container, blob, ReadOptions.defaults()).etag())) {
                cache.hit(CachedKind.BLOB_CONTENT);
                return new ByteArrayInputStream(c.bytes());
            }
            cache.invalidate(key);
            cache.invalidate(key(CachedKind.BLOB_PROPERTIES, container, blob));
        }
        cache.miss(CachedKind.BLOB_CONTENT);
        long generation = cache.generation();
        BlobProperties props = getProperties(container, blob, ReadOptions.defaults());
        if (props.size() > maxBlobBytes || props.etag() == null) {
            return super.openInputStream(container, blob, options);
        }
        byte[] bytes;
        try (InputStream in = super.openInputStream(container, blob,
                ReadOptions.defaults().withConditions(RequestConditions.ifMatch(props.etag())))) {
            bytes = in.readNBytes((int) maxBlobBytes + 1);
        } catch (StorageException e) {
            if (e.code() == ErrorCode.PRECONDITION_FAILED) {
                // Changed since its (maybe cached) properties were read: serve it uncached, and forget them.
                cache.invalidate(key(CachedKind.BLOB_PROPERTIES, container, blob));
                return super.openInputStream(container, blob, options);
            }
            throw e;
        } catch (IOException e) {
            throw Streams.ioFailure("reading " + container + "/" + blob, e);
        }
        if (bytes.length <= maxBlobBytes) {
            cache.keep(key, new Content(bytes, props.etag()), bytes.length + 128, generation);
        }
        return new ByteArrayInputStream(bytes);
    }

    private void dropBlob(String container, String blob) {
        cache.invalidate(key(CachedKind.BLOB_PROPERTIES, container, blob));
        cache.invalidate(key(CachedKind.BLOB_CONTENT, container, blob));
    }

    @Override
    public boolean deleteContainer(String container) {
        try {
            return super.deleteContainer(container);
        } finally {
            String scope = account + "\n" + container;
            cache.invalidateIf(k -> k.kind() != CachedKind.ENTITY && k.scope().equals(scope));
        }
    }

    @Override
    public BlobWriteResult upload(String container, String blob, InputStream content, UploadOptions options) {
        try {
            return super.upload(container, blob, content, options);
        } finally {
            dropBlob(container, blob);
        }
    }

    @Override
    public BlobWriteResult upload(String container, String blob, Path file, UploadOptions options) {
        try {
            return super.upload(container, blob, file, options);
        } finally {
            dropBlob(container, blob);
        }
    }

    @Override
    public BlobWriteResult setMetadata(String container, String blob, Map<String, String> metadata,
                                       RequestConditions conditions) {
        try {
            return super.setMetadata(container, blob, metadata, conditions);
        } finally {
            dropBlob(container, blob);
        }
    }

    @Override
    public BlobWriteResult copy(String sourceContainer, String sourceBlob, String targetContainer, String targetBlob,
                                CopyOptions options) {
        try {
            return super.copy(sourceContainer, sourceBlob, targetContainer, targetBlob, options);
        } finally {
            dropBlob(targetContainer, targetBlob);
        }
    }

    @Override
    public BlobWriteResult copyFromUrl(URI source, String targetContainer, String targetBlob, CopyOptions options) {
        try {
            return super.copyFromUrl(source, targetContainer, targetBlob, options);
        } finally {
            dropBlob(targetContainer, targetBlob);
        }
    }

    @Override
    public boolean delete(String container, String blob, DeleteBlobOptions options) {
        try {
            return super.delete(container, blob, options);
        } finally {
            dropBlob(container, blob);
        }
    }

    @Override
    public BatchDeleteResult deleteBlobs(String container, Collection<String> blobs) {
        try {
            return super.deleteBlobs(container, blobs);
        } finally {
            blobs.forEach(b -> dropBlob(container, b));
        }
    }

    @Override
    public void setTier(String container, String blob, AccessTier tier) {
        try {
            super.setTier(container, blob, tier);
        } finally {
            dropBlob(container, blob);
        }
    }

    @Override
    public String createSnapshot(String container, String blob, Map<String, String> metadata) {
        try {
            return super.createSnapshot(container, blob, metadata);
        } finally {
            dropBlob(container, blob);
        }
    }

    @Override
    public BlobWriteResult restoreVersion(String container, String blob, String versionId) {
        try {
            return super.restoreVersion(container, blob, versionId);
        } finally {
            dropBlob(container, blob);
        }
    }

    // Leases change the lease state the properties report.

    @Override
    public String acquireLease(String container, String blob, Duration duration, String proposedLeaseId) {
        try {
            return super.acquireLease(container, blob, duration, proposedLeaseId);
        } finally {
            dropBlob(container, blob);
        }
    }

    @Override
    public void renewLease(String container, String blob, String leaseId) {
        try {
            super.renewLease(container, blob, leaseId);
        } finally {
            dropBlob(container, blob);
        }
    }

    @Override
    public void releaseLease(String container, String blob, String leaseId) {
        try {
            super.releaseLease(container, blob, leaseId);
        } finally {
            dropBlob(container, blob);
        }
    }

    @Override
    public void breakLease(String container, String blob) {
        try {
            super.breakLease(container, blob);
        } finally {
            dropBlob(container, blob);
        }
    }
}
