package io.unistore.aws;

import io.unistore.ErrorCode;
import io.unistore.ListOptions;
import io.unistore.PagedIterable;
import io.unistore.RequestConditions;
import io.unistore.StorageException;
import io.unistore.aws.S3Conditions.WritePin;
import io.unistore.aws.S3Copy.Headers;
import io.unistore.aws.S3Copy.Job;
import io.unistore.blob.AccessTier;
import io.unistore.blob.BatchDeleteResult;
import io.unistore.blob.BlobItem;
import io.unistore.blob.BlobProperties;
import io.unistore.blob.BlobStore;
import io.unistore.blob.BlobWriteResult;
import io.unistore.blob.ContainerInfo;
import io.unistore.blob.CopyOptions;
import io.unistore.blob.DeleteBlobOptions;
import io.unistore.blob.ListBlobsOptions;
import io.unistore.blob.PresignOptions;
import io.unistore.blob.ReadOptions;
import io.unistore.blob.UploadOptions;
import io.unistore.spi.AtomicFiles;
import io.unistore.spi.Streams;
import io.unistore.spi.NameRules;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * S3 as a {@link BlobStore}: buckets are containers, objects are blobs. Each operation lives in a helper of its
 * own (uploads, copies, listings, buckets, reads, presigning); this class checks names and routes.
 */
final class S3BlobStore implements BlobStore {
    private final S3Context ctx;
    private final S3Containers containers;
    private final S3Listing listing;
    private final S3Copy copier;
    private final S3Reads reads;
    private final S3ParallelDownload parallel;

    S3BlobStore(S3Context ctx) {
        this.ctx = ctx;
        this.containers = new S3Containers(ctx);
        this.listing = new S3Listing(ctx);
        this.copier = new S3Copy(ctx);
        this.reads = new S3Reads(ctx);
        this.parallel = new S3ParallelDownload(ctx);
    }

    // ---- containers -------------------------------------------------------------------------------

    @Override
    public void createContainer(String container, Map<String, String> metadata) {
        containers.create(container, metadata);
    }

    @Override
    public boolean deleteContainer(String container) {
        return containers.delete(container);
    }

    @Override
    public boolean containerExists(String container) {
        return containers.exists(container);
    }

    @Override
    public ContainerInfo getContainerProperties(String container) {
        return containers.properties(container);
    }

    @Override
    public void setContainerMetadata(String container, Map<String, String> metadata) {
        throw StorageException.unsupported("setContainerMetadata: S3 buckets carry no metadata");
    }

    @Override
    public PagedIterable<ContainerInfo> listContainers(ListOptions options) {
        return containers.list(options.prefix(), options.pageSize(), options.continuationToken());
    }

    // ---- writing ------------------------------------------------------------------------------------

    @Override
    public BlobWriteResult upload(String container, String blob, InputStream content, UploadOptions options) {
        String bucket = S3Context.bucket(container);
        String key = NameRules.blob(blob);
        Map<String, String> metadata = S3Metadata.toS3(options.metadata());
        RequestConditions c = options.conditions();
        WritePin pin = S3Conditions.sendable(c) ? S3Conditions.direct(c)
                : S3Conditions.check(c, reads.headOrNull(bucket, key, null), "upload of " + bucket + "/" + key);
        return new S3Upload(ctx, bucket, key, options, metadata, pin).run(content);
    }

    @Override
    public BlobWriteResult setMetadata(String container, String blob, Map<String, String> metadata,
                                       RequestConditions conditions) {
        String bucket = S3Context.bucket(container);
        String key = NameRules.blob(blob);
        Map<String, String> s3Metadata = S3Metadata.toS3(metadata);
        HeadObjectResponse head = reads.existing(bucket, key);
        S3Conditions.check(conditions, head, "setMetadata of " + bucket + "/" + key);
        // A copy onto itself with new headers; the HEAD's ETag pins the source, the class is kept.
        return copier.run(new Job(bucket, key, null, head, bucket, key, Headers.of(head).withMetadata(s3Metadata),
                head.storageClassAsString(), WritePin.NONE));
    }

    @Override
    public BlobWriteResult copy(String sourceContainer, String sourceBlob, String targetContainer, String targetBlob,
                                CopyOptions options) {
        String sourceBucket = S3Context.bucket(sourceContainer);
        String sourceKey = NameRules.blob(sourceBlob);
        String targetBucket = S3Context.bucket(targetContainer);
        String targetKey = NameRules.blob(targetBlob);
        S3Reads.noSnapshot(options.sourceSnapshot());
        HeadObjectResponse source = reads.head(sourceBucket, sourceKey, options.sourceVersionId(),
                options.sourceConditions());
        Headers replace = null;
        if (options.metadata() != null || options.contentType() != null) {
            replace = Headers.of(source);
            if (options.metadata() != null) {
                replace = replace.withMetadata(S3Metadata.toS3(options.metadata()));
            }
            if (options.contentType() != null) {
                replace = replace.withContentType(options.contentType());
            }
        }
        // Target conditions are checked on a HEAD and also sent, pinned to it: S3 enforces them atomically on
        // CopyObject, stores that ignore them there (S3Proxy) are still held to what the HEAD saw.
        RequestConditions c = options.targetConditions();
        WritePin pin = c.isEmpty() ? WritePin.NONE : S3Conditions.check(c,
                reads.headOrNull(targetBucket, targetKey, null), "copy to " + targetBucket + "/" + targetKey);
        String storageClass = options.tier() == null ? null
                : S3Tiers.storageClass(options.tier(), ctx.settings.archiveClass());
        return copier.run(new Job(sourceBucket, sourceKey, options.sourceVersionId(), source, targetBucket,
                targetKey, replace, storageClass, pin));
    }

    @Override
    public BlobWriteResult copyFromUrl(URI source, String targetContainer, String targetBlob, CopyOptions options) {
        throw StorageException.unsupported("copyFromUrl: S3 copies only from S3 (the account does not declare "
                + "BLOB_COPY_FROM_URL)");
    }

    // ---- reading ------------------------------------------------------------------------------------

    @Override
    public InputStream openInputStream(String container, String blob, ReadOptions options) {
        return reads.open(S3Context.bucket(container), NameRules.blob(blob), options);
    }

    @Override
    public BlobProperties downloadToFile(String container, String blob, Path file, ReadOptions options) {
        String bucket = S3Context.bucket(container);
        String key = NameRules.blob(blob);
        BlobProperties p = getProperties(container, blob, options);
        if (p.tier() == AccessTier.ARCHIVE && !"restored".equals(p.archiveStatus())) {
            throw S3Reads.archived(bucket, key, p.tierName());
        }
        if (options.range() == null && parallel.worthIt(p.size())) {
            parallel.run(bucket, key, p, file, options);
            return p;
        }
        // As the API's default: pin the ETag read first, so a blob replaced mid-download fails.
        ReadOptions pinned = options.conditions().ifMatch() == null && options.versionId() == null
                ? options.withConditions(options.conditions().withIfMatch(p.etag())) : options;
        AtomicFiles.write(file, out -> download(container, blob, out, pinned));
        return p;
    }

    @Override
    public BlobProperties getProperties(String container, String blob, ReadOptions options) {
        String bucket = S3Context.bucket(container);
        String key = NameRules.blob(blob);
        S3Reads.noSnapshot(options.snapshot());
        BlobProperties p = S3Objects.fromHead(bucket, key, reads.head(bucket, key, options.versionId(),
                options.conditions()));
        if (options.versionId() != null) {
            HeadObjectResponse current = reads.headOrNull(bucket, key, null);
            p = p.toBuilder().currentVersion(current != null && options.versionId().equals(current.versionId()))
                    .build();
        }
        return p;
    }

    @Override
    public boolean exists(String container, String blob) {
        return reads.headOrNull(S3Context.bucket(container), NameRules.blob(blob), null) != null;
    }

    @Override
    public PagedIterable<BlobItem> list(String container, ListBlobsOptions options) {
        String bucket = S3Context.bucket(container);
        return listing.blobs(bucket, options, (b, key) -> {
            HeadObjectResponse h = reads.headOrNull(b, key, null);
            return h == null ? null : S3Objects.fromHead(b, key, h);
        });
    }

    // ---- deleting -----------------------------------------------------------------------------------

    @Override
    public boolean delete(String container, String blob, DeleteBlobOptions options) {
        String bucket = S3Context.bucket(container);
        String key = NameRules.blob(blob);
        S3Reads.noSnapshot(options.snapshot());
        HeadObjectResponse head;
        try {
            head = reads.head(bucket, key, options.versionId(), options.conditions());
        } catch (StorageException e) {
            if (e.code() == ErrorCode.NOT_FOUND) {
                return false;
            }
            throw e;
        }
        // A version never changes, so its HEAD settled the conditions; the current object is pinned to its ETag.
        String ifMatch = options.versionId() == null && !options.conditions().isEmpty() ? head.eTag() : null;
        ctx.call("DeleteObject " + bucket + "/" + key, () -> ctx.s3.deleteObject(b -> b.bucket(bucket).key(key)
                .versionId(options.versionId()).ifMatch(ifMatch)));
        return true;
    }

    @Override
    public BatchDeleteResult deleteBlobs(String container, Collection<String> blobs) {
        return new S3BatchDelete(ctx).run(S3Context.bucket(container), blobs);
    }

    // ---- tiers, versions, URLs ------------------------------------------------------------------------

    @Override
    public void setTier(String container, String blob, AccessTier tier) {
        new S3TierChange(ctx, copier, reads).run(S3Context.bucket(container), NameRules.blob(blob), tier);
    }

    @Override
    public String createSnapshot(String container, String blob, Map<String, String> metadata) {
        throw StorageException.unsupported("createSnapshot: S3 has no snapshots (use versions)");
    }

    @Override
    public List<BlobProperties> listSnapshots(String container, String blob) {
        throw StorageException.unsupported("listSnapshots: S3 has no snapshots (use versions)");
    }

    @Override
    public PagedIterable<BlobProperties> listVersions(String container, String blob, ListOptions options) {
        return listing.versions(S3Context.bucket(container), NameRules.blob(blob), options.pageSize(),
                options.continuationToken());
    }

    @Override
    public BlobWriteResult restoreVersion(String container, String blob, String versionId) {
        String bucket = S3Context.bucket(container);
        String key = NameRules.blob(blob);
        if (versionId == null || versionId.isBlank()) {
            throw StorageException.invalidArgument("versionId", "is required");
        }
        HeadObjectResponse version = reads.head(bucket, key, versionId, RequestConditions.none());
        return copier.run(new Job(bucket, key, versionId, version, bucket, key, null,
                version.storageClassAsString(), WritePin.NONE));
    }

    @Override
    public URI generatePresignedUrl(String container, String blob, PresignOptions options) {
        return S3Presign.url(ctx, S3Context.bucket(container), NameRules.blob(blob), options);
    }

    @Override
    public String acquireLease(String container, String blob, Duration duration, String proposedLeaseId) {
        throw noLeases();
    }

    @Override
    public void renewLease(String container, String blob, String leaseId) {
        throw noLeases();
    }

    @Override
    public void releaseLease(String container, String blob, String leaseId) {
        throw noLeases();
    }

    @Override
    public void breakLease(String container, String blob) {
        throw noLeases();
    }

    private static StorageException noLeases() {
        return StorageException.unsupported("leases: S3 has none (the account does not declare BLOB_LEASES)");
    }
}
