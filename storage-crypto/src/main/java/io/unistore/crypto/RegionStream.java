package io.unistore.crypto;

import java.io.IOException;
import java.io.InputStream;

/**
 * A stream served one region at a time from a buffer its subclass refills: the encrypting and the decrypting
 * streams differ only in how they make the next region.
 */
abstract class RegionStream extends InputStream {
    /** The next byte to hand out and the end of the current region in {@link #region()}. */
    protected int pos;
    protected int len;

    /** The buffer holding the current region. */
    protected abstract byte[] region();

    /** Makes the next region (setting {@link #pos} and {@link #len}); false at the end. */
    protected abstract boolean nextRegion() throws IOException;

    /** Bytes the stream may still hand out (a range's end). */
    protected long allowance() {
        return Long.MAX_VALUE;
    }

    /** Told of bytes handed out. */
    protected void handedOut(int n) {
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int count) throws IOException {
        if (count == 0) {
            return 0;
        }
        if (allowance() == 0) {
            return -1;
        }
        while (pos == len) {
            if (!nextRegion()) {
                return -1;
            }
        }
        int n = (int) Math.min(Math.min(count, len - pos), allowance());
        System.arraycopy(region(), pos, b, off, n);
        pos += n;
        handedOut(n);
        return n;
    }
}
