package io.unistore.gcp;

import com.google.api.gax.paging.Page;
import com.google.cloud.BaseServiceException;
import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Bucket;
import com.google.cloud.storage.BucketInfo;
import com.google.cloud.storage.CopyWriter;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageClass;
import io.unistore.ErrorCode;
import io.unistore.ListOptions;
import io.unistore.PagedIterable;
import io.unistore.RequestConditions;
import io.unistore.StorageException;
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
import io.unistore.blob.UploadOptions;
import io.unistore.spi.BlobBackend;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Cloud Storage as a {@link BlobStore}: buckets are containers, objects are blobs, object generations are
 * versions. Uploads are in {@link GcsUploader}, reads in {@link GcsReader}, listings in {@link GcsListing},
 * conditions in {@link GcsConditions}.
 */
final class GcsBlobStore implements BlobBackend {
    private static final int METADATA_RETRIES = 5;

    private final Storage storage;
    private final GcsSettings settings;
    private final GcsUploader uploader;
    private final GcsReader reader;
    private final GcsListing listing;
    private final GcsPresigner presigner;
    private final ExecutorService deleters;

    GcsBlobStore(Storage storage, String project, GcsSettings settings, ExecutorService deleters) {
        this.storage = storage;
        this.settings = settings;
        this.uploader = new GcsUploader(storage, settings);
        this.reader = new GcsReader(storage);
        this.listing = new GcsListing(storage, project, settings.versioning());
        this.presigner = new GcsPresigner(storage, settings.endpoint());
        this.deleters = deleters;
    }

    // ---- containers -------------------------------------------------------------------------------

    @Override
    public void createContainer(String container, Map<String, String> metadata) {
        BucketInfo.Builder info = BucketInfo.newBuilder(container).setVersioningEnabled(settings.versioning());
        if (settings.location() != null) {
            info.setLocation(settings.location());
        }
        try {
            storage.create(info.build());
        } catch (BaseServiceException e) {
            throw GcsErrors.translate(e, "creating container " + container);
        }
    }

    @Override
    public boolean deleteContainer(String container) {
        String what = "deleting container " + container;
        // Objects written while emptying make the bucket delete fail with 409: empty again, a few times.
        for (int attempt = 1; ; attempt++) {
            if (GcsErrors.call(what, () -> storage.get(container)) == null) {
                return false;
            }
            emptyBucket(container);
            try {
                return storage.delete(container);
            } catch (BaseServiceException e) {
                if (e.getCode() != 409 || attempt == 3) {
                    throw GcsErrors.translate(e, what, e.getCode() == 409 ? ErrorCode.CONFLICT
                            : GcsErrors.codeFor(e.getCode(), e.getReason()));
                }
            }
        }
    }

    /** Deletes every generation of every object, noncurrent ones included. */
    private void emptyBucket(String container) {
        String token = null;
        do {
            List<Storage.BlobListOption> opts = new ArrayList<>(List.of(Storage.BlobListOption.versions(true),
                    Storage.BlobListOption.pageSize(1000)));
            if (token != null) {
                opts.add(Storage.BlobListOption.pageToken(token));
            }
            Page<Blob> page = GcsErrors.call("emptying " + container,
                    () -> storage.list(container, opts.toArray(Storage.BlobListOption[]::new)));
            if (page == null) {
                return;
            }
            List<BlobId> ids = new ArrayList<>();
            page.getValues().forEach(b -> ids.add(BlobId.of(container, b.getName(), b.getGeneration())));
            BatchDeleteResult result = deleteAll(container, ids);
            if (!result.isComplete()) {
                throw result.failed().values().iterator().next();
            }
            token = page.getNextPageToken();
        } while (token != null);
    }

    @Override
    public boolean containerExists(String container) {
        return GcsErrors.call("reading container " + container, () -> storage.get(container)) != null;
    }

    @Override
    public ContainerInfo getContainerProperties(String container) {
        Bucket b = GcsErrors.call("reading container " + container, () -> storage.get(container));
        if (b == null) {
            throw StorageException.notFound("container " + container);
        }
        return GcsBlobs.container(b);
    }

    @Override
    public PagedIterable<ContainerInfo> listContainers(ListOptions options) {
        return listing.containers(options);
    }

    @Override
    public void setContainerLifecycle(String container, List<ContainerLifecycleRule> rules) {
        new GcsBucketLifecycle(storage).set(container, rules);
    }

    @Override
    public List<ContainerLifecycleRule> getContainerLifecycle(String container) {
        return new GcsBucketLifecycle(storage).get(container);
    }

    // ---- writing ------------------------------------------------------------------------------------

    @Override
    public BlobWriteResult upload(String container, String blob, InputStream content, UploadOptions options) {
        return uploader.upload(container, blob, content, options);
    }

    /**
     * GCS patches metadata key by key; replacing it means sending the removed keys as null. The write is
     * pinned to the generation and metageneration read, and without caller conditions a concurrent change
     * is simply retried on fresh metadata. Keys the Java SDK cannot patch ({@link GcsBlobs#patchable}) go by a
     * rewrite of the object onto itself, whose body carries the metadata whole (a new generation, as
     * {@link #setTier}).
     */
    @Override
    public BlobWriteResult setMetadata(String container, String blob, Map<String, String> metadata,
                                       RequestConditions conditions) {
        String what = "setting metadata of " + container + "/" + blob;
        RequestConditions given = conditions == null ? RequestConditions.none() : conditions;
        for (int attempt = 1; ; attempt++) {
            Blob current = GcsErrors.call(what, () -> storage.get(BlobId.of(container, blob)));
            if (current == null) {
                throw StorageException.notFound("blob " + container + "/" + blob);
            }
            GcsConditions.check(given, current, what);
            Map<String, String> patch = new HashMap<>();
            GcsBlobs.metadata(current).keySet().forEach(k -> patch.put(k, null));
            patch.putAll(metadata == null ? Map.of() : metadata);
            boolean retry = given.isEmpty() && attempt < METADATA_RETRIES;
            if (!GcsBlobs.patchable(patch.keySet())) {
                try {
                    return rewrite(current, GcsBlobs.copyOf(current, BlobId.of(container, blob),
                            metadata == null ? Map.of() : metadata, null, current.getStorageClass()),
                            GcsConditions.Pin.of(current), what);
                } catch (StorageException e) {
                    if (e.code() != ErrorCode.PRECONDITION_FAILED || !retry) {
                        throw e;
                    }
                    continue;
                }
            }
            BlobInfo update = BlobInfo.newBuilder(BlobId.of(container, blob)).setMetadata(patch).build();
            try {
                Blob updated = storage.update(update, GcsConditions.Pin.of(current).targetOptions());
                return GcsBlobs.writeResult(updated, settings.versioning());
            } catch (BaseServiceException e) {
                if (e.getCode() != 412 || !retry) {
                    throw GcsErrors.translate(e, what);
                }
            }
        }
    }

    @Override
    public BlobWriteResult copy(String sourceContainer, String sourceBlob, String targetContainer, String targetBlob,
                                CopyOptions options) {
        String what = "copy of " + sourceContainer + "/" + sourceBlob + " to " + targetContainer + "/" + targetBlob;
        ReadOptions sourceRead = ReadOptions.defaults().withConditions(options.sourceConditions())
                .withVersionId(options.sourceVersionId());
        Blob source = reader.metadata(sourceContainer, sourceBlob, sourceRead, what);
        GcsConditions.Pin target = GcsConditions.forWrite(options.targetConditions(),
                () -> GcsErrors.call(what, () -> storage.get(BlobId.of(targetContainer, targetBlob))), what);
        StorageClass storageClass = options.tier() == null ? null : GcsTiers.toStorageClass(options.tier());
        BlobInfo targetInfo = GcsBlobs.copyOf(source, BlobId.of(targetContainer, targetBlob), options.metadata(),
                options.contentType(), storageClass);
        return rewrite(source, targetInfo, target, what);
    }

    /**
     * Rewrites a source generation (pinned to the metageneration read) onto a target, looping until GCS says
     * done: large or cross-class rewrites take several calls.
     */
    private BlobWriteResult rewrite(Blob source, BlobInfo target, GcsConditions.Pin targetPin, String what) {
        Storage.CopyRequest request = Storage.CopyRequest.newBuilder()
                .setSource(BlobId.of(source.getBucket(), source.getName(), source.getGeneration()))
                .setSourceOptions(Storage.BlobSourceOption.metagenerationMatch(source.getMetageneration()))
                .setTarget(target, targetPin.targetOptions())
                .build();
        return GcsErrors.call(what, () -> {
            CopyWriter writer = storage.copy(request);
            while (!writer.isDone()) {
                writer.copyChunk();
            }
            return GcsBlobs.writeResult(writer.getResult(), settings.versioning());
        });
    }

    // ---- reading ------------------------------------------------------------------------------------

    @Override
    public InputStream openInputStream(String container, String blob, ReadOptions options) {
        return reader.open(container, blob, options);
    }

    @Override
    public BlobProperties getProperties(String container, String blob, ReadOptions options) {
        return GcsBlobs.properties(reader.metadata(container, blob, options,
                "reading properties of " + container + "/" + blob), settings.versioning());
    }

    @Override
    public boolean exists(String container, String blob) {
        return GcsErrors.call("checking " + container + "/" + blob, () -> storage.get(BlobId.of(container, blob),
                Storage.BlobGetOption.fields(Storage.BlobField.GENERATION))) != null;
    }

    @Override
    public PagedIterable<BlobItem> list(String container, ListBlobsOptions options) {
        return listing.blobs(container, options);
    }

    // ---- deleting -----------------------------------------------------------------------------------

    @Override
    public boolean delete(String container, String blob, DeleteBlobOptions options) {
        String what = "delete of " + container + "/" + blob;
        BlobId id = options.versionId() == null ? BlobId.of(container, blob)
                : BlobId.of(container, blob, GcsBlobs.generation(options.versionId(), what));
        GcsConditions.Pin pin = GcsConditions.Pin.NONE;
        if (!options.conditions().isEmpty()) {
            // Checked on the metadata read, then pinned to it: a blob changed in between fails with 412.
            Blob current = GcsErrors.call(what, () -> storage.get(id));
            if (current == null) {
                return false;
            }
            GcsConditions.check(options.conditions(), current, what);
            pin = GcsConditions.Pin.of(current);
        }
        GcsConditions.Pin pinned = pin;
        GcsRetries.Tracked<Boolean> deleted = GcsRetries.tracked(
                () -> GcsErrors.call(what, () -> storage.delete(id, pinned.sourceOptions())));
        // Gone after a try that may have deleted it: that try's work, as far as anyone can tell.
        return deleted.value() || deleted.ambiguous();
    }

    @Override
    public BatchDeleteResult deleteBlobs(String container, Collection<String> blobs) {
        List<BlobId> ids = new ArrayList<>();
        for (String name : blobs) {
            ids.add(BlobId.of(container, name));
        }
        return deleteAll(container, ids);
    }

    /**
     * Deletes objects concurrently (GCS has no multi-object delete in its JSON API besides HTTP batches, which
     * lose per-item request ids); absent ones count as deleted.
     */
    private BatchDeleteResult deleteAll(String container, List<BlobId> ids) {
        Map<BlobId, Future<?>> futures = new LinkedHashMap<>();
        for (BlobId id : ids) {
            futures.put(id, deleters.submit(() -> GcsErrors.call("delete of " + container + "/" + id.getName(),
                    () -> storage.delete(id))));
        }
        List<String> deleted = new ArrayList<>();
        Map<String, StorageException> failed = new LinkedHashMap<>();
        for (Map.Entry<BlobId, Future<?>> e : futures.entrySet()) {
            String name = e.getKey().getName();
            try {
                e.getValue().get();
                deleted.add(name);
            } catch (ExecutionException ex) {
                failed.put(name, ex.getCause() instanceof StorageException se ? se
                        : new StorageException(ErrorCode.INTERNAL, "delete of " + name + " failed", ex.getCause()));
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                failed.put(name, new StorageException(ErrorCode.UNAVAILABLE, "delete of " + name + " interrupted", ex));
            }
        }
        return new BatchDeleteResult(deleted, failed);
    }

    // ---- tiers, versions, URLs ----------------------------------------------------------------------

    /**
     * GCS changes a storage class by rewriting the object onto itself: the content stays, a new generation is
     * made (so with versioning on, the old class remains as a noncurrent version).
     */
    @Override
    public void setTier(String container, String blob, AccessTier tier) {
        String what = "setting the tier of " + container + "/" + blob;
        Blob current = reader.metadata(container, blob, ReadOptions.defaults(), what);
        StorageClass target = GcsTiers.toStorageClass(tier);
        if (target.equals(current.getStorageClass())) {
            return;
        }
        rewrite(current, GcsBlobs.copyOf(current, BlobId.of(container, blob), null,
                null, target), GcsConditions.Pin.of(current), what);
    }

    @Override
    public PagedIterable<BlobProperties> listVersions(String container, String blob, ListOptions options) {
        return listing.versions(container, blob, options);
    }

    /** Copies the generation over the object; the generation stays, the copy is the new live generation. */
    @Override
    public BlobWriteResult restoreVersion(String container, String blob, String versionId) {
        String what = "restoring " + container + "/" + blob + " to version " + versionId;
        Blob version = reader.metadata(container, blob, ReadOptions.defaults().withVersionId(versionId), what);
        return rewrite(version, GcsBlobs.copyOf(version, BlobId.of(container, blob), null, null,
                version.getStorageClass()), GcsConditions.Pin.NONE, what);
    }

    @Override
    public URI generatePresignedUrl(String container, String blob, PresignOptions options) {
        return presigner.presign(container, blob, options);
    }
}
