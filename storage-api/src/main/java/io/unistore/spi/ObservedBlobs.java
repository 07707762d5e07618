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
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The blob store of an {@link ObservingLayer}. */
final class ObservedBlobs extends ForwardingBlobBackend {
    private final Observed o;

    ObservedBlobs(BlobBackend delegate, CallObserver observer) {
        super(delegate);
        this.o = new Observed(observer, "blob");
    }

    @Override
    public void createContainer(String container, Map<String, String> metadata) {
        o.write("createContainer", () -> super.createContainer(container, metadata), container);
    }

    @Override
    public boolean deleteContainer(String container) {
        return o.write("deleteContainer", () -> super.deleteContainer(container), container);
    }

    @Override
    public boolean containerExists(String container) {
        return o.read("containerExists", () -> super.containerExists(container), container);
    }

    @Override
    public ContainerInfo getContainerProperties(String container) {
        return o.read("getContainerProperties", () -> super.getContainerProperties(container), container);
    }

    @Override
    public void setContainerMetadata(String container, Map<String, String> metadata) {
        o.write("setContainerMetadata", () -> super.setContainerMetadata(container, metadata), container);
    }

    @Override
    public PagedIterable<ContainerInfo> listContainers(ListOptions options) {
        return o.pages("listContainers", () -> super.listContainers(options));
    }

    @Override
    public BlobWriteResult upload(String container, String blob, InputStream content, UploadOptions options) {
        return o.write("upload", () -> super.upload(container, blob, content, options), BlobWriteResult::size,
                container, blob);
    }

    @Override
    public BlobWriteResult upload(String container, String blob, Path file, UploadOptions options) {
        return o.write("upload", () -> super.upload(container, blob, file, options), BlobWriteResult::size,
                container, blob);
    }

    @Override
    public BlobWriteResult setMetadata(String container, String blob, Map<String, String> metadata,
                                       RequestConditions conditions) {
        return o.write("setMetadata", () -> super.setMetadata(container, blob, metadata, conditions), container, blob);
    }

    @Override
    public BlobWriteResult copy(String sourceContainer, String sourceBlob, String targetContainer, String targetBlob,
                                CopyOptions options) {
        return o.write("copy", () -> super.copy(sourceContainer, sourceBlob, targetContainer, targetBlob, options),
                BlobWriteResult::size, sourceContainer, sourceBlob, targetContainer, targetBlob);
    }

    @Override
    public BlobWriteResult copyFromUrl(URI source, String targetContainer, String targetBlob, CopyOptions options) {
        // The URL may carry a signature: only its host is named.
        return o.write("copyFromUrl", () -> super.copyFromUrl(source, targetContainer, targetBlob, options),
                BlobWriteResult::size, String.valueOf(source.getHost()), targetContainer, targetBlob);
    }

    @Override
    public InputStream openInputStream(String container, String blob, ReadOptions options) {
        return o.stream("openInputStream", () -> super.openInputStream(container, blob, options), container, blob);
    }

    @Override
    public void downloadToFile(String container, String blob, Path file, ReadOptions options) {
        o.read("downloadToFile", () -> {
            super.downloadToFile(container, blob, file, options);
            return file;
        }, LocalFiles::sizeOrZero, container, blob);
    }

    @Override
    public BlobProperties getProperties(String container, String blob, ReadOptions options) {
        return o.read("getProperties", () -> super.getProperties(container, blob, options), container, blob);
    }

    @Override
    public boolean exists(String container, String blob) {
        return o.read("exists", () -> super.exists(container, blob), container, blob);
    }

    @Override
    public PagedIterable<BlobItem> list(String container, ListBlobsOptions options) {
        return o.pages("list", () -> super.list(container, options), container);
    }

    @Override
    public boolean delete(String container, String blob, DeleteBlobOptions options) {
        return o.write("delete", () -> super.delete(container, blob, options), container, blob);
    }

    @Override
    public BatchDeleteResult deleteBlobs(String container, Collection<String> blobs) {
        List<String> targets = new ArrayList<>();
        targets.add(container);
        targets.addAll(blobs);
        return o.write("deleteBlobs", () -> super.deleteBlobs(container, blobs), targets.toArray(String[]::new));
    }

    @Override
    public void setTags(String container, String blob, Map<String, String> tags) {
        o.write("setTags", () -> super.setTags(container, blob, tags), container, blob);
    }

    @Override
    public Map<String, String> getTags(String container, String blob) {
        return o.read("getTags", () -> super.getTags(container, blob), container, blob);
    }

    @Override
    public PagedIterable<TaggedBlob> findBlobsByTags(String container, String expression, ListOptions options) {
        // an account-wide search names no container (List.of, under the call record, refuses a null)
        String[] targets = container == null ? new String[0] : new String[] {container};
        return o.pages("findBlobsByTags", () -> super.findBlobsByTags(container, expression, options), targets);
    }

    @Override
    public void setContainerLifecycle(String container, List<ContainerLifecycleRule> rules) {
        o.write("setContainerLifecycle", () -> super.setContainerLifecycle(container, rules), container);
    }

    @Override
    public List<ContainerLifecycleRule> getContainerLifecycle(String container) {
        return o.read("getContainerLifecycle", () -> super.getContainerLifecycle(container), container);
    }

    @Override
    public void setTier(String container, String blob, AccessTier tier) {
        o.write("setTier", () -> super.setTier(container, blob, tier), container, blob);
    }

    @Override
    public String createSnapshot(String container, String blob, Map<String, String> metadata) {
        return o.write("createSnapshot", () -> super.createSnapshot(container, blob, metadata), container, blob);
    }

    @Override
    public List<BlobProperties> listSnapshots(String container, String blob) {
        return o.read("listSnapshots", () -> super.listSnapshots(container, blob), container, blob);
    }

    @Override
    public PagedIterable<BlobProperties> listVersions(String container, String blob, ListOptions options) {
        return o.pages("listVersions", () -> super.listVersions(container, blob, options), container, blob);
    }

    @Override
    public BlobWriteResult restoreVersion(String container, String blob, String versionId) {
        return o.write("restoreVersion", () -> super.restoreVersion(container, blob, versionId), container, blob);
    }

    @Override
    public URI generatePresignedUrl(String container, String blob, PresignOptions options) {
        // Handing out a URL grants access, so it counts as a write (as the MCP server treats it).
        return o.write("generatePresignedUrl", () -> super.generatePresignedUrl(container, blob, options),
                container, blob);
    }

    @Override
    public String acquireLease(String container, String blob, Duration duration, String proposedLeaseId) {
        return o.write("acquireLease", () -> super.acquireLease(container, blob, duration, proposedLeaseId),
                container, blob);
    }

    @Override
    public void renewLease(String container, String blob, String leaseId) {
        o.write("renewLease", () -> super.renewLease(container, blob, leaseId), container, blob);
    }

    @Override
    public void releaseLease(String container, String blob, String leaseId) {
        o.write("releaseLease", () -> super.releaseLease(container, blob, leaseId), container, blob);
    }

    @Override
    public void breakLease(String container, String blob) {
        o.write("breakLease", () -> super.breakLease(container, blob), container, blob);
    }
}
