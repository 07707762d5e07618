package io.unistore.azure;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads a stream in chunks and knows, after each full chunk, whether the stream has ended (it reads one byte
 * ahead and carries it into the next chunk). That tells a one-request upload from a block upload without holding
 * more than one chunk.
 */
final class ChunkReader {
    private static final int FIRST_BUFFER = 64 * 1024;

    private final InputStream in;
    private int carried = -1;
    private boolean ended;

    ChunkReader(InputStream in) {
        this.in = in;
    }

    /** A chunk: {@code length} bytes at the start of {@code data}. */
    record Chunk(byte[] data, int length) {
    }

    /**
     * The first chunk, at most {@code max} bytes, in a buffer that grows as content arrives (so small content
     * stays small); {@code expected} sizes it up front when the length is known (-1 otherwise).
     */
    Chunk first(int max, long expected) throws IOException {
        int initial = expected >= 0 ? (int) Math.min(max, expected) : Math.min(max, FIRST_BUFFER);
        byte[] buf = new byte[Math.max(initial, 1)];
        int n = 0;
        while (n < max) {
            if (n == buf.length) {
                buf = Arrays.copyOf(buf, (int) Math.min(max, (long) buf.length * 2));
            }
            int r = in.read(buf, n, buf.length - n);
            if (r < 0) {
                ended = true;
                return new Chunk(buf, n);
            }
            n += r;
        }
        probe();
        return new Chunk(buf, n);
    }

    /** A reader over {@code in} with its first chunk read (I/O failures of the caller's stream as UNAVAILABLE). */
    static ChunkReader start(InputStream in, int max, long expected, Chunk[] first) {
        ChunkReader reader = new ChunkReader(in);
        try {
            first[0] = reader.first(max, expected);
        } catch (IOException e) {
            throw io.unistore.spi.Streams.ioFailure("reading the content to upload", e);
        }
        return reader;
    }

    /** Fills {@code buf} with the next chunk; returns its length (0 at the end). */
    int fill(byte[] buf) throws IOException {
        if (ended) {
            return 0;
        }
        int n = 0;
        if (carried >= 0) {
            buf[n++] = (byte) carried;
            carried = -1;
        }
        while (n < buf.length) {
            int r = in.read(buf, n, buf.length - n);
            if (r < 0) {
                ended = true;
                return n;
            }
            n += r;
        }
        probe();
        return n;
    }

    /** Whether every byte has been handed out. */
    boolean atEnd() {
        return ended && carried < 0;
    }

    private void probe() throws IOException {
        int b = in.read();
        if (b < 0) {
            ended = true;
        } else {
            carried = b;
        }
    }
}
