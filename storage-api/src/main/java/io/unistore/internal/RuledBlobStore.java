package io.unistore.internal;

import static io.unistore.internal.OptionRules.serviceToken;
import static io.unistore.internal.OptionRules.required;

import io.unistore.Capabilities;
import io.unistore.Capability;
import io.unistore.ListOptions;
import io.unistore.NamingRules;
import io.unistore.PagedIterable;
import io.unistore.RequestConditions;
import io.unistore.StorageException;
import io.unistore.blob.AccessTier;
import io.unistore.blob.BatchDeleteResult;
import io.unistore.blob.BlobItem;
import io.unistore.blob.BlobProperties;
import io.unistore.blob.BlobStore;
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
import io.unistore.spi.BlobBackend;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one implementation of {@link BlobStore}: every argument is checked by the account's naming rules, every
 * capability an operation or option field needs is required, page sizes are clamped to the declared limit,
 * and then the backend (the layers, then the provider) is called. Nothing but a {@link StorageException}
 * leaves it.
 */
final class RuledBlobStore implements BlobStore {
    private static final Duration MIN_LEASE = Duration.ofSeconds(15);
    private static final Duration MAX_LEASE = Duration.ofSeconds(60);

    private final BlobBackend backend;
    private final Capabilities capabilities;
    private final NamingRules names;
    private final OptionRules options;
    private final Guard guard;

    RuledBlobStore(BlobBackend backend, Capabilities capabilities, Guard guard) {
        this.backend = backend;
        this.capabilities = capabilities;
        this.names = capabilities.naming();
        this.options = new OptionRules(capabilities);
        this.guard = guard;
    }

    // ---- containers ---------------------------------------------------------------------------------

    @Override
    public void createContainer(String container, Map<String, String> metadata) {
        names.newContainer(container);
        Map<String, String> md = names.metadata(metadata);
        if (!md.isEmpty()) {
            capabilities.require(Capability.CONTAINER_METADATA, "createContainer with metadata");
        }
        guard.run(() -> backend.createContainer(container, md));
    }

    @Override
    public boolean deleteContainer(String container) {
        names.container(container);
        return guard.call(() -> backend.deleteContainer(container));
    }

    @Override
    public boolean containerExists(String container) {
        names.container(container);
        return guard.call(() -> backend.containerExists(container));
    }

    @Override
    public ContainerInfo getContainerProperties(String container) {
        names.container(container);
        return guard.call(() -> backend.getContainerProperties(container));
    }

    @Override
    public void setContainerMetadata(String container, Map<String, String> metadata) {
        capabilities.require(Capability.CONTAINER_METADATA, "setContainerMetadata");
        names.container(container);
        Map<String, String> md = names.metadata(metadata);
        guard.run(() -> backend.setContainerMetadata(container, md));
    }

    @Override
    public PagedIterable<ContainerInfo> listContainers(ListOptions options) {
        ListOptions clamped = Paging.clamp(options == null ? ListOptions.defaults() : options, capabilities);
        return guard.pages(() -> backend.listContainers(clamped));
    }

    // ---- writing ------------------------------------------------------------------------------------

    @Override
    public BlobWriteResult upload(String container, String blob, InputStream content, UploadOptions options) {
        required("content", content);
        UploadOptions checked = checkUpload(container, blob, options);
        return guard.call(() -> backend.upload(container, blob, content, checked));
    }

    @Override
    public BlobWriteResult upload(String container, String blob, Path file, UploadOptions options) {
        required("file", file);
        if (!Files.isRegularFile(file)) {
            throw StorageException.invalidArgument("file", "'" + file + "' is not a readable regular file");
        }
        UploadOptions checked = checkUpload(container, blob, options);
        return guard.call(() -> backend.upload(container, blob, file,
                checked.withLength(Paging.sizeOf(file))));
    }

    private UploadOptions checkUpload(String container, String blob, UploadOptions options) {
        names.container(container);
        names.blob(blob);
        UploadOptions o = options == null ? UploadOptions.defaults() : options;
        this.options.tier(o.tier(), "upload");
        this.options.conditions(o.conditions(), "upload");
        OptionRules.md5("contentMd5", o.contentMd5());
        Map<String, String> tags = TagRules.check(o.tags());
        if (tags.isEmpty() || capabilities.has(Capability.BLOB_TAGS)) {
            return o.withMetadata(names.metadata(o.metadata())).withTags(tags);
        }
        return o.withMetadata(MetadataTags.withTags(names, o.metadata(), tags)).withTags(Map.of());
    }

    @Override
    public BlobWriteResult setMetadata(String container, String blob, Map<String, String> metadata,
                                       RequestConditions conditions) {
        names.container(container);
        names.blob(blob);
        Map<String, String> md = names.metadata(metadata);
        RequestConditions c = conditions == null ? RequestConditions.none() : conditions;
        options.conditions(c, "setMetadata");
        return guard.call(() -> backend.setMetadata(container, blob, md, c));
    }

    @Override
    public BlobWriteResult copy(String sourceContainer, String sourceBlob, String targetContainer,
                                String targetBlob, CopyOptions options) {
        names.container("sourceContainer", sourceContainer);
        names.blob("sourceBlob", sourceBlob);
        names.container("targetContainer", targetContainer);
        names.blob("targetBlob", targetBlob);
        CopyOptions checked = checkCopy(options == null ? CopyOptions.defaults() : options, "copy");
        this.options.versionOrSnapshot(checked.sourceVersionId(), checked.sourceSnapshot(), "copy");
        return guard.call(() -> backend.copy(sourceContainer, sourceBlob, targetContainer, targetBlob, checked));
    }

    @Override
    public BlobWriteResult copyFromUrl(URI source, String targetContainer, String targetBlob, CopyOptions options) {
        capabilities.require(Capability.BLOB_COPY_FROM_URL, "copyFromUrl");
        required("source", source);
        String scheme = source.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))) {
            throw StorageException.invalidArgument("source", "must be an http or https URL");
        }
        names.container("targetContainer", targetContainer);
        names.blob("targetBlob", targetBlob);
        CopyOptions checked = checkCopy(options == null ? CopyOptions.defaults() : options, "copyFromUrl");
        if (checked.sourceVersionId() != null || checked.sourceSnapshot() != null) {
            throw StorageException.invalidArgument("options", "a copy from a URL names its source in the URL "
                    + "(no sourceVersionId or sourceSnapshot)");
        }
        return guard.call(() -> backend.copyFromUrl(source, targetContainer, targetBlob, checked));
    }

    private CopyOptions checkCopy(CopyOptions options, String what) {
        this.options.tier(options.tier(), what);
        this.options.conditions(options.sourceConditions(), what);
        this.options.conditions(options.targetConditions(), what);
        return options.metadata() == null ? options : options.withMetadata(names.metadata(options.metadata()));
    }

    // ---- reading ------------------------------------------------------------------------------------

    @Override
    public InputStream openInputStream(String container, String blob, ReadOptions options) {
        ReadOptions checked = checkRead(container, blob, options, "read");
        return guard.stream(() -> backend.openInputStream(container, blob, checked));
    }

    @Override
    public BlobProperties downloadToFile(String container, String blob, Path file, ReadOptions options) {
        required("file", file);
        ReadOptions checked = checkRead(container, blob, options, "download");
        // Pin the ETag read first, so a blob replaced mid-download fails instead of mixing two contents.
        BlobProperties properties = guard.call(() -> backend.getProperties(container, blob, checked));
        ReadOptions pinned = checked.conditions().ifMatch() == null && properties.etag() != null
                && checked.versionId() == null && checked.snapshot() == null
                ? checked.withConditions(checked.conditions().withIfMatch(properties.etag()))
                : checked;
        guard.run(() -> backend.downloadToFile(container, blob, file, pinned));
        return properties;
    }

    @Override
    public BlobProperties getProperties(String container, String blob, ReadOptions options) {
        ReadOptions checked = checkRead(container, blob, options, "getProperties");
        return guard.call(() -> backend.getProperties(container, blob, checked));
    }

    private ReadOptions checkRead(String container, String blob, ReadOptions options, String what) {
        names.container(container);
        names.blob(blob);
        ReadOptions o = options == null ? ReadOptions.defaults() : options;
        this.options.versionOrSnapshot(o.versionId(), o.snapshot(), what);
        this.options.conditions(o.conditions(), what);
        return o;
    }

    @Override
    public boolean exists(String container, String blob) {
        names.container(container);
        names.blob(blob);
        return guard.call(() -> backend.exists(container, blob));
    }

    @Override
    public PagedIterable<BlobItem> list(String container, ListBlobsOptions options) {
        names.container(container);
        ListBlobsOptions o = options == null ? ListBlobsOptions.defaults() : options;
        int size = Math.min(o.pageSize(), capabilities.limits().maxPageSize());
        ListBlobsOptions clamped = size == o.pageSize() ? o : o.withPageSize(size);
        return guard.pages(() -> backend.list(container, clamped));
    }

    // ---- deleting -----------------------------------------------------------------------------------

    @Override
    public boolean delete(String container, String blob, DeleteBlobOptions options) {
        names.container(container);
        names.blob(blob);
        DeleteBlobOptions o = options == null ? DeleteBlobOptions.defaults() : options;
        this.options.versionOrSnapshot(o.versionId(), o.snapshot(), "delete");
        this.options.conditions(o.conditions(), "delete");
        return guard.call(() -> backend.delete(container, blob, o));
    }

    @Override
    public BatchDeleteResult deleteBlobs(String container, Collection<String> blobs) {
        names.container(container);
        required("blobs", blobs);
        List<String> valid = new ArrayList<>(blobs.size());
        Map<String, StorageException> refused = new LinkedHashMap<>();
        for (String name : blobs) {
            try {
                valid.add(names.blob(name));
            } catch (StorageException e) {
                refused.put(String.valueOf(name), e);
            }
        }
        if (valid.isEmpty()) {
            return new BatchDeleteResult(List.of(), refused);
        }
        BatchDeleteResult done = guard.call(() -> backend.deleteBlobs(container, valid));
        if (refused.isEmpty()) {
            return done;
        }
        Map<String, StorageException> failed = new LinkedHashMap<>(done.failed());
        failed.putAll(refused);
        return new BatchDeleteResult(done.deleted(), failed);
    }

    // ---- tags ---------------------------------------------------------------------------------------

    @Override
    public void setTags(String container, String blob, Map<String, String> tags) {
        names.container(container);
        names.blob(blob);
        Map<String, String> checked = TagRules.check(tags);
        if (capabilities.has(Capability.BLOB_TAGS)) {
            guard.run(() -> backend.setTags(container, blob, checked));
        } else {
            guard.run(() -> MetadataTags.write(backend, names, container, blob, checked));
        }
    }

    @Override
    public Map<String, String> getTags(String container, String blob) {
        names.container(container);
        names.blob(blob);
        if (capabilities.has(Capability.BLOB_TAGS)) {
            return guard.call(() -> new java.util.TreeMap<>(backend.getTags(container, blob)));
        }
        return guard.call(() -> MetadataTags.decode(backend.getProperties(container, blob, ReadOptions.defaults())
                .metadata()));
    }

    @Override
    public PagedIterable<TaggedBlob> findBlobsByTags(String container, String expression, ListOptions options) {
        if (container != null) {
            names.container(container);
        }
        TagExpression parsed = TagExpression.parse(expression, container != null);
        ListOptions clamped = Paging.clamp(options == null ? ListOptions.defaults() : options, capabilities);
        if (capabilities.has(Capability.BLOB_TAG_QUERIES)) {
            return guard.pages(() -> backend.findBlobsByTags(container, expression, clamped));
        }
        TagScan scan = new TagScan(backend, capabilities.has(Capability.BLOB_TAGS), parsed, container);
        return guard.pages(() -> scan.pages(clamped));
    }

    // ---- tiers, snapshots, versions, URLs, leases ---------------------------------------------------

    @Override
    public void setContainerLifecycle(String container, List<ContainerLifecycleRule> rules) {
        capabilities.require(Capability.BLOB_CONTAINER_LIFECYCLE, "setContainerLifecycle");
        names.container(container);
        List<ContainerLifecycleRule> checked = List.copyOf(required("rules", rules));
        Set<String> ids = new HashSet<>();
        for (ContainerLifecycleRule r : checked) {
            if (!ids.add(r.id())) {
                throw StorageException.invalidArgument("rules", "two rules are named '" + r.id() + "'");
            }
        }
        if (checked.size() > 1000) {
            throw StorageException.invalidArgument("rules", "at most 1000 rules (S3's limit), was " + checked.size());
        }
        guard.run(() -> backend.setContainerLifecycle(container, checked));
    }

    @Override
    public List<ContainerLifecycleRule> getContainerLifecycle(String container) {
        capabilities.require(Capability.BLOB_CONTAINER_LIFECYCLE, "getContainerLifecycle");
        names.container(container);
        return guard.call(() -> List.copyOf(backend.getContainerLifecycle(container)));
    }

    @Override
    public void setTier(String container, String blob, AccessTier tier) {
        capabilities.require(Capability.BLOB_TIERS, "setTier");
        names.container(container);
        names.blob(blob);
        options.tier(required("tier", tier), "setTier");
        guard.run(() -> backend.setTier(container, blob, tier));
    }

    @Override
    public String createSnapshot(String container, String blob, Map<String, String> metadata) {
        capabilities.require(Capability.BLOB_SNAPSHOTS, "createSnapshot");
        names.container(container);
        names.blob(blob);
        Map<String, String> md = metadata == null ? null : names.metadata(metadata);
        return guard.call(() -> backend.createSnapshot(container, blob, md));
    }

    @Override
    public List<BlobProperties> listSnapshots(String container, String blob) {
        capabilities.require(Capability.BLOB_SNAPSHOTS, "listSnapshots");
        names.container(container);
        names.blob(blob);
        return guard.call(() -> backend.listSnapshots(container, blob));
    }

    @Override
    public PagedIterable<BlobProperties> listVersions(String container, String blob, ListOptions options) {
        capabilities.require(Capability.BLOB_VERSIONS, "listVersions");
        names.container(container);
        names.blob(blob);
        ListOptions clamped = Paging.clamp(options == null ? ListOptions.defaults() : options, capabilities);
        return guard.pages(() -> backend.listVersions(container, blob, clamped));
    }

    @Override
    public BlobWriteResult restoreVersion(String container, String blob, String versionId) {
        capabilities.require(Capability.BLOB_VERSIONS, "restoreVersion");
        names.container(container);
        names.blob(blob);
        serviceToken("versionId", versionId);
        return guard.call(() -> backend.restoreVersion(container, blob, versionId));
    }

    @Override
    public URI generatePresignedUrl(String container, String blob, PresignOptions options) {
        capabilities.require(Capability.BLOB_PRESIGNED_URLS, "generatePresignedUrl");
        names.container(container);
        names.blob(blob);
        required("options", options);
        return guard.call(() -> backend.generatePresignedUrl(container, blob, options));
    }

    @Override
    public String acquireLease(String container, String blob, Duration duration, String proposedLeaseId) {
        capabilities.require(Capability.BLOB_LEASES, "acquireLease");
        names.container(container);
        names.blob(blob);
        if (duration != null && (duration.getNano() != 0 || duration.compareTo(MIN_LEASE) < 0
                || duration.compareTo(MAX_LEASE) > 0)) {
            throw StorageException.invalidArgument("duration", "must be 15 to 60 whole seconds, or null for a lease "
                    + "that lasts until released; was " + duration);
        }
        if (proposedLeaseId != null) {
            serviceToken("proposedLeaseId", proposedLeaseId);
        }
        return guard.call(() -> backend.acquireLease(container, blob, duration, proposedLeaseId));
    }

    @Override
    public void renewLease(String container, String blob, String leaseId) {
        checkLease(container, blob, leaseId, "renewLease");
        guard.run(() -> backend.renewLease(container, blob, leaseId));
    }

    @Override
    public void releaseLease(String container, String blob, String leaseId) {
        checkLease(container, blob, leaseId, "releaseLease");
        guard.run(() -> backend.releaseLease(container, blob, leaseId));
    }

    @Override
    public void breakLease(String container, String blob) {
        capabilities.require(Capability.BLOB_LEASES, "breakLease");
        names.container(container);
        names.blob(blob);
        guard.run(() -> backend.breakLease(container, blob));
    }

    private void checkLease(String container, String blob, String leaseId, String what) {
        capabilities.require(Capability.BLOB_LEASES, what);
        names.container(container);
        names.blob(blob);
        serviceToken("leaseId", leaseId);
    }

    @Override
    public String toString() {
        return "BlobStore(" + backend + ")";
    }
}
