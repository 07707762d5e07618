package io.unistore.blob;

import io.unistore.Capability;
import io.unistore.ListOptions;
import io.unistore.PagedIterable;
import io.unistore.RequestConditions;
import io.unistore.Requires;
import io.unistore.StorageException;
import io.unistore.internal.Existence;
import io.unistore.spi.Streams;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Containers of blobs: Azure Blob Storage, Amazon S3, Google Cloud Storage, or a local directory.
 *
 * <p>Conventions, as in the Azure SDK: {@code create*} fails with {@code ALREADY_EXISTS} when the item exists;
 * {@code delete*} succeeds (returning false) when it is absent; {@code *Exists} returns a boolean. Every call
 * fails only with {@link StorageException}. Content is streamed: no call holds a whole blob in memory except
 * {@link #downloadBytes}. Implementations are thread-safe.
 *
 * <p>Names: a container name follows Azure's rules (3-63 characters, lowercase letters, digits and single
 * hyphens, starting and ending with a letter or digit); a blob name is 1-1024 characters with no path
 * segment {@code .} or {@code ..}, no leading {@code /}, no NUL or control characters. A name breaking a rule
 * fails with {@code INVALID_ARGUMENT} naming the rule. User metadata follows the service's own rules, declared
 * in {@link io.unistore.Capabilities#metadataRules()}; metadata read from a blob can always be written back.
 */
public interface BlobStore {

    // ---- containers -------------------------------------------------------------------------------

    /**
     * Creates a container.
     *
     * @throws StorageException ALREADY_EXISTS if it exists; INVALID_ARGUMENT for a bad name
     */
    default void createContainer(String container) {
        createContainer(container, Map.of());
    }

    /**
     * Creates a container with metadata. Non-empty metadata is refused with UNSUPPORTED when the account
     * lacks {@link Capability#CONTAINER_METADATA}.
     *
     * @throws StorageException ALREADY_EXISTS if it exists; INVALID_ARGUMENT for a bad name or metadata
     */
    void createContainer(String container, Map<String, String> metadata);

    /**
     * Creates the container unless it exists.
     *
     * @return true if this call created it
     */
    default boolean createContainerIfNotExists(String container) {
        return Existence.createdUnlessExists(() -> createContainer(container));
    }

    /**
     * Deletes a container and every blob in it.
     *
     * @return false if it did not exist
     */
    boolean deleteContainer(String container);

    /** Whether the container exists. */
    boolean containerExists(String container);

    /**
     * The container's properties.
     *
     * @throws StorageException NOT_FOUND if it does not exist
     */
    ContainerInfo getContainerProperties(String container);

    /**
     * Replaces the container's metadata.
     *
     * @throws StorageException NOT_FOUND if it does not exist
     */
    @Requires(Capability.CONTAINER_METADATA)
    void setContainerMetadata(String container, Map<String, String> metadata);

    /** Lists containers in name order, paged. */
    PagedIterable<ContainerInfo> listContainers(ListOptions options);

    /** Lists every container. */
    default PagedIterable<ContainerInfo> listContainers() {
        return listContainers(ListOptions.defaults());
    }

    // ---- writing ------------------------------------------------------------------------------------

    /**
     * Uploads a blob from a stream of any length, in bounded memory. The blob becomes visible only when the
     * whole content is stored: a failed or interrupted upload leaves the previous content (or nothing).
     * The stream is read to its end but not closed.
     *
     * @throws StorageException NOT_FOUND if the container does not exist; PRECONDITION_FAILED if a condition
     *         fails; INVALID_ARGUMENT if the content does not match {@link UploadOptions#contentMd5()}
     */
    BlobWriteResult upload(String container, String blob, InputStream content, UploadOptions options);

    /** Uploads bytes. */
    default BlobWriteResult upload(String container, String blob, byte[] content, UploadOptions options) {
        return upload(container, blob, new ByteArrayInputStream(content), options.withLength(content.length));
    }

    /** Uploads bytes with default options. */
    default BlobWriteResult upload(String container, String blob, byte[] content) {
        return upload(container, blob, content, UploadOptions.defaults());
    }

    /**
     * Uploads a file; providers may read it in parallel.
     *
     * @throws StorageException INVALID_ARGUMENT if the file cannot be read
     */
    BlobWriteResult upload(String container, String blob, Path file, UploadOptions options);

    /**
     * Replaces the blob's metadata.
     *
     * @throws StorageException NOT_FOUND; PRECONDITION_FAILED
     */
    BlobWriteResult setMetadata(String container, String blob, Map<String, String> metadata,
                                RequestConditions conditions);

    /**
     * Copies a blob within this account, server-side where the provider can.
     *
     * @throws StorageException NOT_FOUND if the source or target container is missing; PRECONDITION_FAILED
     */
    BlobWriteResult copy(String sourceContainer, String sourceBlob, String targetContainer, String targetBlob,
                         CopyOptions options);

    /**
     * Copies from a URL (e.g. a presigned URL of another account or cloud) into a blob; the service fetches
     * the bytes itself, so they never pass through this machine.
     */
    @Requires(Capability.BLOB_COPY_FROM_URL)
    BlobWriteResult copyFromUrl(URI source, String targetContainer, String targetBlob, CopyOptions options);

    // ---- reading ------------------------------------------------------------------------------------

    /**
     * Opens the blob's content (or a range of it) as a stream. Close it when done.
     *
     * @throws StorageException NOT_FOUND; PRECONDITION_FAILED; CONFLICT if the blob is archived;
     *         INVALID_ARGUMENT if the range starts beyond the end
     */
    InputStream openInputStream(String container, String blob, ReadOptions options);

    /** Opens the whole current blob. */
    default InputStream openInputStream(String container, String blob) {
        return openInputStream(container, blob, ReadOptions.defaults());
    }

    /**
     * Writes the blob's content to {@code out} (not closed).
     *
     * @return bytes written
     */
    default long download(String container, String blob, OutputStream out, ReadOptions options) {
        try (InputStream in = openInputStream(container, blob, options)) {
            return Streams.copy(in, out, options.progress(), -1);
        } catch (IOException e) {
            throw Streams.ioFailure("download of " + container + "/" + blob, e);
        }
    }

    /**
     * Downloads into a file, replacing it only once the whole content has arrived (through a temporary file
     * in the same directory). Providers may download ranges in parallel.
     *
     * @return the blob's properties as read
     */
    BlobProperties downloadToFile(String container, String blob, Path file, ReadOptions options);

    /** The whole blob in memory; for small blobs only. */
    default byte[] downloadBytes(String container, String blob) {
        try (InputStream in = openInputStream(container, blob, ReadOptions.defaults())) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw Streams.ioFailure("download of " + container + "/" + blob, e);
        }
    }

    /**
     * The blob's properties and metadata (of a version or snapshot if the options name one).
     *
     * @throws StorageException NOT_FOUND
     */
    BlobProperties getProperties(String container, String blob, ReadOptions options);

    /** The current blob's properties. */
    default BlobProperties getProperties(String container, String blob) {
        return getProperties(container, blob, ReadOptions.defaults());
    }

    /** Whether the blob exists (a missing container is just false). */
    boolean exists(String container, String blob);

    /**
     * Lists blobs in name order, paged, optionally grouped by a delimiter.
     *
     * @throws StorageException NOT_FOUND if the container does not exist
     */
    PagedIterable<BlobItem> list(String container, ListBlobsOptions options);

    /** Lists every blob of the container, flat. */
    default PagedIterable<BlobItem> list(String container) {
        return list(container, ListBlobsOptions.defaults());
    }

    // ---- deleting -----------------------------------------------------------------------------------

    /**
     * Deletes the blob (and its snapshots), or one version or snapshot of it.
     *
     * @return false if it did not exist
     * @throws StorageException PRECONDITION_FAILED if a condition fails
     */
    boolean delete(String container, String blob, DeleteBlobOptions options);

    /** Deletes the blob and its snapshots. */
    default boolean delete(String container, String blob) {
        return delete(container, blob, DeleteBlobOptions.defaults());
    }

    /**
     * Deletes many blobs, in batches where the provider has them. Absent blobs count as deleted.
     */
    BatchDeleteResult deleteBlobs(String container, Collection<String> blobs);

    // ---- tags ---------------------------------------------------------------------------------------

    /**
     * Replaces the blob's index tags (an empty map removes them). Tags follow Azure's rules on every provider: at
     * most 10; a key of 1-128 characters, a value of 0-256; letters, digits, space and {@code + - . / : = _}.
     * With {@link Capability#BLOB_TAGS} they are the service's own (Azure index tags, S3 object tags) and leave
     * the content, metadata and ETag alone; without it they are kept in the metadata entry {@code unistoretags},
     * written only if the blob is unchanged since read, and the ETag changes as with any metadata write.
     *
     * @throws StorageException NOT_FOUND; INVALID_ARGUMENT naming the tag and the rule it breaks
     */
    void setTags(String container, String blob, Map<String, String> tags);

    /**
     * The blob's index tags, in key order (empty when it has none).
     *
     * @throws StorageException NOT_FOUND
     */
    Map<String, String> getTags(String container, String blob);

    /**
     * The blobs whose tags match an expression in Azure's Find Blobs by Tags syntax: conditions
     * {@code "key" op 'value'} joined by {@code AND}, {@code op} one of {@code = > >= < <=} (strings compared in
     * character order), and at account scope {@code @container = 'name'}. With
     * {@link Capability#BLOB_TAG_QUERIES} the service answers from its index (eventually consistent on Azure:
     * a tag set a moment ago may not be found yet); without it the blobs are listed and their tags read (a scan:
     * as many requests as blobs when tags are native, one per listing page otherwise).
     *
     * @param container the container to search, or null for every container of the account
     * @param options the page size (a hint; a scan's page may even be empty) and where to resume
     * @throws StorageException INVALID_ARGUMENT naming the position and the rule; NOT_FOUND for a missing container
     */
    PagedIterable<TaggedBlob> findBlobsByTags(String container, String expression, ListOptions options);

    /** Every blob whose tags match, from the start. */
    default PagedIterable<TaggedBlob> findBlobsByTags(String container, String expression) {
        return findBlobsByTags(container, expression, ListOptions.defaults());
    }

    // ---- lifecycle rules the service enforces (optional) ----------------------------------------------

    /**
     * Replaces the lifecycle rules the service applies to this container itself (an empty list removes them).
     * The service then moves and deletes blobs on its own schedule, with no process of ours running.
     *
     * @throws StorageException NOT_FOUND if the container does not exist; INVALID_ARGUMENT for a rule the
     *         service refuses (S3: no move to Cool before 30 days), naming the rule
     */
    @Requires(Capability.BLOB_CONTAINER_LIFECYCLE)
    void setContainerLifecycle(String container, List<ContainerLifecycleRule> rules);

    /** The lifecycle rules the service applies to this container (empty when none), as far as the model holds them. */
    @Requires(Capability.BLOB_CONTAINER_LIFECYCLE)
    List<ContainerLifecycleRule> getContainerLifecycle(String container);

    // ---- tiers, snapshots, versions, URLs, leases (optional) ----------------------------------------

    /**
     * Moves the blob to a tier. Moving an archived blob to another tier rehydrates it (which may take hours on
     * a cloud; {@link BlobProperties#archiveStatus()} shows it).
     */
    @Requires(Capability.BLOB_TIERS)
    void setTier(String container, String blob, AccessTier tier);

    /**
     * Takes a read-only snapshot of the blob as it is now.
     *
     * @param metadata the snapshot's metadata, or null to keep the blob's
     * @return the snapshot id, to use in {@link ReadOptions#withSnapshot}
     */
    @Requires(Capability.BLOB_SNAPSHOTS)
    String createSnapshot(String container, String blob, Map<String, String> metadata);

    /** The blob's snapshots, oldest first. */
    @Requires(Capability.BLOB_SNAPSHOTS)
    List<BlobProperties> listSnapshots(String container, String blob);

    /**
     * The blob's versions, oldest first, the current one included (with
     * {@link BlobProperties#currentVersion()} true); a deleted blob has versions but no current one.
     */
    @Requires(Capability.BLOB_VERSIONS)
    PagedIterable<BlobProperties> listVersions(String container, String blob, ListOptions options);

    /**
     * Makes a previous version the current content again (by copying it over the blob; the version stays).
     *
     * @throws StorageException NOT_FOUND if the version does not exist
     */
    @Requires(Capability.BLOB_VERSIONS)
    BlobWriteResult restoreVersion(String container, String blob, String versionId);

    /**
     * A URL that grants the permissions on this blob until it expires, with no other credentials.
     */
    @Requires(Capability.BLOB_PRESIGNED_URLS)
    URI generatePresignedUrl(String container, String blob, PresignOptions options);

    /**
     * Takes an exclusive write lease.
     *
     * @param duration 15 to 60 seconds, or null for a lease that lasts until released
     * @param proposedLeaseId the id to use, or null to let the service choose
     * @return the lease id; pass it in {@link RequestConditions#withLeaseId} to write the blob
     * @throws StorageException CONFLICT if another lease is held
     */
    @Requires(Capability.BLOB_LEASES)
    String acquireLease(String container, String blob, Duration duration, String proposedLeaseId);

    /** Renews a lease before it expires. */
    @Requires(Capability.BLOB_LEASES)
    void renewLease(String container, String blob, String leaseId);

    /** Releases a lease. */
    @Requires(Capability.BLOB_LEASES)
    void releaseLease(String container, String blob, String leaseId);

    /** Breaks whatever lease is held, without knowing its id. */
    @Requires(Capability.BLOB_LEASES)
    void breakLease(String container, String blob);

}
