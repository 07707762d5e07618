package io.unistore.azure;

import com.azure.core.util.Context;
import com.azure.storage.file.share.ShareFileClient;
import com.azure.storage.file.share.models.ShareFileHttpHeaders;
import com.azure.storage.file.share.models.ShareFileUploadRangeOptions;
import com.azure.storage.file.share.options.ShareFileRenameOptions;
import io.unistore.ErrorCode;
import io.unistore.StorageException;
import io.unistore.file.FileProperties;
import io.unistore.file.FileUploadOptions;
import io.unistore.spi.ChunkReader;
import io.unistore.spi.Md5;
import io.unistore.spi.ParallelUpload;
import io.unistore.spi.UploadChecks;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;

/**
 * Uploads to Azure Files so that the new content shows only when complete: the bytes go to a hidden temporary
 * file next to the target (ranges of 4 MiB, several at once), which is renamed over the target at the end. A
 * failed upload deletes its temporary file and leaves the old file as it was.
 */
final class FileUploader {
    /** Azure's largest Put Range. */
    static final int RANGE_SIZE = 4 * 1024 * 1024;
    private static final String TEMP_PREFIX = ".unistore-upload-";

    private final AzureFileStore store;
    private final Tuning tuning;
    private final ExecutorService transfers;

    FileUploader(AzureFileStore store, Tuning tuning, ExecutorService transfers) {
        this.store = store;
        this.tuning = tuning;
        this.transfers = transfers;
    }

    /** Whether a name is one of our temporary upload files (left out of listings). */
    static boolean isTemporary(String name) {
        return name.startsWith(TEMP_PREFIX);
    }

    FileProperties upload(String share, String path, InputStream content, FileUploadOptions o) {
        Map<String, String> metadata = o.metadata();
        int slash = path.lastIndexOf('/');
        String parent = slash < 0 ? "" : path.substring(0, slash);
        String tmpPath = (parent.isEmpty() ? "" : parent + "/") + TEMP_PREFIX + UUID.randomUUID();
        ShareFileClient tmp = store.share(share).getFileClient(tmpPath);
        String what = "upload of " + AzureFileStore.where(share, path);
        ChunkReader.Chunk[] read = new ChunkReader.Chunk[1];
        ChunkReader reader = ChunkReader.start(content, RANGE_SIZE, o.length(), read);
        ChunkReader.Chunk first = read[0];
        ShareFileHttpHeaders headers = new ShareFileHttpHeaders().setContentType(o.contentType());
        boolean created = false;
        try {
            long initial = o.length() >= 0 ? o.length() : first.length();
            tmp.createWithResponse(initial, headers, null, null, metadata.isEmpty() ? null : metadata, null,
                    Context.NONE);
            created = true;
            Sizer sizer = new Sizer(tmp, initial, o.length() < 0, headers);
            long bytes;
            byte[] md5;
            if (reader.atEnd()) {
                MessageDigest digest = Md5.newDigest();
                digest.update(first.data(), 0, first.length());
                md5 = digest.digest();
                bytes = first.length();
                if (bytes > 0) {
                    sizer.ensure(bytes);
                    putRange(tmp, 0, first.data(), 0, first.length());
                }
                if (o.progress() != null) {
                    o.progress().onProgress(bytes, bytes);
                }
            } else {
                ParallelUpload.Outcome outcome = ParallelUpload.run(reader, first, RANGE_SIZE,
                        tuning.concurrencyFor(0), transfers, (index, offset, data) -> {
                            sizer.ensure(offset + data.remaining());
                            putRange(tmp, offset, data.array(), data.arrayOffset() + data.position(), data.remaining());
                        }, o.progress(), o.length(), t -> AzureErrors.translate(what, t));
                bytes = outcome.bytes();
                md5 = outcome.md5();
            }
            UploadChecks.length(bytes, o.length());
            // Exact size (the file may have grown ahead of the content) and the whole content's MD5.
            tmp.setPropertiesWithResponse(bytes, headers.setContentMd5(md5), null, null, null, Context.NONE);
            rename(tmp, share, path, bytes, md5);
            created = false;
            return store.getProperties(share, path);
        } catch (RuntimeException e) {
            StorageException se = AzureErrors.translate(what, e);
            if (se.code() != ErrorCode.NOT_FOUND && store.isDirectory(share, path)) {
                se = new StorageException(ErrorCode.CONFLICT, what + " failed: the path is a directory", e);
            }
            throw se;
        } finally {
            if (created) {
                try {
                    tmp.deleteIfExists();
                } catch (RuntimeException ignored) {
                    // best effort: the hidden temporary file is left out of listings
                }
            }
        }
    }

    /**
     * Renames the temporary file over the target. A rename is not idempotent: when a try was cut off after Azure
     * renamed, the retry finds no temporary file (404). It then counts as done if the target holds exactly this
     * upload (its size and MD5).
     */
    private void rename(ShareFileClient tmp, String share, String path, long bytes, byte[] md5) {
        Tries tries = new Tries();
        try {
            tmp.renameWithResponse(new ShareFileRenameOptions(path).setReplaceIfExists(true), null, tries.context());
        } catch (RuntimeException e) {
            if (!AzureErrors.isNotFound(e) || !tries.ambiguous()) {
                throw e;
            }
            io.unistore.file.FileProperties target;
            try {
                target = store.getProperties(share, path);
            } catch (StorageException notThere) {
                e.addSuppressed(notThere);
                throw e;
            }
            if (target.size() != bytes || !BlobModels.base64(md5).equals(target.contentMd5())) {
                throw e;
            }
        }
    }

    private static void putRange(ShareFileClient file, long offset, byte[] data, int from, int length) {
        file.uploadRangeWithResponse(new ShareFileUploadRangeOptions(new ByteArrayInputStream(data, from, length),
                length).setOffset(offset), null, Context.NONE);
    }

    /** Grows a file of unknown final length ahead of the ranges written into it (doubling, to keep calls few). */
    private static final class Sizer {
        private final ShareFileClient file;
        private final boolean grow;
        private final ShareFileHttpHeaders headers;
        private long size;

        Sizer(ShareFileClient file, long size, boolean grow, ShareFileHttpHeaders headers) {
            this.file = file;
            this.size = size;
            this.grow = grow;
            this.headers = headers;
        }

        synchronized void ensure(long needed) {
            if (!grow || needed <= size) {
                return;
            }
            long next = Math.max(needed, size * 2);
            file.setPropertiesWithResponse(next, headers, null, null, null, Context.NONE);
            size = next;
        }
    }
}
