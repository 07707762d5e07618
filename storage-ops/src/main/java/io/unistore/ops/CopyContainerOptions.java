package io.unistore.ops;

import io.unistore.StorageException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * Options of {@link ContainerCopy} ({@code copy-container}). Build with {@link #of} and the {@code with*}
 * methods.
 *
 * @param sourceContainer the container to copy from
 * @param sourcePrefix only blobs whose names start with this, or null for all
 * @param targetContainer the container to copy into
 * @param targetPrefix replaces {@code sourcePrefix} at the start of each name, or null to keep names as they are
 * @param concurrency objects copied at once (bounds memory: each streams through one provider upload)
 * @param incremental skip objects whose target already has the same size and MD5 (see {@link ContainerCopy})
 * @param dryRun only report what would be copied; write nothing (no container, no checkpoint)
 * @param checkpoint the journal file that makes the copy resumable, or null for none
 * @param serverSide let the services move the bytes where they can (same-account copy, copy from a
 *                   presigned URL); false streams every object through this machine
 * @param carryTier write each object into the source's tier where the target has tiers
 * @param createTargetContainer create the target container when missing
 * @param verifyReadBack when neither service reports an MD5 for a streamed object, read the target back and
 *                       hash it
 * @param retries attempts after a retryable failure of one object
 * @param countFirst list the source once before copying, so progress has totals and an ETA
 * @param presignExpiry validity of the presigned source URLs of server-side copies across accounts
 * @param blockSize block size passed to uploads, or 0 for the provider's default
 * @param uploadConcurrency blocks in flight per upload, or 0 for the provider's default
 * @param progress told how the copy advances, or null
 * @param progressInterval the least time between two progress reports
 * @param reportLimit the most names listed in the result (planned, failed)
 * @param nameFilter which source blobs (by full name) to copy, or null for every one under {@code sourcePrefix}
 */
public record CopyContainerOptions(String sourceContainer, String sourcePrefix, String targetContainer,
                                   String targetPrefix, int concurrency, boolean incremental, boolean dryRun,
                                   Path checkpoint, boolean serverSide, boolean carryTier,
                                   boolean createTargetContainer, boolean verifyReadBack, int retries,
                                   boolean countFirst, Duration presignExpiry, long blockSize,
                                   int uploadConcurrency, ProgressCallback progress, Duration progressInterval,
                                   int reportLimit, Predicate<String> nameFilter) {

    public CopyContainerOptions {
        if (sourceContainer == null || sourceContainer.isEmpty()) {
            throw StorageException.invalidArgument("sourceContainer", "is required");
        }
        if (targetContainer == null || targetContainer.isEmpty()) {
            throw StorageException.invalidArgument("targetContainer", "is required");
        }
        if (concurrency < 1 || concurrency > 1024) {
            throw StorageException.invalidArgument("concurrency", "must be 1 to 1024, was " + concurrency);
        }
        if (retries < 0) {
            throw StorageException.invalidArgument("retries", "must not be negative, was " + retries);
        }
        if (reportLimit < 0) {
            throw StorageException.invalidArgument("reportLimit", "must not be negative, was " + reportLimit);
        }
        presignExpiry = presignExpiry == null ? Duration.ofHours(1) : presignExpiry;
        progressInterval = progressInterval == null ? Duration.ofMillis(500) : progressInterval;
    }

    /** Copies every blob of one container into another, with the defaults. */
    public static CopyContainerOptions of(String sourceContainer, String targetContainer) {
        return new CopyContainerOptions(sourceContainer, null, targetContainer, null, 8, true, false, null, true,
                true, true, true, 3, true, Duration.ofHours(1), 0, 0, null, Duration.ofMillis(500), 1000, null);
    }

    public CopyContainerOptions withSourcePrefix(String v) {
        return new CopyContainerOptions(sourceContainer, v, targetContainer, targetPrefix, concurrency, incremental,
                dryRun, checkpoint, serverSide, carryTier, createTargetContainer, verifyReadBack, retries,
                countFirst, presignExpiry, blockSize, uploadConcurrency, progress, progressInterval, reportLimit, nameFilter);
    }

    public CopyContainerOptions withTargetPrefix(String v) {
        return new CopyContainerOptions(sourceContainer, sourcePrefix, targetContainer, v, concurrency, incremental,
                dryRun, checkpoint, serverSide, carryTier, createTargetContainer, verifyReadBack, retries,
                countFirst, presignExpiry, blockSize, uploadConcurrency, progress, progressInterval, reportLimit, nameFilter);
    }

    public CopyContainerOptions withConcurrency(int v) {
        return new CopyContainerOptions(sourceContainer, sourcePrefix, targetContainer, targetPrefix, v, incremental,
                dryRun, checkpoint, serverSide, carryTier, createTargetContainer, verifyReadBack, retries,
                countFirst, presignExpiry, blockSize, uploadConcurrency, progress, progressInterval, reportLimit, nameFilter);
    }

    public CopyContainerOptions withIncremental(boolean v) {
        return new CopyContainerOptions(sourceContainer, sourcePrefix, targetContainer, targetPrefix, concurrency, v,
                dryRun, checkpoint, serverSide, carryTier, createTargetContainer, verifyReadBack, retries,
                countFirst, presignExpiry, blockSize, uploadConcurrency, progress, progressInterval, reportLimit, nameFilter);
    }

    public CopyContainerOptions withDryRun(boolean v) {
        return new CopyContainerOptions(sourceContainer, sourcePrefix, targetContainer, targetPrefix, concurrency,
                incremental, v, checkpoint, serverSide, carryTier, createTargetContainer, verifyReadBack, retries,
                countFirst, presignExpiry, blockSize, uploadConcurrency, progress, progressInterval, reportLimit, nameFilter);
    }

    public CopyContainerOptions withCheckpoint(Path v) {
        return new CopyContainerOptions(sourceContainer, sourcePrefix, targetContainer, targetPrefix, concurrency,
                incremental, dryRun, v, serverSide, carryTier, createTargetContainer, verifyReadBack, retries,
                countFirst, presignExpiry, blockSize, uploadConcurrency, progress, progressInterval, reportLimit, nameFilter);
    }

    public CopyContainerOptions withServerSide(boolean v) {
        return new CopyContainerOptions(sourceContainer, sourcePrefix, targetContainer, targetPrefix, concurrency,
                incremental, dryRun, checkpoint, v, carryTier, createTargetContainer, verifyReadBack, retries,
                countFirst, presignExpiry, blockSize, uploadConcurrency, progress, progressInterval, reportLimit, nameFilter);
    }

    public CopyContainerOptions withCarryTier(boolean v) {
        return new CopyContainerOptions(sourceContainer, sourcePrefix, targetContainer, targetPrefix, concurrency,
                incremental, dryRun, checkpoint, serverSide, v, createTargetContainer, verifyReadBack, retries,
                countFirst, presignExpiry, blockSize, uploadConcurrency, progress, progressInterval, reportLimit, nameFilter);
    }

    public CopyContainerOptions withCreateTargetContainer(boolean v) {
        return new CopyContainerOptions(sourceContainer, sourcePrefix, targetContainer, targetPrefix, concurrency,
                incremental, dryRun, checkpoint, serverSide, carryTier, v, verifyReadBack, retries, countFirst,
                presignExpiry, blockSize, uploadConcurrency, progress, progressInterval, reportLimit, nameFilter);
    }

    public CopyContainerOptions withVerifyReadBack(boolean v) {
        return new CopyContainerOptions(sourceContainer, sourcePrefix, targetContainer, targetPrefix, concurrency,
                incremental, dryRun, checkpoint, serverSide, carryTier, createTargetContainer, v, retries,
                countFirst, presignExpiry, blockSize, uploadConcurrency, progress, progressInterval, reportLimit, nameFilter);
    }

    public CopyContainerOptions withRetries(int v) {
        return new CopyContainerOptions(sourceContainer, sourcePrefix, targetContainer, targetPrefix, concurrency,
                incremental, dryRun, checkpoint, serverSide, carryTier, createTargetContainer, verifyReadBack, v,
                countFirst, presignExpiry, blockSize, uploadConcurrency, progress, progressInterval, reportLimit, nameFilter);
    }

    public CopyContainerOptions withCountFirst(boolean v) {
        return new CopyContainerOptions(sourceContainer, sourcePrefix, targetContainer, targetPrefix, concurrency,
                incremental, dryRun, checkpoint, serverSide, carryTier, createTargetContainer, verifyReadBack,
                retries, v, presignExpiry, blockSize, uploadConcurrency, progress, progressInterval, reportLimit, nameFilter);
    }

    public CopyContainerOptions withPresignExpiry(Duration v) {
        return new CopyContainerOptions(sourceContainer, sourcePrefix, targetContainer, targetPrefix, concurrency,
                incremental, dryRun, checkpoint, serverSide, carryTier, createTargetContainer, verifyReadBack,
                retries, countFirst, v, blockSize, uploadConcurrency, progress, progressInterval, reportLimit, nameFilter);
    }

    public CopyContainerOptions withBlockSize(long v) {
        return new CopyContainerOptions(sourceContainer, sourcePrefix, targetContainer, targetPrefix, concurrency,
                incremental, dryRun, checkpoint, serverSide, carryTier, createTargetContainer, verifyReadBack,
                retries, countFirst, presignExpiry, v, uploadConcurrency, progress, progressInterval, reportLimit, nameFilter);
    }

    public CopyContainerOptions withUploadConcurrency(int v) {
        return new CopyContainerOptions(sourceContainer, sourcePrefix, targetContainer, targetPrefix, concurrency,
                incremental, dryRun, checkpoint, serverSide, carryTier, createTargetContainer, verifyReadBack,
                retries, countFirst, presignExpiry, blockSize, v, progress, progressInterval, reportLimit, nameFilter);
    }

    public CopyContainerOptions withProgress(ProgressCallback v) {
        return new CopyContainerOptions(sourceContainer, sourcePrefix, targetContainer, targetPrefix, concurrency,
                incremental, dryRun, checkpoint, serverSide, carryTier, createTargetContainer, verifyReadBack,
                retries, countFirst, presignExpiry, blockSize, uploadConcurrency, v, progressInterval, reportLimit, nameFilter);
    }

    public CopyContainerOptions withProgressInterval(Duration v) {
        return new CopyContainerOptions(sourceContainer, sourcePrefix, targetContainer, targetPrefix, concurrency,
                incremental, dryRun, checkpoint, serverSide, carryTier, createTargetContainer, verifyReadBack,
                retries, countFirst, presignExpiry, blockSize, uploadConcurrency, progress, v, reportLimit,
                nameFilter);
    }

    public CopyContainerOptions withReportLimit(int v) {
        return new CopyContainerOptions(sourceContainer, sourcePrefix, targetContainer, targetPrefix, concurrency,
                incremental, dryRun, checkpoint, serverSide, carryTier, createTargetContainer, verifyReadBack,
                retries, countFirst, presignExpiry, blockSize, uploadConcurrency, progress, progressInterval, v, nameFilter);
    }

    /** Copies only the source blobs whose full names the filter accepts (include/exclude patterns, a sync plan). */
    public CopyContainerOptions withNameFilter(Predicate<String> v) {
        return new CopyContainerOptions(sourceContainer, sourcePrefix, targetContainer, targetPrefix, concurrency,
                incremental, dryRun, checkpoint, serverSide, carryTier, createTargetContainer, verifyReadBack,
                retries, countFirst, presignExpiry, blockSize, uploadConcurrency, progress, progressInterval,
                reportLimit, v);
    }

    /** Whether a listed source blob is to be copied. */
    boolean selects(String sourceName) {
        return nameFilter == null || nameFilter.test(sourceName);
    }

    /** The target name of a source blob. */
    String targetName(String sourceName) {
        if (targetPrefix == null) {
            return sourceName;
        }
        String rest = sourcePrefix != null && sourceName.startsWith(sourcePrefix)
                ? sourceName.substring(sourcePrefix.length()) : sourceName;
        return targetPrefix + rest;
    }
}
