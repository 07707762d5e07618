package io.unistore.azure;

import com.azure.core.http.rest.PagedResponse;
import com.azure.core.http.rest.Response;
import com.azure.core.util.Context;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.batch.BlobBatch;
import com.azure.storage.blob.batch.BlobBatchClient;
import com.azure.storage.blob.batch.BlobBatchClientBuilder;
import com.azure.storage.blob.models.BlobContainerItem;
import com.azure.storage.blob.models.BlobContainerProperties;
import com.azure.storage.blob.models.BlobListDetails;
import com.azure.storage.blob.models.DeleteSnapshotsOptionType;
import com.azure.storage.blob.models.ListBlobContainersOptions;
import com.azure.storage.blob.models.ListBlobsOptions;
import com.azure.storage.blob.models.RehydratePriority;
import com.azure.storage.blob.specialized.BlobLeaseClient;
import com.azure.storage.blob.specialized.BlobLeaseClientBuilder;
import io.unistore.ListOptions;
import io.unistore.Page;
import io.unistore.PagedIterable;
import io.unistore.RequestConditions;
import io.unistore.StorageException;
import io.unistore.blob.AccessTier;
import io.unistore.blob.BatchDeleteResult;
import io.unistore.blob.BlobItem;
import io.unistore.blob.BlobProperties;
import io.unistore.blob.BlobWriteResult;
import io.unistore.blob.ContainerInfo;
import io.unistore.blob.CopyOptions;
import io.unistore.blob.DeleteBlobOptions;
import io.unistore.blob.PresignOptions;
import io.unistore.blob.ReadOptions;
import io.unistore.blob.TaggedBlob;
import io.unistore.blob.UploadOptions;
import io.unistore.spi.BlobBackend;
import io.unistore.spi.ContinuationTokens;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * Azure Blob Storage as a {@link BlobBackend}. Writes go through {@link BlobWriter}, reads through
 * {@link BlobReader}; this class holds containers, listings, deletes and the optional features (tiers,
 * snapshots, versions, SAS URLs, leases).
 */
final class AzureBlobStore implements BlobBackend {
    /** Azure's limit on the sub-requests of one blob batch. */
    private static final int BATCH_LIMIT = 256;

    private final BlobServiceClient service;
    private final BlobWriter writer;
    private final BlobReader reader;
    private final BlobSas sas;
    private final AzureBlobTags tagging;
    private volatile BlobBatchClient batch;
    private final ClientCache<BlobContainerClient> containers;

    AzureBlobStore(BlobServiceClient service, boolean entraId, Tuning tuning, ExecutorService transfers) {
        this.service = service;
        this.containers = new ClientCache<>(service::getBlobContainerClient);
        this.writer = new BlobWriter(this, tuning, transfers);
        this.reader = new BlobReader(this, tuning, transfers);
        this.sas = new BlobSas(service, entraId);
        this.tagging = new AzureBlobTags(this, service);
    }

    BlobContainerClient container(String container) {
        return containers.get(container);
    }

    /** The client of the blob, or of one of its versions or snapshots. */
    BlobClient blob(String container, String blob, String versionId, String snapshot) {
        BlobClient c = container(container).getBlobClient(blob);
        if (versionId != null) {
            return c.getVersionClient(versionId);
        }
        return snapshot != null ? c.getSnapshotClient(snapshot) : c;
    }

    BlobClient blob(String container, String blob) {
        return blob(container, blob, null, null);
    }

    static String where(String container, String blob) {
        return container + "/" + blob;
    }

    // ---- containers -------------------------------------------------------------------------------

    @Override
    public void createContainer(String container, Map<String, String> metadata) {
        BlobContainerClient c = container(container);
        AzureErrors.run("create of container " + container, () ->
                c.createWithResponse(metadata == null || metadata.isEmpty() ? null : metadata, null, null,
                    Context.NONE));
    }

    @Override
    public boolean deleteContainer(String container) {
        BlobContainerClient c = container(container);
        try {
            c.deleteWithResponse(null, null, Context.NONE);
            return true;
        } catch (RuntimeException e) {
            if (AzureErrors.isNotFound(e)) {
                return false;
            }
            throw AzureErrors.translate("delete of container " + container, e);
        }
    }

    @Override
    public boolean containerExists(String container) {
        BlobContainerClient c = container(container);
        return AzureErrors.call("existence check of container " + container, () -> c.exists());
    }

    @Override
    public ContainerInfo getContainerProperties(String container) {
        BlobContainerClient c = container(container);
        return AzureErrors.call("properties of container " + container, () -> {
            BlobContainerProperties p = c.getProperties();
            return new ContainerInfo(container, BlobModels.metadata(p.getMetadata()),
                    BlobModels.instant(p.getLastModified()), p.getETag());
        });
    }

    @Override
    public void setContainerMetadata(String container, Map<String, String> metadata) {
        BlobContainerClient c = container(container);
        AzureErrors.run("metadata of container " + container, () -> c.setMetadata(metadata));
    }

    @Override
    public PagedIterable<ContainerInfo> listContainers(ListOptions options) {
        return PagedIterable.of((token, size) -> {
            try {
                ListBlobContainersOptions o = new ListBlobContainersOptions().setPrefix(options.prefix())
                        .setMaxResultsPerPage(size)
                        .setDetails(new com.azure.storage.blob.models.BlobContainerListDetails()
                                .setRetrieveMetadata(true));
                PagedResponse<BlobContainerItem> page = service.listBlobContainers(o, null)
                        .iterableByPage(ContinuationTokens.decode(token), size).iterator().next();
                List<ContainerInfo> items = page.getValue().stream().map(i -> new ContainerInfo(i.getName(),
                        BlobModels.metadata(i.getMetadata()), BlobModels.instant(i.getProperties().getLastModified()),
                        i.getProperties().getETag())).toList();
                return new Page<>(items, ContinuationTokens.encode(page.getContinuationToken()));
            } catch (RuntimeException e) {
                throw AzureErrors.translate("listing of containers", e);
            }
        }, options.continuationToken(), options.pageSize());
    }

    // ---- writing ------------------------------------------------------------------------------------

    @Override
    public BlobWriteResult upload(String container, String blob, InputStream content, UploadOptions options) {
        return writer.upload(container, blob, content, options);
    }

    @Override
    public BlobWriteResult setMetadata(String container, String blob, Map<String, String> metadata,
                                       RequestConditions conditions) {
        return writer.setMetadata(container, blob, metadata, conditions);
    }

    @Override
    public BlobWriteResult copy(String sourceContainer, String sourceBlob, String targetContainer, String targetBlob,
                                CopyOptions options) {
        BlobClient source = blob(sourceContainer, sourceBlob, options.sourceVersionId(), options.sourceSnapshot());
        return writer.copy(source.getBlobUrl(), where(sourceContainer, sourceBlob), targetContainer, targetBlob,
                options);
    }

    @Override
    public BlobWriteResult copyFromUrl(URI source, String targetContainer, String targetBlob, CopyOptions options) {
        return writer.copy(source.toString(), "a URL", targetContainer, targetBlob, options);
    }

    @Override
    public BlobWriteResult restoreVersion(String container, String blob, String versionId) {
        BlobClient version = blob(container, blob, versionId, null);
        return writer.copy(version.getBlobUrl(), where(container, blob) + " version " + versionId, container, blob,
                CopyOptions.defaults());
    }

    // ---- reading ------------------------------------------------------------------------------------

    @Override
    public InputStream openInputStream(String container, String blob, ReadOptions options) {
        return reader.open(container, blob, options);
    }

    @Override
    public void downloadToFile(String container, String blob, Path file, ReadOptions options) {
        reader.downloadToFile(container, blob, file, options);
    }

    @Override
    public BlobProperties getProperties(String container, String blob, ReadOptions options) {
        BlobClient c = blob(container, blob, options.versionId(), options.snapshot());
        return AzureErrors.call("properties of " + where(container, blob), () -> {
            com.azure.storage.blob.models.BlobProperties p = c.getPropertiesWithResponse(
                    BlobModels.conditions(options.conditions()), null, Context.NONE).getValue();
            return BlobModels.properties(container, blob, p, options.snapshot());
        });
    }

    @Override
    public boolean exists(String container, String blob) {
        BlobClient c = blob(container, blob);
        return AzureErrors.call("existence check of " + where(container, blob), () -> c.exists());
    }

    @Override
    public PagedIterable<BlobItem> list(String container, io.unistore.blob.ListBlobsOptions options) {
        BlobContainerClient c = container(container);
        return PagedIterable.of((token, size) -> {
            try {
                ListBlobsOptions o = new ListBlobsOptions().setPrefix(options.prefix()).setMaxResultsPerPage(size)
                        .setDetails(new BlobListDetails().setRetrieveMetadata(options.includeMetadata()));
                com.azure.core.http.rest.PagedIterable<com.azure.storage.blob.models.BlobItem> pages =
                        options.delimiter() == null ? c.listBlobs(o, null)
                                : c.listBlobsByHierarchy(options.delimiter(), o, null);
                PagedResponse<com.azure.storage.blob.models.BlobItem> page =
                        pages.iterableByPage(ContinuationTokens.decode(token), size).iterator().next();
                List<BlobItem> items = new ArrayList<>();
                for (com.azure.storage.blob.models.BlobItem i : page.getValue()) {
                    items.add(Boolean.TRUE.equals(i.isPrefix()) ? BlobItem.prefix(i.getName())
                            : BlobItem.blob(BlobModels.properties(container, i)));
                }
                // A hierarchy page comes as its blobs, then its prefixes; the API lists in name order.
                items.sort(Comparator.comparing(BlobItem::name));
                return new Page<>(items, ContinuationTokens.encode(page.getContinuationToken()));
            } catch (RuntimeException e) {
                throw AzureErrors.translate("listing of container " + container, e);
            }
        }, options.continuationToken(), options.pageSize());
    }

    // ---- deleting -----------------------------------------------------------------------------------

    @Override
    public boolean delete(String container, String blob, DeleteBlobOptions options) {
        boolean whole = options.versionId() == null && options.snapshot() == null;
        BlobClient c = blob(container, blob, options.versionId(), options.snapshot());
        Tries tries = new Tries();
        try {
            c.deleteWithResponse(whole ? DeleteSnapshotsOptionType.INCLUDE : null,
                    BlobModels.conditions(options.conditions()), null, tries.context());
            return true;
        } catch (RuntimeException e) {
            if (AzureErrors.isNotFound(e)) {
                // After a try cut off without an answer, "not found" is most likely that try's own delete.
                return tries.ambiguous();
            }
            throw AzureErrors.translate("delete of " + where(container, blob), e);
        }
    }

    @Override
    public BatchDeleteResult deleteBlobs(String container, Collection<String> blobs) {
        List<String> deleted = new ArrayList<>();
        Map<String, StorageException> failed = new LinkedHashMap<>();
        List<String> names = List.copyOf(blobs);
        for (int from = 0; from < names.size(); from += BATCH_LIMIT) {
            deleteBatch(container, names.subList(from, Math.min(names.size(), from + BATCH_LIMIT)), deleted, failed);
        }
        return new BatchDeleteResult(deleted, failed);
    }

    private void deleteBatch(String container, List<String> names, List<String> deleted,
                             Map<String, StorageException> failed) {
        if (names.size() == 1) {
            deleteOne(container, names.get(0), deleted, failed);
            return;
        }
        BlobBatch b = batchClient().getBlobBatch();
        Map<String, Response<Void>> responses = new LinkedHashMap<>();
        for (String name : names) {
            responses.put(name, b.deleteBlob(container, name, DeleteSnapshotsOptionType.INCLUDE, null));
        }
        try {
            batchClient().submitBatchWithResponse(b, false, null, Context.NONE);
        } catch (RuntimeException e) {
            // The batch as a whole was refused (no batch support, or a SAS without it): one call per blob.
            names.forEach(n -> deleteOne(container, n, deleted, failed));
            return;
        }
        responses.forEach((name, response) -> {
            try {
                response.getStatusCode();
                deleted.add(name);
            } catch (RuntimeException e) {
                if (AzureErrors.isNotFound(e)) {
                    deleted.add(name);
                } else {
                    failed.put(name, AzureErrors.translate("delete of " + where(container, name), e));
                }
            }
        });
    }

    private void deleteOne(String container, String name, List<String> deleted, Map<String, StorageException> failed) {
        try {
            delete(container, name, DeleteBlobOptions.defaults());
            deleted.add(name);
        } catch (StorageException e) {
            failed.put(name, e);
        }
    }

    private BlobBatchClient batchClient() {
        BlobBatchClient b = batch;
        if (b == null) {
            b = new BlobBatchClientBuilder(service).buildClient();
            batch = b;
        }
        return b;
    }

    // ---- tiers, snapshots, versions, URLs, leases -----------------------------------------------------

    @Override
    public void setTier(String container, String blob, AccessTier tier) {
        BlobClient c = blob(container, blob);
        AzureErrors.run("tier change of " + where(container, blob), () ->
                c.setAccessTierWithResponse(BlobModels.toAzure(tier), (RehydratePriority) null, null, null,
                        Context.NONE));
    }

    @Override
    public String createSnapshot(String container, String blob, Map<String, String> metadata) {
        BlobClient c = blob(container, blob);
        return AzureErrors.call("snapshot of " + where(container, blob), () ->
                c.createSnapshotWithResponse(metadata, null, null, Context.NONE).getValue().getSnapshotId());
    }

    @Override
    public List<BlobProperties> listSnapshots(String container, String blob) {
        BlobContainerClient c = container(container);
        return AzureErrors.call("snapshot listing of " + where(container, blob), () -> {
            ListBlobsOptions o = new ListBlobsOptions().setPrefix(blob)
                    .setDetails(new BlobListDetails().setRetrieveSnapshots(true).setRetrieveMetadata(true));
            List<BlobProperties> snapshots = new ArrayList<>();
            for (com.azure.storage.blob.models.BlobItem i : c.listBlobs(o, null)) {
                if (i.getName().equals(blob) && i.getSnapshot() != null) {
                    snapshots.add(BlobModels.properties(container, i));
                }
            }
            // Snapshot ids are ISO instants with a fixed number of digits: text order is time order.
            snapshots.sort(Comparator.comparing(BlobProperties::snapshot));
            return snapshots;
        });
    }

    @Override
    public PagedIterable<BlobProperties> listVersions(String container, String blob, ListOptions options) {
        BlobContainerClient c = container(container);
        return PagedIterable.of((token, size) -> {
            try {
                ListBlobsOptions o = new ListBlobsOptions().setPrefix(blob).setMaxResultsPerPage(size)
                        .setDetails(new BlobListDetails().setRetrieveVersions(true).setRetrieveMetadata(true));
                PagedResponse<com.azure.storage.blob.models.BlobItem> page = c.listBlobs(o, null)
                        .iterableByPage(ContinuationTokens.decode(token), size).iterator().next();
                List<BlobProperties> items = page.getValue().stream()
                        .filter(i -> i.getName().equals(blob) && i.getSnapshot() == null)
                        .map(i -> BlobModels.properties(container, i)).toList();
                return new Page<>(items, ContinuationTokens.encode(page.getContinuationToken()));
            } catch (RuntimeException e) {
                throw AzureErrors.translate("version listing of " + where(container, blob), e);
            }
        }, options.continuationToken(), options.pageSize());
    }

    @Override
    public void setTags(String container, String blob, Map<String, String> tags) {
        tagging.set(container, blob, tags);
    }

    @Override
    public Map<String, String> getTags(String container, String blob) {
        return tagging.get(container, blob);
    }

    @Override
    public PagedIterable<TaggedBlob> findBlobsByTags(String container, String expression, ListOptions options) {
        return tagging.find(container, expression, options);
    }

    @Override
    public URI generatePresignedUrl(String container, String blob, PresignOptions options) {
        return sas.presign(blob(container, blob), options);
    }

    @Override
    public String acquireLease(String container, String blob, Duration duration, String proposedLeaseId) {
        int seconds = duration == null ? -1 : (int) duration.toSeconds();
        BlobLeaseClient lease = leaseClient(container, blob, proposedLeaseId);
        return AzureErrors.call("lease of " + where(container, blob), () -> lease.acquireLease(seconds));
    }

    @Override
    public void renewLease(String container, String blob, String leaseId) {
        onLease(container, blob, leaseId, "lease renewal", BlobLeaseClient::renewLease);
    }

    @Override
    public void releaseLease(String container, String blob, String leaseId) {
        onLease(container, blob, leaseId, "lease release", BlobLeaseClient::releaseLease);
    }

    @Override
    public void breakLease(String container, String blob) {
        onLease(container, blob, null, "lease break",
                lease -> lease.breakLeaseWithResponse(0, null, null, Context.NONE));
    }

    private void onLease(String container, String blob, String leaseId, String what,
                         java.util.function.Consumer<BlobLeaseClient> action) {
        BlobLeaseClient lease = leaseClient(container, blob, leaseId);
        AzureErrors.run(what + " of " + where(container, blob), () -> action.accept(lease));
    }

    private BlobLeaseClient leaseClient(String container, String blob, String leaseId) {
        BlobLeaseClientBuilder b = new BlobLeaseClientBuilder().blobClient(blob(container, blob));
        if (leaseId != null) {
            b.leaseId(leaseId);
        }
        return b.buildClient();
    }
}
