package io.unistore.crypto;

import java.nio.ByteBuffer;

/**
 * The layout of Azure Storage client-side encryption v2 content: the plaintext is cut into regions of
 * {@link #REGION} bytes (the last may be shorter), and each region is stored as a 12-byte nonce, its AES-256-GCM
 * ciphertext (as long as the plaintext) and a 16-byte tag. Regions are independent, so a range of the plaintext is
 * read by fetching and decrypting only the regions it touches.
 */
final class CseV2 {
    /** Plaintext bytes per region: 4 MiB, as the {@code EncryptedRegionInfo.DataLength} of protocol 2.0 says. */
    static final int REGION = 4 * 1024 * 1024;
    static final int NONCE = 12;
    static final int TAG = 16;
    static final int OVERHEAD = NONCE + TAG;
    static final String PROTOCOL = "2.0";
    static final String ALGORITHM = "AES_GCM_256";

    private CseV2() {
    }

    /** Stored bytes of {@code plaintext} bytes with regions of {@code region} bytes. */
    static long encryptedLength(long plaintext, int region) {
        if (plaintext == 0) {
            return 0;
        }
        long regions = (plaintext + region - 1) / region;
        return plaintext + regions * OVERHEAD;
    }

    /**
     * Plaintext bytes of {@code stored} bytes. Every region but the last is full, so the count of regions follows
     * from the stored length alone; a stored length no region layout can give is refused.
     */
    static long plaintextLength(long stored, int region) {
        if (stored == 0) {
            return 0;
        }
        long full = region + (long) OVERHEAD;
        long regions = (stored + full - 1) / full;
        long plaintext = stored - regions * OVERHEAD;
        if (plaintext < 0 || stored - (regions - 1) * full < OVERHEAD) {
            throw new IllegalArgumentException("a stored length of " + stored + " bytes is not a whole number of "
                    + "encrypted regions");
        }
        return plaintext;
    }

    /**
     * The nonce of region {@code index} as Microsoft's Java library writes it: the index as 8 big-endian bytes,
     * then zeros. A counter never repeats under one content key, which is fresh for every blob.
     */
    static byte[] nonce(long index) {
        return ByteBuffer.allocate(NONCE).putLong(index).array();
    }
}
