package io.unistore.spi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** MD5 as storage services use it: Content-MD5 is the base64 of the 16-byte digest. */
public final class Md5 {
    private Md5() {
    }

    /** A fresh digest. */
    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has MD5", e);
        }
    }

    /** The base64 form of a digest, as in Content-MD5. */
    public static String base64(byte[] digest) {
        return Base64.getEncoder().encodeToString(digest);
    }

    /** The base64 MD5 of bytes. */
    public static String of(byte[] data, int offset, int length) {
        MessageDigest md5 = newDigest();
        md5.update(data, offset, length);
        return base64(md5.digest());
    }

    /** The base64 MD5 of a file, read in one pass. */
    public static String ofFile(Path file) throws IOException {
        MessageDigest md5 = newDigest();
        byte[] buffer = new byte[Streams.BUFFER_SIZE];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                md5.update(buffer, 0, n);
            }
        }
        return base64(md5.digest());
    }
}
