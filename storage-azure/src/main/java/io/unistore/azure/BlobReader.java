package io.unistore.azure;

import com.azure.core.util.Context;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.models.BlobDownloadHeaders;
import com.azure.storage.blob.models.BlobRange;
import com.azure.storage.blob.models.BlobRequestConditions;
import com.azure.storage.common.ParallelTransferOptions;
import com.azure.storage.blob.options.BlobDownloadToFileOptions;
import io.unistore.ByteRange;
import io.unistore.ErrorCode;
import io.unistore.RequestConditions;
import io.unistore.StorageException;
import io.unistore.blob.BlobProperties;
import io.unistore.blob.ReadOptions;
import io.unistore.spi.AtomicFiles;
import io.unistore.spi.Md5;
import io.unistore.spi.ReadAheadInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;

/**
 * The read paths of {@link AzureBlobStore}: a ranged stream (one chunk in memory, ETag-pinned, MD5-checked) and a
 * parallel download to a file that replaces the file only when the whole content has arrived and checked out.
 */
final class BlobReader {
    private final AzureBlobStore store;
    private final Tuning tuning;
    private final java.util.concurrent.Executor readAhead;

    /**
     * Ranged reads (of blobs and of files) take the whole chunk (at most {@code downloadChunkSize}) off the wire
     * inside the SDK's retry policy (azure-core's {@code azure-eagerly-read-response}), so an answer whose body
     * breaks off is retried like one that never came. Streamed instead, such a body can hang the call for good in azure-storage-blob
     * 12.33 and file-share 12.29 (Azure/azure-sdk-for-java#29584; the fault proxy's mid-body resets showed it),
     * and the SDK's own re-requests do not help.
     */
    static final Context EAGER = new Context("azure-eagerly-read-response", true);

    BlobReader(AzureBlobStore store, Tuning tuning, java.util.concurrent.Executor readAhead) {
        this.store = store;
        this.tuning = tuning;
        this.readAhead = readAhead;
    }

    InputStream open(String container, String blob, ReadOptions options) {
        BlobClient client = store.blob(container, blob, options.versionId(), options.snapshot());
        ByteRange range = options.range();
        long offset = range == null ? 0 : range.offset();
        long length = range == null ? -1 : range.length();
        String what = "read of " + AzureBlobStore.where(container, blob);
        BlobRequestConditions first = BlobModels.conditions(options.conditions());
        String leaseId = options.conditions().leaseId();
        if (length == 0) {
            store.getProperties(container, blob, options);
            return InputStream.nullInputStream();
        }
        ReadAheadInputStream.RangeFetcher fetcher = (at, len, etag, sink) -> fetch(client, what, at, len,
                etag == null ? first : new BlobRequestConditions().setIfMatch(etag).setLeaseId(leaseId), sink);
        try {
            return new ReadAheadInputStream(fetcher, offset, length, tuning.downloadChunkSize(), readAhead);
        } catch (StorageException e) {
            if (e.providerStatus() != 416) {
                throw e;
            }
            // Azure refuses any range on an empty blob and a range starting at or past the end.
            BlobProperties p = store.getProperties(container, blob, options.withRange(null));
            if (offset == 0 && p.size() == 0) {
                return InputStream.nullInputStream();
            }
            throw new StorageException(ErrorCode.INVALID_ARGUMENT, "range: starts at " + offset + ", beyond the end of "
                    + what.substring("read of ".length()) + " (" + p.size() + " bytes)", e, e.providerStatus(),
                    e.providerCode(), e.requestId());
        }
    }

    private static ReadAheadInputStream.Fetched fetch(BlobClient client, String what, long offset, long length,
                                                   BlobRequestConditions conditions, OutputStream sink) {
        return AzureErrors.call(what, () -> {
            BlobDownloadHeaders h = client.downloadStreamWithResponse(sink, new BlobRange(offset, length), null,
                    conditions, false, null, EAGER).getDeserializedHeaders();
            return new ReadAheadInputStream.Fetched(totalSize(h.getContentRange(), h.getContentLength()), h.getETag(),
                    h.getBlobContentMD5());
        });
    }

    /** The size after '/' in {@code bytes a-b/size}; the body length when the answer was not partial. */
    static long totalSize(String contentRange, Long contentLength) {
        if (contentRange != null) {
            int slash = contentRange.lastIndexOf('/');
            if (slash >= 0 && !contentRange.endsWith("*")) {
                return Long.parseLong(contentRange.substring(slash + 1).trim());
            }
        }
        return contentLength == null ? 0 : contentLength;
    }

    /**
     * The API has pinned the ETag it read in {@code options}; the properties are read again (under that pin) for
     * the size, which the empty-blob and range checks and the progress total need, and for the MD5 to check.
     */
    void downloadToFile(String container, String blob, Path file, ReadOptions options) {
        BlobProperties properties = store.getProperties(container, blob, options.withRange(null));
        RequestConditions c = options.conditions();
        BlobClient client = store.blob(container, blob, options.versionId(), options.snapshot());
        ByteRange range = options.range();
        boolean whole = range == null || range.offset() == 0 && (range.isOpenEnded()
                || range.length() >= properties.size());
        String what = "download of " + AzureBlobStore.where(container, blob);
        if (properties.size() == 0 || range != null && range.length() == 0) {
            AtomicFiles.replace(file, tmp -> { });
            return;
        }
        if (range != null && range.offset() >= properties.size()) {
            throw StorageException.invalidArgument("range", "starts at " + range.offset() + ", beyond the end of "
                    + AzureBlobStore.where(container, blob) + " (" + properties.size() + " bytes)");
        }
        ParallelTransferOptions parallel = new ParallelTransferOptions().setBlockSizeLong(tuning.blockSize())
                .setMaxConcurrency(tuning.concurrency());
        if (options.progress() != null) {
            long total = range == null || range.isOpenEnded() ? properties.size() - (range == null ? 0 : range.offset())
                    : Math.min(range.length(), properties.size() - range.offset());
            parallel.setProgressListener(done -> options.progress().onProgress(done, total));
        }
        BlobRequestConditions conditions = BlobModels.conditions(c);
        AtomicFiles.replace(file, tmp -> {
            AzureErrors.run(what, () -> client.downloadToFileWithResponse(new BlobDownloadToFileOptions(tmp.toString())
                            .setRange(range == null ? null : new BlobRange(range.offset(),
                                    range.isOpenEnded() ? null : range.length()))
                            .setParallelTransferOptions(parallel).setDownloadRetryOptions(null)
                            .setRequestConditions(conditions)
                            .setOpenOptions(Set.of(StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)),
                            null, Context.NONE));
            if (whole && properties.contentMd5() != null) {
                String received = Md5.ofFile(tmp);
                if (!received.equals(properties.contentMd5())) {
                    throw new StorageException(ErrorCode.INTERNAL, what + ": content MD5 mismatch: stored "
                            + properties.contentMd5() + ", received " + received);
                }
            }
        });
    }
}
