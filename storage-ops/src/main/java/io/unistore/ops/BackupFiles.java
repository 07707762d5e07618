package io.unistore.ops;

import io.unistore.ErrorCode;
import io.unistore.StorageException;
import io.unistore.blob.BlobStore;
import io.unistore.blob.UploadOptions;
import io.unistore.spi.Streams;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import tools.jackson.databind.node.ObjectNode;

/** Gzip-compressed NDJSON files of backup sets: written to a temporary file, then uploaded with a checksum. */
final class BackupFiles {
    private BackupFiles() {
    }

    /** A gzip NDJSON file being written: lines go to a temporary file while its SHA-256 is computed. */
    static final class Writer implements AutoCloseable {
        private final Path tmp;
        private final MessageDigest sha = EntityHash.sha256();
        private final BufferedWriter out;
        private long lines;

        Writer() {
            try {
                tmp = Files.createTempFile("unistore-backup-", ".ndjson.gz");
                OutputStream file = Files.newOutputStream(tmp);
                out = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(new DigestOutputStream(file, sha),
                        64 * 1024), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        synchronized void line(String json) {
            try {
                out.write(json);
                out.write('\n');
                lines++;
            } catch (IOException e) {
                throw new StorageException(ErrorCode.INTERNAL, "temporary backup file: " + e.getMessage(), e);
            }
        }

        /**
         * Finishes the file and uploads it to {@code container/name}.
         *
         * @return its entry for the manifest: name, lines, size, sha256
         */
        ObjectNode upload(BlobStore store, String container, String name, String relativeName) {
            try {
                out.close();
                store.upload(container, name, tmp, UploadOptions.defaults().withContentType("application/x-ndjson")
                        .withContentEncoding("gzip"));
                ObjectNode entry = Json.object();
                entry.put("name", relativeName);
                entry.put("lines", lines);
                entry.put("size", Files.size(tmp));
                entry.put("sha256", java.util.HexFormat.of().formatHex(sha.digest()));
                return entry;
            } catch (IOException e) {
                throw new StorageException(ErrorCode.INTERNAL, "temporary backup file: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            try {
                out.close();
                Files.deleteIfExists(tmp);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Checks a stored file against its manifest entry (size and SHA-256) by reading it once.
     *
     * @throws StorageException INTERNAL naming the file if it differs
     */
    static void verify(BlobStore store, String container, String name, ObjectNode entry) {
        try (InputStream in = store.openInputStream(container, name)) {
            DigestInputStream d = Digests.sha256Stream(in);
            long size = Streams.copy(d, OutputStream.nullOutputStream(), null, -1);
            String sha = Digests.hex(d.getMessageDigest());
            if (size != entry.get("size").asLong() || !sha.equals(entry.get("sha256").asString())) {
                throw new StorageException(ErrorCode.INTERNAL, "backup file " + name + " does not match its "
                        + "manifest (size " + size + ", sha256 " + sha + "): the backup is damaged");
            }
        } catch (IOException e) {
            throw Streams.ioFailure("reading backup file " + name, e);
        }
    }

    /** Reads the lines of a stored gzip NDJSON file. */
    static void readLines(BlobStore store, String container, String name, Consumer<String> each) {
        try (InputStream in = store.openInputStream(container, name);
             BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in, 64 * 1024),
                     StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isEmpty()) {
                    each.accept(line);
                }
            }
        } catch (IOException e) {
            throw Streams.ioFailure("reading backup file " + name, e);
        }
    }
}
