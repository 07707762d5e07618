package io.unistore.spi;

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
import io.unistore.blob.TaggedBlob;
import io.unistore.blob.UploadOptions;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a provider implements to serve blobs. Users never call it: they call {@link io.unistore.blob.BlobStore},
 * which validates every argument by the account's declared {@link NamingRules}, checks the declared
 * {@linkplain io.unistore.Capabilities capabilities} (operations and option fields), clamps page sizes to the
 * declared {@link Limits}, and only then calls this interface, through the account's layers. So an
 * implementation maps to its SDK and nothing else: it receives valid names, supported options and page sizes
 * it can serve, and may throw any runtime exception (the API turns it into a {@link StorageException} without
 * secrets), though a {@code StorageException} with the service's status and code is more useful.
 *
 * <p>Optional operations have defaults that report {@code UNSUPPORTED}; a provider overrides exactly those it
 * declares. The semantics of each method are those of the {@link io.unistore.blob.BlobStore} method of the
 * same name. Implementations are thread-safe.
 */
public interface BlobBackend {

    // ---- containers ---------------------------------------------------------------------------------

    /** Creates a container; ALREADY_EXISTS if it exists. Metadata is empty unless CONTAINER_METADATA. */
    void createContainer(String container, Map<String, String> metadata);

    /** Deletes a container and its blobs; false if absent. */
    boolean deleteContainer(String container);

    /** Whether the container exists. */
    boolean containerExists(String container);

    /** The container's properties; NOT_FOUND if absent. */
    ContainerInfo getContainerProperties(String container);

    /** Replaces the container's metadata. Needs CONTAINER_METADATA. */
    default void setContainerMetadata(String container, Map<String, String> metadata) {
        throw Unsupported.operation("setContainerMetadata");
    }

    /** Containers in name order; {@code options.pageSize()} is already within the declared limit. */
    PagedIterable<ContainerInfo> listContainers(ListOptions options);

    // ---- writing ------------------------------------------------------------------------------------

    /** Uploads a stream (read to its end, not closed); the blob appears only once complete. */
    BlobWriteResult upload(String container, String blob, InputStream content, UploadOptions options);

    /**
     * Uploads a file of known length ({@code options.length()} is set). The default streams it through
     * {@link #upload(String, String, InputStream, UploadOptions)}; providers may read it in parallel.
     */
    default BlobWriteResult upload(String container, String blob, Path file, UploadOptions options) {
        return LocalFiles.read(file, in -> upload(container, blob, in, options));
    }

    /** Replaces the blob's metadata. */
    BlobWriteResult setMetadata(String container, String blob, Map<String, String> metadata,
                                RequestConditions conditions);

    /** Copies a blob within the account. */
    BlobWriteResult copy(String sourceContainer, String sourceBlob, String targetContainer, String targetBlob,
                         CopyOptions options);

    /** Copies from a URL, fetched by the service. Needs BLOB_COPY_FROM_URL. */
    default BlobWriteResult copyFromUrl(URI source, String targetContainer, String targetBlob, CopyOptions options) {
        throw Unsupported.operation("copyFromUrl");
    }

    // ---- reading ------------------------------------------------------------------------------------

    /** Opens the content (or the range of {@code options}). */
    InputStream openInputStream(String container, String blob, ReadOptions options);

    /**
     * Downloads into a file, replacing it only when complete. The API has already pinned the ETag it read in
     * {@code options} (so a concurrent overwrite fails instead of mixing contents). The default streams
     * {@link #openInputStream} through {@link AtomicFiles#write}; providers may download ranges in parallel.
     */
    default void downloadToFile(String container, String blob, Path file, ReadOptions options) {
        AtomicFiles.write(file, out -> {
            try (InputStream in = openInputStream(container, blob, options)) {
                Streams.copy(in, out, options.progress(), -1);
            }
        });
    }

    /** The blob's properties (of a version or snapshot if named). */
    BlobProperties getProperties(String container, String blob, ReadOptions options);

    /** Whether the blob exists; a missing container is false. */
    boolean exists(String container, String blob);

    /** Blobs in name order; NOT_FOUND if the container is missing. */
    PagedIterable<BlobItem> list(String container, ListBlobsOptions options);

    // ---- deleting -----------------------------------------------------------------------------------

    /** Deletes a blob (and its snapshots), or one version or snapshot; false if absent. */
    boolean delete(String container, String blob, DeleteBlobOptions options);

    /** Deletes many blobs; the default deletes them one by one. Absent blobs count as deleted. */
    default BatchDeleteResult deleteBlobs(String container, Collection<String> blobs) {
        List<String> deleted = new ArrayList<>();
        Map<String, StorageException> failed = new LinkedHashMap<>();
        for (String name : blobs) {
            try {
                delete(container, name, DeleteBlobOptions.defaults());
                deleted.add(name);
            } catch (StorageException e) {
                failed.put(name, e);
            }
        }
        return new BatchDeleteResult(deleted, failed);
    }

    // ---- tags (optional: without BLOB_TAGS the API keeps tags in metadata) --------------------------

    /** Replaces the blob's native tags; the API has checked them. Needs BLOB_TAGS. */
    default void setTags(String container, String blob, Map<String, String> tags) {
        throw Unsupported.operation("setTags");
    }

    /** The blob's native tags. Needs BLOB_TAGS. */
    default Map<String, String> getTags(String container, String blob) {
        throw Unsupported.operation("getTags");
    }

    /**
     * The service's own search by tags; the API has parsed the expression. {@code container} null searches the
     * account. Needs BLOB_TAG_QUERIES.
     */
    default PagedIterable<TaggedBlob> findBlobsByTags(String container, String expression, ListOptions options) {
        throw Unsupported.operation("findBlobsByTags");
    }

    // ---- lifecycle rules the service enforces (optional) ----------------------------------------------

    /** Replaces the container's service-side lifecycle rules; the API has checked them. Needs BLOB_CONTAINER_LIFECYCLE. */
    default void setContainerLifecycle(String container, List<ContainerLifecycleRule> rules) {
        throw Unsupported.operation("setContainerLifecycle");
    }

    /** The container's service-side lifecycle rules. Needs BLOB_CONTAINER_LIFECYCLE. */
    default List<ContainerLifecycleRule> getContainerLifecycle(String container) {
        throw Unsupported.operation("getContainerLifecycle");
    }

    // ---- optional -----------------------------------------------------------------------------------

    /** Needs BLOB_TIERS. */
    default void setTier(String container, String blob, AccessTier tier) {
        throw Unsupported.operation("setTier");
    }

    /** Needs BLOB_SNAPSHOTS. */
    default String createSnapshot(String container, String blob, Map<String, String> metadata) {
        throw Unsupported.operation("createSnapshot");
    }

    /** Needs BLOB_SNAPSHOTS. */
    default List<BlobProperties> listSnapshots(String container, String blob) {
        throw Unsupported.operation("listSnapshots");
    }

    /** Needs BLOB_VERSIONS. */
    default PagedIterable<BlobProperties> listVersions(String container, String blob, ListOptions options) {
        throw Unsupported.operation("listVersions");
    }

    /** Needs BLOB_VERSIONS. */
    default BlobWriteResult restoreVersion(String container, String blob, String versionId) {
        throw Unsupported.operation("restoreVersion");
    }

    /** Needs BLOB_PRESIGNED_URLS. */
    default URI generatePresignedUrl(String container, String blob, PresignOptions options) {
        throw Unsupported.operation("generatePresignedUrl");
    }

    /** Needs BLOB_LEASES. {@code duration} is null (infinite) or within 15-60 s, checked by the API. */
    default String acquireLease(String container, String blob, Duration duration, String proposedLeaseId) {
        throw Unsupported.operation("acquireLease");
    }

    /** Needs BLOB_LEASES. */
    default void renewLease(String container, String blob, String leaseId) {
        throw Unsupported.operation("renewLease");
    }

    /** Needs BLOB_LEASES. */
    default void releaseLease(String container, String blob, String leaseId) {
        throw Unsupported.operation("releaseLease");
    }

    /** Needs BLOB_LEASES. */
    default void breakLease(String container, String blob) {
        throw Unsupported.operation("breakLease");
    }
}
