package io.unistore.testsupport.azurefiles;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The stand-in's state: shares holding a tree of directories and files, in memory. File content is sparse
 * (1 MiB chunks; never-written ranges read as zeros, as on Azure). Callers hold the model's lock.
 */
final class FilesModel {
    private static final int CHUNK = 1024 * 1024;
    private static final AtomicLong IDS = new AtomicLong(1_000_000_000_000L);

    final TreeMap<String, Share> shares = new TreeMap<>();

    /** What shares, directories and files have in common. */
    abstract static class Node {
        final Map<String, String> metadata = new LinkedHashMap<>();
        final String id = Long.toString(IDS.incrementAndGet());
        final Instant created = Instant.now();
        String etag;
        Instant lastModified;

        Node() {
            touch();
        }

        final void touch() {
            lastModified = Instant.now();
            etag = "\"0x" + Long.toHexString(System.nanoTime()).toUpperCase() + UUID.randomUUID().toString()
                    .substring(0, 4).toUpperCase() + "\"";
        }
    }

    static final class Share extends Node {
        int quotaGb;
        final Directory root = new Directory(null);
    }

    static final class Directory extends Node {
        final Directory parent;
        final TreeMap<String, Node> children = new TreeMap<>();

        Directory(Directory parent) {
            this.parent = parent;
        }
    }

    static final class File extends Node {
        final Directory parent;
        private final TreeMap<Long, byte[]> chunks = new TreeMap<>();
        long size;
        String contentType;
        String contentEncoding;
        String contentLanguage;
        String cacheControl;
        String contentDisposition;
        byte[] contentMd5;

        File(Directory parent, long size) {
            this.parent = parent;
            this.size = size;
        }

        /** Writes bytes at an offset inside the file's size. */
        void write(long offset, byte[] data) {
            int done = 0;
            while (done < data.length) {
                long at = offset + done;
                long index = at / CHUNK;
                int within = (int) (at % CHUNK);
                int n = Math.min(data.length - done, CHUNK - within);
                byte[] chunk = chunks.computeIfAbsent(index, i -> new byte[CHUNK]);
                System.arraycopy(data, done, chunk, within, n);
                done += n;
            }
        }

        /** Zeroes a range (Put Range with x-ms-write: clear). */
        void clear(long offset, long length) {
            write(offset, new byte[(int) length]);
        }

        /** Reads {@code length} bytes at {@code offset}; unwritten bytes are zeros. */
        byte[] read(long offset, int length) {
            byte[] out = new byte[length];
            int done = 0;
            while (done < length) {
                long at = offset + done;
                long index = at / CHUNK;
                int within = (int) (at % CHUNK);
                int n = Math.min(length - done, CHUNK - within);
                byte[] chunk = chunks.get(index);
                if (chunk != null) {
                    System.arraycopy(chunk, within, out, done, n);
                }
                done += n;
            }
            return out;
        }

        /** Sets the size: bytes past a smaller size are dropped (and read as zeros if it grows again). */
        void resize(long newSize) {
            if (newSize < size) {
                chunks.tailMap(newSize / CHUNK, false).clear();
                long lastIndex = newSize / CHUNK;
                byte[] last = chunks.get(lastIndex);
                if (last != null) {
                    Arrays.fill(last, (int) (newSize % CHUNK), CHUNK, (byte) 0);
                }
            }
            size = newSize;
        }
    }
}
