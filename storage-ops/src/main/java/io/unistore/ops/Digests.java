package io.unistore.ops;

import io.unistore.blob.BlobProperties;
import io.unistore.spi.Streams;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The checksum storage-ops compares blobs by: the MD5 of the content, base64 as in {@code Content-MD5}. Every
 * provider reports it for most objects; where a service does not know it (e.g. an S3 multipart upload),
 * storage-ops keeps the MD5 it computed in the user metadata key {@value #MD5_KEY}.
 */
public final class Digests {
    /** User metadata key holding the content MD5 where the service reports none. */
    public static final String MD5_KEY = "unistore_md5";

    private Digests() {
    }

    /** The MD5 a blob's properties tell, native or kept by storage-ops, or null. */
    public static String md5Of(BlobProperties p) {
        if (p.contentMd5() != null && !p.contentMd5().isEmpty()) {
            return p.contentMd5();
        }
        return p.metadata().get(MD5_KEY);
    }

    /** Whether two blobs have the same size and a known, equal MD5. */
    static boolean sameContent(BlobProperties a, BlobProperties b) {
        String ma = md5Of(a);
        return a.size() == b.size() && ma != null && ma.equals(md5Of(b));
    }

    static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has MD5", e);
        }
    }

    static DigestInputStream md5Stream(InputStream in) {
        return new DigestInputStream(in, md5());
    }

    static DigestInputStream sha256Stream(InputStream in) {
        return new DigestInputStream(in, EntityHash.sha256());
    }

    static String base64(MessageDigest md) {
        return Base64.getEncoder().encodeToString(md.digest());
    }

    static String hex(MessageDigest md) {
        return HexFormat.of().formatHex(md.digest());
    }

    /** Reads a stream to its end, returning its base64 MD5. */
    public static String md5OfStream(InputStream in) throws IOException {
        DigestInputStream d = md5Stream(in);
        Streams.copy(d, OutputStream.nullOutputStream(), null, -1);
        return base64(d.getMessageDigest());
    }
}
