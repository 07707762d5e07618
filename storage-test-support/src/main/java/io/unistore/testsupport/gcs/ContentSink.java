package io.unistore.testsupport.gcs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.zip.CRC32C;

/**
 * Content on its way into the stand-in: appended to a temporary file while its MD5 and CRC32C are computed,
 * then checked against the hashes the client declared before it may become an object.
 */
final class ContentSink implements AutoCloseable {
    private final Path file;
    private final OutputStream out;
    private final MessageDigest md5;
    private final CRC32C crc = new CRC32C();
    private long size;

    ContentSink(Path file) {
        this.file = file;
        try {
            this.out = Files.newOutputStream(file);
            this.md5 = MessageDigest.getInstance("MD5");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Appends the stream's bytes, after dropping the first {@code skip} (already received) ones. */
    long append(InputStream in, long skip) {
        try {
            byte[] buf = new byte[64 * 1024];
            // Read and drop, never skip(): the JDK server's request stream skips past its length accounting.
            long toDrop = skip;
            while (toDrop > 0) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, toDrop));
                if (n < 0) {
                    return 0;
                }
                toDrop -= n;
            }
            long total = 0;
            int n;
            while ((n = in.read(buf)) != -1) {
                out.write(buf, 0, n);
                md5.update(buf, 0, n);
                crc.update(buf, 0, n);
                size += n;
                total += n;
            }
            out.flush();
            return total;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long size() {
        return size;
    }

    Path file() {
        return file;
    }

    String md5() {
        return Base64.getEncoder().encodeToString(((MessageDigest) clone(md5)).digest());
    }

    String crc32c() {
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private static Object clone(MessageDigest d) {
        try {
            return d.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Fails with 400 if a declared hash differs: {@code md5Hash}/{@code crc32c} of the object resource, or the
     * {@code X-Goog-Hash} header ({@code crc32c=...,md5=...}).
     */
    void verify(String declaredMd5, String declaredCrc32c, String xGoogHash) {
        String md5Value = md5();
        String crcValue = crc32c();
        check("MD5", declaredMd5, md5Value);
        check("CRC32C", declaredCrc32c, crcValue);
        if (xGoogHash != null) {
            for (String part : xGoogHash.split(",")) {
                String p = part.trim();
                if (p.startsWith("md5=")) {
                    check("MD5", p.substring(4), md5Value);
                } else if (p.startsWith("crc32c=")) {
                    check("CRC32C", p.substring(7), crcValue);
                }
            }
        }
    }

    private static void check(String what, String declared, String actual) {
        if (declared != null && !declared.isEmpty() && !declared.equals(actual)) {
            throw GcsError.invalid("Provided " + what + " hash \"" + declared + "\" doesn't match calculated "
                    + what + " hash \"" + actual + "\".");
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closes and removes the file: the content will never become an object. */
    void discard() {
        try {
            close();
        } finally {
            GcsBackend.deleteQuietly(file);
        }
    }
}
