package io.unistore.ops;

import io.unistore.Capabilities;
import io.unistore.Capability;
import io.unistore.ErrorCode;
import io.unistore.RequestConditions;
import io.unistore.StorageAccount;
import io.unistore.StorageException;
import io.unistore.blob.AccessTier;
import io.unistore.blob.BlobProperties;
import io.unistore.blob.BlobStore;
import io.unistore.blob.BlobWriteResult;
import io.unistore.blob.CopyOptions;
import io.unistore.blob.PresignOptions;
import io.unistore.blob.ReadOptions;
import io.unistore.blob.UploadOptions;
import io.unistore.spi.Streams;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.security.DigestInputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Copies and verifies one object for {@link ContainerCopy}. Thread-safe. */
final class ObjectCopier {
    /** What happened to one object. */
    record Outcome(boolean unchanged, CopyMethod method, long bytes, long streamed, boolean checksumVerified) {
        static final Outcome UNCHANGED = new Outcome(true, null, 0, 0, false);
    }

    private final BlobStore source;
    private final BlobStore target;
    private final Capabilities targetCaps;
    private final CopyContainerOptions options;
    private final CopyMethod method;
    private final ProgressMeter meter;
    /** Copy-from-URL failures before any success; past a few, the run streams instead. */
    private final java.util.concurrent.atomic.AtomicInteger urlFailures = new java.util.concurrent.atomic.AtomicInteger();
    private volatile boolean urlWorks;
    private static final int URL_FAILURES_BEFORE_STREAMING = 3;

    ObjectCopier(StorageAccount sourceAccount, StorageAccount targetAccount, CopyContainerOptions options,
                 ProgressMeter meter) {
        this.source = sourceAccount.blobs();
        this.target = targetAccount.blobs();
        this.targetCaps = targetAccount.capabilities();
        this.options = options;
        this.meter = meter;
        this.method = chooseMethod(sourceAccount, targetAccount, options);
    }

    /** Server-side within an account, else from a presigned URL where both sides allow it, else streaming. */
    static CopyMethod chooseMethod(StorageAccount source, StorageAccount target, CopyContainerOptions options) {
        if (!options.serverSide()) {
            return CopyMethod.STREAM;
        }
        if (sameAccount(source, target)) {
            return CopyMethod.SERVER_COPY;
        }
        if (target.capabilities().has(Capability.BLOB_COPY_FROM_URL)
                && source.capabilities().has(Capability.BLOB_PRESIGNED_URLS)) {
            return CopyMethod.COPY_FROM_URL;
        }
        return CopyMethod.STREAM;
    }

    static boolean sameAccount(StorageAccount a, StorageAccount b) {
        return a == b || a.providerId().equals(b.providerId()) && a.displayName().equals(b.displayName());
    }

    CopyMethod method() {
        return method;
    }

    /** The target's properties, or null when it has no such blob. */
    BlobProperties targetProperties(String name) {
        try {
            return target.getProperties(options.targetContainer(), name);
        } catch (StorageException e) {
            if (e.code() == ErrorCode.NOT_FOUND) {
                return null;
            }
            throw e;
        }
    }

    /**
     * Whether the target already holds this content, given what the target's listing says of the name
     * ({@code listed}, null when it has no such blob). A listing may leave out the MD5 (S3 multipart objects,
     * whose MD5 storage-ops keeps in metadata a listing does not carry): then the blob's properties are read.
     */
    boolean unchanged(BlobProperties src, BlobProperties listed) {
        if (listed == null || listed.size() != src.size()) {
            return false;
        }
        BlobProperties existing = Digests.md5Of(listed) != null ? listed
                : targetProperties(options.targetName(src.name()));
        return existing != null && Digests.sameContent(src, existing);
    }

    /** Copies one object by the chosen method and verifies it; retries retryable failures. */
    Outcome copy(BlobProperties listed) throws InterruptedException {
        String name = options.targetName(listed.name());
        BlobProperties[] src = {listed};
        return Retry.call(options.retries(), () -> {
            try {
                return copyOnce(src[0], name);
            } catch (StorageException e) {
                if (e.code() != ErrorCode.PRECONDITION_FAILED) {
                    throw e;
                }
                // The source changed since it was listed: copy what it is now.
                src[0] = source.getProperties(options.sourceContainer(), listed.name());
                return copyOnce(src[0], name);
            }
        });
    }

    private Outcome copyOnce(BlobProperties src, String name) {
        return switch (method) {
            case SERVER_COPY -> {
                target.copy(options.sourceContainer(), src.name(), options.targetContainer(), name,
                        CopyOptions.defaults().withTier(tierFor(src))
                                .withSourceConditions(RequestConditions.ifMatch(src.etag())));
                yield verifyServerSide(src, name, CopyMethod.SERVER_COPY);
            }
            case COPY_FROM_URL -> {
                if (!urlWorks && urlFailures.get() >= URL_FAILURES_BEFORE_STREAMING) {
                    yield stream(src, name);
                }
                try {
                    URI url = source.generatePresignedUrl(options.sourceContainer(), src.name(),
                            PresignOptions.read(options.presignExpiry()));
                    target.copyFromUrl(url, options.targetContainer(), name, CopyOptions.defaults()
                            .withMetadata(src.metadata()).withContentType(src.contentType()).withTier(tierFor(src)));
                } catch (StorageException e) {
                    if (e.isRetryable() || e.code() == ErrorCode.PRECONDITION_FAILED) {
                        throw e;
                    }
                    // The target service could not fetch the URL (a network it cannot reach, an emulator that
                    // only copies within itself): this machine moves the bytes instead.
                    urlFailures.incrementAndGet();
                    yield stream(src, name);
                }
                urlWorks = true;
                yield verifyServerSide(src, name, CopyMethod.COPY_FROM_URL);
            }
            case STREAM -> stream(src, name);
        };
    }

    private Outcome verifyServerSide(BlobProperties src, String name, CopyMethod how) {
        BlobProperties written = targetProperties(name);
        if (written == null || written.size() != src.size()) {
            throw new StorageException(ErrorCode.INTERNAL, "copy of " + src.name() + " left "
                    + (written == null ? "no blob" : written.size() + " bytes instead of " + src.size()));
        }
        meter.bytes(src.size());
        String expected = Digests.md5Of(src);
        String actual = Digests.md5Of(written);
        if (expected != null && actual != null) {
            if (!expected.equals(actual)) {
                throw new StorageException(ErrorCode.INTERNAL, "copy of " + src.name() + ": target MD5 " + actual
                        + " differs from the source's " + expected);
            }
            return new Outcome(false, how, src.size(), 0, true);
        }
        return new Outcome(false, how, src.size(), 0, false);
    }

    private Outcome stream(BlobProperties src, String name) {
        String sourceMd5 = Digests.md5Of(src);
        AtomicLong reported = new AtomicLong();
        UploadOptions upload = UploadOptions.defaults().withContentType(src.contentType())
                .withContentEncoding(src.contentEncoding()).withCacheControl(src.cacheControl())
                .withContentDisposition(src.contentDisposition()).withMetadata(src.metadata())
                .withTier(tierFor(src)).withContentMd5(sourceMd5).withLength(src.size())
                .withBlockSize(options.blockSize()).withConcurrency(options.uploadConcurrency())
                .withProgress((done, total) -> meter.bytes(done - reported.getAndSet(done)));
        BlobWriteResult result;
        String computed;
        ReadOptions read = ReadOptions.defaults().withConditions(RequestConditions.ifMatch(src.etag()));
        try (InputStream in = source.openInputStream(options.sourceContainer(), src.name(), read)) {
            if (sourceMd5 != null) {
                // The upload is given the source's MD5 and every provider fails it, storing nothing, when the
                // content differs (UploadOptions.contentMd5): the provider's own hash is the check, and hashing
                // here too would halve the speed of large objects (one core hashes about 0.7 GB/s).
                result = target.upload(options.targetContainer(), name, in, upload);
                computed = sourceMd5;
            } else {
                DigestInputStream hashing = Digests.md5Stream(in);
                result = target.upload(options.targetContainer(), name, hashing, upload);
                computed = Digests.base64(hashing.getMessageDigest());
            }
        } catch (IOException e) {
            throw Streams.ioFailure("copy of " + src.name(), e);
        } catch (StorageException e) {
            meter.bytes(-reported.get());
            throw e;
        }
        meter.bytes(src.size() - reported.get());
        // The upload's own answer tells size and MD5 on most services; the blob is read back only otherwise.
        boolean answered = result.size() == src.size() && result.contentMd5() != null;
        BlobProperties written = answered ? null : targetProperties(name);
        if (!answered && (written == null || written.size() != src.size())) {
            throw new StorageException(ErrorCode.INTERNAL, "upload of " + name + " stored "
                    + (written == null ? "nothing" : written.size() + " bytes instead of " + src.size()));
        }
        String targetMd5 = result.contentMd5() != null ? result.contentMd5() : written.contentMd5();
        if (targetMd5 == null && options.verifyReadBack()) {
            targetMd5 = readBackMd5(name);
        }
        if (targetMd5 != null && !targetMd5.equals(computed)) {
            throw new StorageException(ErrorCode.INTERNAL, "target " + name + " has MD5 " + targetMd5
                    + " but " + computed + " was sent");
        }
        if (written != null && written.contentMd5() == null
                && !computed.equals(written.metadata().get(Digests.MD5_KEY))) {
            // The target service keeps no MD5: keep ours so that incremental copies can compare.
            Map<String, String> metadata = new HashMap<>(written.metadata());
            metadata.put(Digests.MD5_KEY, computed);
            target.setMetadata(options.targetContainer(), name, metadata,
                    RequestConditions.ifMatch(written.etag()));
        }
        return new Outcome(false, CopyMethod.STREAM, src.size(), src.size(), targetMd5 != null);
    }

    private String readBackMd5(String name) {
        try (InputStream in = target.openInputStream(options.targetContainer(), name)) {
            return Digests.md5OfStream(in);
        } catch (IOException e) {
            throw Streams.ioFailure("read-back of " + name, e);
        }
    }

    /** The source's tier where the target has tiers (Archive only where it has an archive tier). */
    private AccessTier tierFor(BlobProperties src) {
        AccessTier tier = src.tier();
        if (!options.carryTier() || tier == null || !targetCaps.has(Capability.BLOB_TIERS)) {
            return null;
        }
        if (tier == AccessTier.ARCHIVE && !targetCaps.has(Capability.BLOB_ARCHIVE)) {
            return AccessTier.COLD;
        }
        return tier;
    }
}
