package io.unistore.gcp;

import com.google.cloud.BaseServiceException;
import com.google.cloud.ReadChannel;
import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.Storage;
import io.unistore.ByteRange;
import io.unistore.StorageException;
import io.unistore.blob.ReadOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;

/**
 * Streamed and ranged reads. A plain read of the current object is one request ({@link #openWhole}). With a
 * range, conditions or a version, the object's metadata is read first (for NOT_FOUND, the conditions and the
 * size); the content is then read from exactly that generation through a {@link ReadChannel}. Either way an
 * object replaced during a long read fails instead of mixing two contents. Memory: the channel's buffer.
 */
final class GcsReader {
    private static final int READ_CHUNK = 2 * 1024 * 1024;
    /** What {@link #openWhole} reads before it returns: a small object whole. */
    private static final int FIRST_READ = 64 * 1024;

    private final Storage storage;

    GcsReader(Storage storage) {
        this.storage = storage;
    }

    /** The object's metadata (of a generation when the options name one), conditions checked. */
    Blob metadata(String container, String blob, ReadOptions options, String what) {
        BlobId id = options.versionId() == null ? BlobId.of(container, blob)
                : BlobId.of(container, blob, GcsBlobs.generation(options.versionId(), what));
        Blob b = GcsErrors.call(what, () -> storage.get(id));
        if (b == null) {
            throw StorageException.notFound("blob " + container + "/" + blob
                    + (options.versionId() != null ? " version " + options.versionId() : ""));
        }
        GcsConditions.check(options.conditions(), b, what);
        return b;
    }

    InputStream open(String container, String blob, ReadOptions options) {
        String what = "read of " + container + "/" + blob;
        if (options.range() == null && options.conditions().isEmpty() && options.versionId() == null) {
            return openWhole(container, blob, what);
        }
        Blob b = metadata(container, blob, options, what);
        long size = b.getSize() == null ? 0 : b.getSize();
        ByteRange range = options.range();
        long offset = range == null ? 0 : range.offset();
        // As HTTP (416): a range's first byte must exist; only an empty blob reads empty from offset 0.
        if (offset >= size && !(offset == 0 && size == 0)) {
            throw StorageException.invalidArgument("range.offset", "starts at " + offset + ", at or beyond the end "
                    + "of " + container + "/" + blob + " (" + size + " bytes)");
        }
        long end = range == null || range.isOpenEnded() ? size : Math.min(size, offset + range.length());
        if (end <= offset) {
            return InputStream.nullInputStream();
        }
        // The generation pins the content; with conditions the metadata they were checked on is pinned too.
        ReadChannel reader = options.conditions().isEmpty()
                ? storage.reader(BlobId.of(container, blob, b.getGeneration()))
                : storage.reader(BlobId.of(container, blob, b.getGeneration()),
                        Storage.BlobSourceOption.metagenerationMatch(b.getMetageneration()));
        reader.setChunkSize(READ_CHUNK);
        try {
            if (offset > 0) {
                reader.seek(offset);
            }
            if (end < size) {
                reader = reader.limit(end);
            }
        } catch (IOException e) {
            reader.close();
            throw GcsUploader.unwrap(e, what);
        }
        return new ChannelInputStream(reader, what);
    }

    /**
     * The whole current object in one request, as the SDK's {@code readAllBytes}: nothing needs the metadata
     * first. The first bytes are read here, so a missing object fails at open as on the other paths; the channel
     * keeps the generation of that first answer ({@code x-goog-generation}) for its later chunk requests, so an
     * object replaced during the read fails instead of mixing two contents.
     */
    private InputStream openWhole(String container, String blob, String what) {
        ReadChannel reader = GcsErrors.call(what, () -> storage.reader(BlobId.of(container, blob)));
        reader.setChunkSize(READ_CHUNK);
        ChannelInputStream in = new ChannelInputStream(reader, what);
        byte[] head = new byte[FIRST_READ];
        int n;
        try {
            n = in.read(head, 0, head.length);
        } catch (IOException e) {
            in.close();
            throw e.getCause() instanceof StorageException se ? se : GcsUploader.unwrap(e, what);
        }
        if (n < 0) {
            in.close();
            return InputStream.nullInputStream();
        }
        return new SequenceInputStream(new ByteArrayInputStream(head, 0, n), in);
    }

    /** An InputStream over a ReadChannel whose service failures surface as StorageExceptions (inside IOException). */
    private static final class ChannelInputStream extends InputStream {
        private final ReadChannel channel;
        private final String what;

        ChannelInputStream(ReadChannel channel, String what) {
            this.channel = channel;
            this.what = what;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            try {
                int n;
                do {
                    n = channel.read(ByteBuffer.wrap(b, off, len));
                } while (n == 0);
                return n;
            } catch (BaseServiceException e) {
                throw new IOException(GcsErrors.translate(e, what));
            } catch (IOException e) {
                throw new IOException(GcsUploader.unwrap(e, what));
            }
        }

        @Override
        public void close() {
            channel.close();
        }
    }
}
