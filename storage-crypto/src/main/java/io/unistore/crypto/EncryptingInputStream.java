package io.unistore.crypto;

import io.unistore.ProgressListener;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.SecretKey;

/**
 * Turns a plaintext stream into v2 ciphertext, one region at a time: it holds one region of plaintext and one of
 * ciphertext (about 8 MiB), whatever the content's size. The source is read to its end and never closed.
 *
 * <p>When an MD5 is expected, the end of the source is detected before the last region is handed out (one byte is
 * read ahead), and a mismatch fails that read: the provider's upload fails before the blob is complete, so nothing
 * is stored.
 */
final class EncryptingInputStream extends RegionStream {
    private final InputStream source;
    private final SecretKey key;
    private final GcmRegions gcm = new GcmRegions(CseV2.REGION);
    private final MessageDigest md5;
    private final String expectedMd5;
    private final ProgressListener progress;
    private final long total;
    private final byte[] plain = new byte[CseV2.REGION];
    private final byte[] out = new byte[CseV2.REGION + CseV2.OVERHEAD];
    private long region;
    private long plaintextBytes;
    private int carry = -1;
    private boolean sourceDone;
    private boolean md5Mismatch;

    EncryptingInputStream(InputStream source, SecretKey key, String expectedMd5, ProgressListener progress,
                          long total) {
        this.source = source;
        this.key = key;
        this.expectedMd5 = expectedMd5;
        this.progress = progress;
        this.total = total;
        try {
            this.md5 = expectedMd5 == null ? null : MessageDigest.getInstance("MD5");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no MD5", e);
        }
    }

    /** Whether the content's MD5 differed from the expected one (the read that found it failed). */
    boolean md5Mismatch() {
        return md5Mismatch;
    }

    /** The base64 MD5 of the plaintext when one was expected and matched, else null. */
    String contentMd5() {
        return expectedMd5 != null && sourceDone && !md5Mismatch ? expectedMd5 : null;
    }

    @Override
    protected byte[] region() {
        return out;
    }

    @Override
    protected boolean nextRegion() throws IOException {
        if (sourceDone) {
            return false;
        }
        int n = 0;
        if (carry >= 0) {
            plain[n++] = (byte) carry;
            carry = -1;
        }
        while (n < plain.length) {
            int r = source.read(plain, n, plain.length - n);
            if (r < 0) {
                sourceDone = true;
                break;
            }
            n += r;
        }
        if (!sourceDone) {
            carry = source.read();
            sourceDone = carry < 0;
        }
        plaintextBytes += n;
        if (md5 != null) {
            md5.update(plain, 0, n);
            if (sourceDone && !Base64.getEncoder().encodeToString(md5.digest()).equals(expectedMd5)) {
                md5Mismatch = true;
                throw new IOException("the content's MD5 differs from the contentMd5 given");
            }
        }
        if (n == 0) {
            return false;
        }
        byte[] nonce = CseV2.nonce(region++);
        try {
            System.arraycopy(nonce, 0, out, 0, CseV2.NONCE);
            len = CseV2.NONCE + gcm.encrypt(key, nonce, plain, n, out, CseV2.NONCE);
        } catch (GeneralSecurityException e) {
            throw new IOException("AES-GCM encryption failed: " + e.getClass().getSimpleName(), e);
        }
        pos = 0;
        if (progress != null) {
            progress.onProgress(plaintextBytes, total);
        }
        return true;
    }
}
