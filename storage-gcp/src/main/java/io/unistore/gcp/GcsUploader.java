package io.unistore.gcp;

import com.google.cloud.BaseServiceException;
import com.google.cloud.WriteChannel;
import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import io.unistore.ErrorCode;
import io.unistore.StorageException;
import io.unistore.blob.BlobWriteResult;
import io.unistore.blob.UploadOptions;
import io.unistore.internal.Transfers;
import io.unistore.spi.NameRules;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;

/**
 * Uploads. Content that fits in {@code singleShotLimit} (known length, or a stream that ends before it) goes
 * in one multipart request; anything larger goes through a resumable session in chunks of
 * {@code blockSize} (default {@code chunkSize}), so memory stays at one chunk whatever the size.
 *
 * <p>No partial object is ever visible: GCS creates the object only when a resumable session is finalized,
 * and the session is finalized only after the whole stream was read and matched the declared length. On any
 * failure the writer is abandoned without being closed (closing would finalize what was sent); the unfinished
 * session expires on its own. A declared MD5 is sent with the object resource, so GCS refuses content that
 * does not match it; the SDK also sends a CRC32C of what it sent.
 */
final class GcsUploader {
    private final Storage storage;
    private final GcsSettings settings;

    GcsUploader(Storage storage, GcsSettings settings) {
        this.storage = storage;
        this.settings = settings;
    }

    BlobWriteResult upload(String container, String blob, InputStream content, UploadOptions options) {
        String what = "upload of " + container + "/" + blob;
        NameRules.container(container);
        NameRules.blob(blob);
        GcsBlobs.METADATA.check(options.metadata());
        String md5 = checkedMd5(options.contentMd5());
        GcsConditions.Pin pin = GcsConditions.forWrite(options.conditions(),
                () -> GcsErrors.call(what, () -> storage.get(BlobId.of(container, blob))), what);
        BlobInfo.Builder info = BlobInfo.newBuilder(BlobId.of(container, blob))
                .setContentType(options.contentType())
                .setContentEncoding(options.contentEncoding())
                .setCacheControl(options.cacheControl())
                .setContentDisposition(options.contentDisposition())
                .setMetadata(options.metadata().isEmpty() ? null : options.metadata())
                .setMd5(md5);
        if (options.tier() != null) {
            info.setStorageClass(GcsTiers.toStorageClass(options.tier()));
        }
        try {
            byte[] head = readHead(content, options.length());
            boolean fits = options.length() >= 0 ? options.length() <= settings.singleShotLimit()
                    : head.length <= settings.singleShotLimit();
            if (fits) {
                checkLength(head.length, options.length());
                return singleShot(info.build(), head, md5, pin, options, what);
            }
            return resumable(info.build(), head, content, md5, pin, options, what);
        } catch (IOException e) {
            // Only reading the caller's stream throws IOException here; service failures are translated.
            throw Transfers.ioFailure(what + " (nothing was stored): reading the content", e);
        }
    }

    /**
     * Reads the known length when it fits one request, else (length unknown) up to {@code singleShotLimit + 1}
     * bytes: enough to tell whether the content fits one request.
     */
    private byte[] readHead(InputStream content, long length) throws IOException {
        int limit = settings.singleShotLimit();
        if (length >= 0 && length <= limit) {
            byte[] bytes = content.readNBytes((int) length);
            if (bytes.length == length && content.read() != -1) {
                throw StorageException.invalidArgument("length", "the stream holds more than the declared "
                        + length + " bytes (nothing was stored)");
            }
            return bytes;
        }
        if (length > limit) {
            return new byte[0];
        }
        return content.readNBytes(limit + 1);
    }

    private BlobWriteResult singleShot(BlobInfo info, byte[] bytes, String md5, GcsConditions.Pin pin,
                                       UploadOptions options, String what) {
        if (md5 != null && !md5.equals(md5Of(bytes))) {
            throw StorageException.invalidArgument("contentMd5", "does not match the content's MD5 "
                    + md5Of(bytes) + " (nothing was stored)");
        }
        // The MD5 was checked above on the very bytes sent; the SDK adds their CRC32C, which GCS verifies.
        Blob created = GcsErrors.call(what, () -> storage.create(info, bytes, pin.targetOptions()));
        progress(options, bytes.length);
        return GcsBlobs.writeResult(created, settings.versioning());
    }

    private BlobWriteResult resumable(BlobInfo info, byte[] head, InputStream rest, String md5, GcsConditions.Pin pin,
                                      UploadOptions options, String what) throws IOException {
        List<Storage.BlobWriteOption> opts = pin.writeOptions();
        if (md5 != null) {
            opts.add(Storage.BlobWriteOption.md5Match());
        }
        int chunk = chunkSize(options.blockSize());
        // storage.writer(), not blobWriteSession(): in SDK 2.63 only the former retries failed chunk requests.
        WriteChannel channel = GcsErrors.call(what,
                () -> storage.writer(info, opts.toArray(Storage.BlobWriteOption[]::new)));
        channel.setChunkSize(chunk);
        long sent = write(channel, head, head.length, what);
        progress(options, sent);
        byte[] buffer = new byte[Math.min(chunk, 1024 * 1024)];
        int n;
        while ((n = rest.readNBytes(buffer, 0, buffer.length)) > 0) {
            sent += write(channel, buffer, n, what);
            progress(options, sent);
            if (options.length() >= 0 && sent > options.length()) {
                throw StorageException.invalidArgument("length", "the stream holds more than the declared "
                        + options.length() + " bytes (nothing was stored)");
            }
        }
        checkLength(sent, options.length());
        // Only now, with every byte read and sent, may the session be finalized: closing finalizes.
        try {
            channel.close();
        } catch (IOException e) {
            throw unwrap(e, what);
        } catch (BaseServiceException e) {
            throw GcsErrors.translate(e, what);
        }
        BlobInfo created = WriteOutcome.created(channel,
                () -> GcsErrors.call(what, () -> storage.get(info.getBlobId())));
        return GcsBlobs.writeResult(created, settings.versioning());
    }

    private static long write(WriteChannel channel, byte[] bytes, int length, String what) {
        ByteBuffer buf = ByteBuffer.wrap(bytes, 0, length);
        try {
            while (buf.hasRemaining()) {
                channel.write(buf);
            }
        } catch (IOException e) {
            throw unwrap(e, what);
        } catch (BaseServiceException e) {
            throw GcsErrors.translate(e, what);
        }
        return length;
    }

    /** The SDK reports service failures of a channel as an IOException around its own exception. */
    static StorageException unwrap(IOException e, String what) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BaseServiceException se) {
                return GcsErrors.translate(se, what);
            }
        }
        return new StorageException(ErrorCode.UNAVAILABLE, what + " failed: " + GcsErrors.clean(e.getMessage()), e);
    }

    private int chunkSize(long blockSize) {
        if (blockSize <= 0) {
            return settings.chunkSize();
        }
        long rounded = (blockSize + GcsSettings.CHUNK_GRANULARITY - 1) / GcsSettings.CHUNK_GRANULARITY
                * GcsSettings.CHUNK_GRANULARITY;
        return (int) Math.min(rounded, 256L * 1024 * 1024);
    }

    private static void checkLength(long actual, long declared) {
        if (declared >= 0 && actual != declared) {
            throw StorageException.invalidArgument("length", "the stream held " + actual + " bytes but "
                    + declared + " were declared (nothing was stored)");
        }
    }

    private static String checkedMd5(String md5) {
        if (md5 == null) {
            return null;
        }
        try {
            if (Base64.getDecoder().decode(md5).length == 16) {
                return md5;
            }
        } catch (IllegalArgumentException ignored) {
            // reported below
        }
        throw StorageException.invalidArgument("contentMd5", "must be the base64 of a 16-byte MD5 digest");
    }

    static String md5Of(byte[] bytes) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void progress(UploadOptions options, long done) {
        if (options.progress() != null) {
            options.progress().onProgress(done, options.length());
        }
    }
}
