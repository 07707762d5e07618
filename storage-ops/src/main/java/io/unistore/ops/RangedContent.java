package io.unistore.ops;

import io.unistore.ByteRange;
import io.unistore.ErrorCode;
import io.unistore.RequestConditions;
import io.unistore.StorageException;
import io.unistore.blob.BlobProperties;
import io.unistore.blob.BlobStore;
import io.unistore.blob.ReadOptions;
import io.unistore.file.FileProperties;
import io.unistore.file.FileStore;
import java.io.IOException;
import java.io.InputStream;

/**
 * One blob or file read by byte ranges: each {@link #read} is one ranged request to the store, so a caller
 * that wants a slice fetches only that slice. A blob's ranges are read on the ETag seen when it was opened,
 * so a blob changed meanwhile fails with PRECONDITION_FAILED instead of mixing two contents.
 */
public final class RangedContent {
    /** Reads {@code length} bytes at {@code offset} (never past the end). */
    @FunctionalInterface
    interface Reader {
        InputStream open(ByteRange range);
    }

    private final String what;
    private final long size;
    private final String etag;
    private final Reader reader;
    private long requests;
    private long bytesRead;

    private RangedContent(String what, long size, String etag, Reader reader) {
        this.what = what;
        this.size = size;
        this.etag = etag;
        this.reader = reader;
    }

    /** A blob (its properties are read once, here; {@code options} may name a version or snapshot). */
    public static RangedContent ofBlob(BlobStore blobs, String container, String blob, ReadOptions options) {
        return ofBlob(blobs, blobs.getProperties(container, blob, options), options);
    }

    /** A blob whose properties the caller read with the same {@code options}. */
    public static RangedContent ofBlob(BlobStore blobs, BlobProperties p, ReadOptions options) {
        ReadOptions pinned = p.etag() == null ? options : options.withConditions(RequestConditions.ifMatch(p.etag()));
        return new RangedContent(p.container() + "/" + p.name(), p.size(), p.etag(),
                range -> blobs.openInputStream(p.container(), p.name(), pinned.withRange(range)));
    }

    /** A file of a share; NOT_FOUND, or CONFLICT for a directory, before any content is read. */
    public static RangedContent ofFile(FileStore files, String share, String path) {
        return ofFile(files, files.getProperties(share, path));
    }

    /** A file whose properties the caller read; CONFLICT for a directory. */
    public static RangedContent ofFile(FileStore files, FileProperties p) {
        if (p.directory()) {
            throw new StorageException(ErrorCode.CONFLICT, "path: '" + p.path() + "' is a directory, not a file");
        }
        return new RangedContent(p.share() + "/" + p.path(), p.size(), p.etag(),
                range -> files.openInputStream(p.share(), p.path(), range));
    }

    /** Content of a known size read from {@code reader}; for tests and for stores of other kinds. */
    static RangedContent of(String what, long size, Reader reader) {
        return new RangedContent(what, size, null, reader);
    }

    /** The size in bytes when opened. */
    public long size() {
        return size;
    }

    /** The ETag when opened, or null where the store has none. */
    public String etag() {
        return etag;
    }

    /** Ranged requests made so far. */
    public long requests() {
        return requests;
    }

    /** Bytes fetched so far. */
    public long bytesRead() {
        return bytesRead;
    }

    /**
     * The bytes from {@code offset}, at most {@code length} of them and never past the end: one ranged request,
     * none for an empty range.
     *
     * @throws StorageException INVALID_ARGUMENT when offset is past the end
     */
    public byte[] read(long offset, long length) {
        if (offset < 0 || offset > size) {
            throw StorageException.invalidArgument("offset", "must be between 0 and the size " + size + ", was "
                    + offset);
        }
        int n = (int) Math.min(Math.min(length, size - offset), Integer.MAX_VALUE - 8);
        if (n <= 0) {
            return new byte[0];
        }
        requests++;
        try (InputStream in = reader.open(ByteRange.of(offset, n))) {
            byte[] bytes = in.readNBytes(n);
            bytesRead += bytes.length;
            return bytes;
        } catch (IOException e) {
            if (e.getCause() instanceof StorageException s) {
                throw changed(s);
            }
            throw new StorageException(ErrorCode.UNAVAILABLE, "reading " + what + " failed: " + e.getMessage(), e);
        } catch (StorageException e) {
            throw changed(e);
        }
    }

    /**
     * A blob read on its ETag that is gone when its bytes are fetched was replaced or deleted since it was opened
     * (GCS reads the generation it opened, which then answers 404): that is the PRECONDITION_FAILED this class
     * promises, not a missing object.
     */
    private StorageException changed(StorageException e) {
        if (etag == null || e.code() != ErrorCode.NOT_FOUND) {
            return e;
        }
        return new StorageException(ErrorCode.PRECONDITION_FAILED, what + " changed or was deleted while it was read "
                + "(opened with ETag " + etag + ")", e);
    }
}
