package io.unistore.spi;

import io.unistore.ListOptions;
import io.unistore.PagedIterable;
import io.unistore.RequestConditions;
import io.unistore.blob.AccessTier;
import io.unistore.blob.BatchDeleteResult;
import io.unistore.blob.BlobItem;
import io.unistore.blob.BlobProperties;
import io.unistore.blob.BlobWriteResult;
import io.unistore.blob.ContainerInfo;
import io.unistore.blob.ContainerLifecycleRule;
import io.unistore.blob.CopyOptions;
import io.unistore.blob.DeleteBlobOptions;
import io.unistore.blob.ListBlobsOptions;
import io.unistore.blob.PresignOptions;
import io.unistore.blob.ReadOptions;
import io.unistore.blob.TaggedBlob;
import io.unistore.blob.UploadOptions;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link BlobBackend} that forwards every call, optional ones included, to another: the base of a layer's
 * blob store. Override what the layer changes.
 */
public class ForwardingBlobBackend implements BlobBackend {
    private final BlobBackend delegate;

    /** Forwards to {@code delegate}. */
    public ForwardingBlobBackend(BlobBackend delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** The store below. */
    protected BlobBackend delegate() {
        return delegate;
    }

    @Override
    public void createContainer(String container, Map<String, String> metadata) {
        delegate.createContainer(container, metadata);
    }

    @Override
    public boolean deleteContainer(String container) {
        return delegate.deleteContainer(container);
    }

    @Override
    public boolean containerExists(String container) {
        return delegate.containerExists(container);
    }

    @Override
    public ContainerInfo getContainerProperties(String container) {
        return delegate.getContainerProperties(container);
    }

    @Override
    public void setContainerMetadata(String container, Map<String, String> metadata) {
        delegate.setContainerMetadata(container, metadata);
    }

    @Override
    public PagedIterable<ContainerInfo> listContainers(ListOptions options) {
        return delegate.listContainers(options);
    }

    @Override
    public BlobWriteResult upload(String container, String blob, InputStream content, UploadOptions options) {
        return delegate.upload(container, blob, content, options);
    }

    @Override
    public BlobWriteResult upload(String container, String blob, Path file, UploadOptions options) {
        return delegate.upload(container, blob, file, options);
    }

    @Override
    public BlobWriteResult setMetadata(String container, String blob, Map<String, String> metadata, RequestConditions conditions) {
        return delegate.setMetadata(container, blob, metadata, conditions);
    }

    @Override
    public BlobWriteResult copy(String sourceContainer, String sourceBlob, String targetContainer, String targetBlob, CopyOptions options) {
        return delegate.copy(sourceContainer, sourceBlob, targetContainer, targetBlob, options);
    }

    @Override
    public BlobWriteResult copyFromUrl(URI source, String targetContainer, String targetBlob, CopyOptions options) {
        return delegate.copyFromUrl(source, targetContainer, targetBlob, options);
    }

    @Override
    public InputStream openInputStream(String container, String blob, ReadOptions options) {
        return delegate.openInputStream(container, blob, options);
    }

    @Override
    public void downloadToFile(String container, String blob, Path file, ReadOptions options) {
        delegate.downloadToFile(container, blob, file, options);
    }

    @Override
    public BlobProperties getProperties(String container, String blob, ReadOptions options) {
        return delegate.getProperties(container, blob, options);
    }

    @Override
    public boolean exists(String container, String blob) {
        return delegate.exists(container, blob);
    }

    @Override
    public PagedIterable<BlobItem> list(String container, ListBlobsOptions options) {
        return delegate.list(container, options);
    }

    @Override
    public boolean delete(String container, String blob, DeleteBlobOptions options) {
        return delegate.delete(container, blob, options);
    }

    @Override
    public BatchDeleteResult deleteBlobs(String container, Collection<String> blobs) {
        return delegate.deleteBlobs(container, blobs);
    }

    @Override
    public void setTags(String container, String blob, Map<String, String> tags) {
        delegate.setTags(container, blob, tags);
    }

    @Override
    public Map<String, String> getTags(String container, String blob) {
        return delegate.getTags(container, blob);
    }

    @Override
    public PagedIterable<TaggedBlob> findBlobsByTags(String container, String expression, ListOptions options) {
        return delegate.findBlobsByTags(container, expression, options);
    }

    @Override
    public void setContainerLifecycle(String container, List<ContainerLifecycleRule> rules) {
        delegate.setContainerLifecycle(container, rules);
    }

    @Override
    public List<ContainerLifecycleRule> getContainerLifecycle(String container) {
        return delegate.getContainerLifecycle(container);
    }

    @Override
    public void setTier(String container, String blob, AccessTier tier) {
        delegate.setTier(container, blob, tier);
    }

    @Override
    public String createSnapshot(String container, String blob, Map<String, String> metadata) {
        return delegate.createSnapshot(container, blob, metadata);
    }

    @Override
    public List<BlobProperties> listSnapshots(String container, String blob) {
        return delegate.listSnapshots(container, blob);
    }

    @Override
    public PagedIterable<BlobProperties> listVersions(String container, String blob, ListOptions options) {
        return delegate.listVersions(container, blob, options);
    }

    @Override
    public BlobWriteResult restoreVersion(String container, String blob, String versionId) {
        return delegate.restoreVersion(container, blob, versionId);
    }

    @Override
    public URI generatePresignedUrl(String container, String blob, PresignOptions options) {
        return delegate.generatePresignedUrl(container, blob, options);
    }

    @Override
    public String acquireLease(String container, String blob, Duration duration, String proposedLeaseId) {
        return delegate.acquireLease(container, blob, duration, proposedLeaseId);
    }

    @Override
    public void renewLease(String container, String blob, String leaseId) {
        delegate.renewLease(container, blob, leaseId);
    }

    @Override
    public void releaseLease(String container, String blob, String leaseId) {
        delegate.releaseLease(container, blob, leaseId);
    }

    @Override
    public void breakLease(String container, String blob) {
        delegate.breakLease(container, blob);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + delegate + ")";
    }
}
