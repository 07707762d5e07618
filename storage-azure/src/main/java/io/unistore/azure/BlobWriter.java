package io.unistore.azure;

import com.azure.core.http.HttpHeaders;
import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import com.azure.core.util.DateTimeRfc1123;
import com.azure.core.util.polling.LongRunningOperationStatus;
import com.azure.core.util.polling.PollResponse;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.models.BlobBeginCopySourceRequestConditions;
import com.azure.storage.blob.models.BlobCopyInfo;
import com.azure.storage.blob.models.BlobHttpHeaders;
import com.azure.storage.blob.models.BlobRequestConditions;
import com.azure.storage.blob.models.CopyStatusType;
import com.azure.storage.blob.options.BlobBeginCopyOptions;
import com.azure.storage.blob.options.BlockBlobCommitBlockListOptions;
import com.azure.storage.blob.options.BlockBlobSimpleUploadOptions;
import com.azure.storage.blob.options.BlockBlobStageBlockOptions;
import com.azure.storage.blob.specialized.BlockBlobClient;
import io.unistore.ErrorCode;
import io.unistore.RequestConditions;
import io.unistore.StorageException;
import io.unistore.blob.BlobProperties;
import io.unistore.blob.BlobWriteResult;
import io.unistore.blob.CopyOptions;
import io.unistore.blob.ReadOptions;
import io.unistore.blob.UploadOptions;
import io.unistore.spi.ChunkReader;
import io.unistore.spi.Md5;
import io.unistore.spi.ParallelUpload;
import io.unistore.spi.UploadChecks;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;

/**
 * The write paths of {@link AzureBlobStore}. Small content goes up in one Put Blob; larger content as blocks
 * staged in parallel and committed at the end, so a failed upload never shows a partial blob. The whole
 * content's MD5 is computed on the way and stored as the blob's Content-MD5.
 */
final class BlobWriter {
    /** Azure's limit on the blocks of one blob. */
    static final int MAX_BLOCKS = 50_000;

    private final AzureBlobStore store;
    private final Tuning tuning;
    private final ExecutorService transfers;

    BlobWriter(AzureBlobStore store, Tuning tuning, ExecutorService transfers) {
        this.store = store;
        this.tuning = tuning;
        this.transfers = transfers;
    }

    BlobWriteResult upload(String container, String blob, InputStream content, UploadOptions o) {
        BlockBlobClient client = store.blob(container, blob).getBlockBlobClient();
        Map<String, String> metadata = o.metadata();
        long blockSize = tuning.blockSizeFor(o.blockSize(), o.length());
        String what = "upload of " + AzureBlobStore.where(container, blob);
        ChunkReader.Chunk[] read = new ChunkReader.Chunk[1];
        ChunkReader reader = ChunkReader.start(content, (int) blockSize, o.length(), read);
        ChunkReader.Chunk first = read[0];
        BlobRequestConditions conditions = BlobModels.conditions(o.conditions());
        BlobHttpHeaders headers = BlobModels.headers(o);
        try {
            if (reader.atEnd()) {
                MessageDigest md5 = Md5.newDigest();
                md5.update(first.data(), 0, first.length());
                byte[] digest = md5.digest();
                UploadChecks.check(first.length(), Md5.base64(digest), o);
                BlockBlobSimpleUploadOptions put = new BlockBlobSimpleUploadOptions(
                        BinaryData.fromByteBuffer(ByteBuffer.wrap(first.data(), 0, first.length())))
                        .setHeaders(headers.setContentMd5(digest)).setMetadata(metadata)
                        .setTier(BlobModels.toAzure(o.tier())).setContentMd5(digest).setRequestConditions(conditions)
                        .setTags(o.tags().isEmpty() ? null : o.tags());
                BlobWriteResult result = BlobModels.written(client.uploadWithResponse(put, null, Context.NONE)
                        .getValue(), first.length());
                if (o.progress() != null) {
                    o.progress().onProgress(first.length(), first.length());
                }
                return result;
            }
            String nonce = UUID.randomUUID().toString().substring(0, 8);
            ConcurrentSkipListMap<Integer, String> blocks = new ConcurrentSkipListMap<>();
            String leaseId = o.conditions().leaseId();
            ParallelUpload.Outcome outcome = ParallelUpload.run(reader, first, (int) blockSize,
                    tuning.concurrencyFor(o.concurrency()), transfers, (index, offset, data) -> {
                        if (index >= MAX_BLOCKS) {
                            throw StorageException.invalidArgument("content", "needs more than 50,000 blocks of "
                                    + blockSize + " bytes: give its length or a larger blockSize");
                        }
                        String id = blockId(nonce, index);
                        client.stageBlockWithResponse(new BlockBlobStageBlockOptions(id, BinaryData.fromByteBuffer(data))
                                .setLeaseId(leaseId), null, Context.NONE);
                        blocks.put(index, id);
                    }, o.progress(), o.length(), t -> failure(what, t, o.conditions()));
            UploadChecks.check(outcome.bytes(), Md5.base64(outcome.md5()), o);
            BlockBlobCommitBlockListOptions commit = new BlockBlobCommitBlockListOptions(new ArrayList<>(blocks.values()))
                    .setHeaders(headers.setContentMd5(outcome.md5())).setMetadata(metadata)
                    .setTier(BlobModels.toAzure(o.tier())).setRequestConditions(conditions)
                    .setTags(o.tags().isEmpty() ? null : o.tags());
            // The commit's own Content-MD5 is that of the block list it sent, not of the blob.
            com.azure.storage.blob.models.BlockBlobItem item = client.commitBlockListWithResponse(commit, null,
                    Context.NONE).getValue();
            return new BlobWriteResult(item.getETag(), BlobModels.instant(item.getLastModified()), outcome.bytes(),
                    BlobModels.base64(outcome.md5()), item.getVersionId());
        } catch (RuntimeException e) {
            throw failure(what, e, o.conditions());
        }
    }

    /** Block ids must have one length within a blob; the nonce keeps a retried upload's ids apart. */
    private static String blockId(String nonce, int index) {
        return Base64.getEncoder().encodeToString((nonce + String.format("-%06d", index))
                .getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * A failed write. Azure answers a create-only write ({@code If-None-Match: *}) on an existing blob with
     * 409 BlobAlreadyExists; for the API that is a condition that did not hold.
     */
    static StorageException failure(String what, Throwable t, RequestConditions conditions) {
        StorageException e = AzureErrors.translate(what, t);
        if (e.code() == ErrorCode.ALREADY_EXISTS && conditions != null && "*".equals(conditions.ifNoneMatch())) {
            return new StorageException(ErrorCode.PRECONDITION_FAILED, e.getMessage(), e.getCause(),
                    e.providerStatus(), e.providerCode(), e.requestId());
        }
        return e;
    }

    BlobWriteResult setMetadata(String container, String blob, Map<String, String> metadata,
                                RequestConditions conditions) {
        BlobClient client = store.blob(container, blob);
        return AzureErrors.call("metadata of " + AzureBlobStore.where(container, blob), () -> {
            HttpHeaders h = client.setMetadataWithResponse(metadata, BlobModels.conditions(conditions), null,
                    Context.NONE)
                    .getHeaders();
            String lastModified = h.getValue("Last-Modified");
            return new BlobWriteResult(h.getValue("ETag"), lastModified == null ? null
                    : new DateTimeRfc1123(lastModified).getDateTime().toInstant(), -1, null,
                    h.getValue("x-ms-version-id"));
        });
    }

    /**
     * Copies with the service's Copy Blob from a URL (same account, another account with a SAS, or any URL the
     * service can read) and waits until the service reports the copy done.
     */
    BlobWriteResult copy(String sourceUrl, String sourceLabel, String container, String blob, CopyOptions o) {
        BlobClient target = store.blob(container, blob);
        Map<String, String> meta = o.metadata();
        RequestConditions src = o.sourceConditions();
        BlobBeginCopyOptions begin = new BlobBeginCopyOptions(sourceUrl).setMetadata(meta)
                .setTier(BlobModels.toAzure(o.tier())).setPollInterval(Duration.ofMillis(200))
                .setDestinationRequestConditions(BlobModels.conditions(o.targetConditions()));
        if (!src.isEmpty()) {
            begin.setSourceRequestConditions(new BlobBeginCopySourceRequestConditions().setIfMatch(src.ifMatch())
                    .setIfNoneMatch(src.ifNoneMatch()).setIfModifiedSince(BlobModels.odt(src.ifModifiedSince()))
                    .setIfUnmodifiedSince(BlobModels.odt(src.ifUnmodifiedSince())));
        }
        String what = "copy of " + sourceLabel + " to " + AzureBlobStore.where(container, blob);
        try {
            PollResponse<BlobCopyInfo> done = target.beginCopy(begin).waitForCompletion();
            BlobCopyInfo info = done.getValue();
            if (done.getStatus() != LongRunningOperationStatus.SUCCESSFULLY_COMPLETED
                    || info != null && info.getCopyStatus() != null && info.getCopyStatus() != CopyStatusType.SUCCESS) {
                throw new StorageException(ErrorCode.UNAVAILABLE, what + " did not complete: "
                        + (info == null ? done.getStatus() : info.getCopyStatus() + " " + info.getError()));
            }
            if (o.contentType() != null) {
                replaceContentType(target, o.contentType(), o.targetConditions().leaseId());
            }
            BlobProperties p = store.getProperties(container, blob, ReadOptions.defaults());
            return BlobModels.written(p);
        } catch (RuntimeException e) {
            throw failure(what, e, o.targetConditions());
        }
    }

    /** Copy Blob keeps the source's headers; Set Blob Properties replaces all of them, so pass the others back. */
    private static void replaceContentType(BlobClient target, String contentType, String leaseId) {
        com.azure.storage.blob.models.BlobProperties p = target.getProperties();
        BlobHttpHeaders h = new BlobHttpHeaders().setContentType(contentType).setContentEncoding(p.getContentEncoding())
                .setCacheControl(p.getCacheControl()).setContentDisposition(p.getContentDisposition())
                .setContentLanguage(p.getContentLanguage()).setContentMd5(p.getContentMd5());
        target.setHttpHeadersWithResponse(h, new BlobRequestConditions().setIfMatch(p.getETag()).setLeaseId(leaseId),
                null, Context.NONE);
    }
}
