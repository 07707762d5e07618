package io.unistore.crypto;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM over whole regions, through direct buffers. On JDK 17 a single {@code doFinal} over a 4 MiB heap
 * array runs at about 15 MB/s on this project's machines (decryption cannot be split: the JDK holds GCM input
 * until the tag is checked), while the same call on direct buffers takes the intrinsic path at several hundred
 * MB/s; the two copies in and out cost far less than the difference. One instance per stream: not thread-safe.
 */
final class GcmRegions {
    private final Cipher cipher;
    private final ByteBuffer in;
    private final ByteBuffer out;

    /** @param maxInput the largest input one call takes (a region, or a region and its overhead) */
    GcmRegions(int maxInput) {
        try {
            this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no AES-GCM", e);
        }
        this.in = ByteBuffer.allocateDirect(maxInput);
        this.out = ByteBuffer.allocateDirect(maxInput + CseV2.TAG);
    }

    /** Encrypts {@code n} bytes of {@code src} into {@code dst} at {@code dstOff}; returns the bytes written. */
    int encrypt(SecretKey key, byte[] nonce, byte[] src, int n, byte[] dst, int dstOff)
            throws GeneralSecurityException {
        return run(Cipher.ENCRYPT_MODE, key, nonce, src, 0, n, dst, dstOff);
    }

    /**
     * Decrypts {@code n} bytes of {@code src} from {@code srcOff} (ciphertext and tag) into {@code dst}; nothing
     * is written to {@code dst} unless the tag checks out.
     */
    int decrypt(SecretKey key, byte[] nonce, byte[] src, int srcOff, int n, byte[] dst)
            throws GeneralSecurityException {
        return run(Cipher.DECRYPT_MODE, key, nonce, src, srcOff, n, dst, 0);
    }

    private int run(int mode, SecretKey key, byte[] nonce, byte[] src, int srcOff, int n, byte[] dst, int dstOff)
            throws GeneralSecurityException {
        cipher.init(mode, key, new GCMParameterSpec(CseV2.TAG * 8, nonce));
        in.clear();
        in.put(src, srcOff, n).flip();
        out.clear();
        int written = cipher.doFinal(in, out);
        out.flip();
        out.get(dst, dstOff, written);
        return written;
    }

    /** Overwrites the plaintext the buffers held. */
    void wipe() {
        byte[] zeros = new byte[64 * 1024];
        for (ByteBuffer b : new ByteBuffer[] {in, out}) {
            b.clear();
            while (b.hasRemaining()) {
                b.put(zeros, 0, Math.min(zeros.length, b.remaining()));
            }
        }
    }
}
