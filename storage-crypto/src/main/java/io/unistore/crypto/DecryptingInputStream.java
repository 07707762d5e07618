package io.unistore.crypto;

import io.unistore.ErrorCode;
import io.unistore.StorageException;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.SecretKey;

/**
 * Turns v2 ciphertext, starting at a region boundary, back into plaintext, one region at a time. A region's bytes
 * are released only after its GCM tag checked out (the JDK's GCM decryption returns nothing before the tag is
 * verified), so a wrong key or altered content never yields a byte of unauthenticated plaintext. Then it skips
 * the bytes before the range asked for and stops after its length.
 */
final class DecryptingInputStream extends RegionStream {
    private final InputStream ciphertext;
    private final SecretKey key;
    private final String where;
    private final String keyId;
    private final GcmRegions gcm;
    private final NonceOrder order = new NonceOrder();
    private final byte[] in;
    private final byte[] plain;
    private long region;
    private long skip;
    private long remaining;
    private boolean done;

    /**
     * @param firstRegion the index of the region the ciphertext starts with
     * @param skip plaintext bytes to drop from the first region
     * @param limit plaintext bytes to return at most, or -1 for all
     */
    DecryptingInputStream(InputStream ciphertext, SecretKey key, int regionLength, long firstRegion, long skip,
                          long limit, String where, String keyId) {
        this(ciphertext, key, regionLength, firstRegion, skip, limit, where, keyId,
                new GcmRegions(regionLength + CseV2.TAG));
    }

    /**
     * @param gcm the direct buffers to decrypt through, for readers that decrypt many ranges one after the other
     *            (direct memory is freed only by a GC, so a buffer pair per range soon hits the JVM's limit and
     *            stalls in its System.gc retries)
     */
    DecryptingInputStream(InputStream ciphertext, SecretKey key, int regionLength, long firstRegion, long skip,
                          long limit, String where, String keyId, GcmRegions gcm) {
        this.ciphertext = ciphertext;
        this.key = key;
        this.where = where;
        this.keyId = keyId;
        this.in = new byte[regionLength + CseV2.OVERHEAD];
        this.plain = new byte[regionLength];
        this.region = firstRegion;
        this.skip = skip;
        this.remaining = limit < 0 ? Long.MAX_VALUE : limit;
        this.gcm = gcm;
    }

    @Override
    protected byte[] region() {
        return plain;
    }

    @Override
    protected long allowance() {
        return remaining;
    }

    @Override
    protected void handedOut(int n) {
        remaining -= n;
    }

    @Override
    protected boolean nextRegion() throws IOException {
        if (done) {
            return false;
        }
        int n = ciphertext.readNBytes(in, 0, in.length);
        if (n == 0) {
            done = true;
            return false;
        }
        if (n < CseV2.OVERHEAD) {
            throw failure("region " + region + " is cut short (" + n + " bytes)");
        }
        byte[] nonce = Arrays.copyOf(in, CseV2.NONCE);
        if (!order.accepts(nonce, region)) {
            throw failure("region " + region + " is out of place (its nonce belongs to another position)");
        }
        try {
            len = gcm.decrypt(key, nonce, in, CseV2.NONCE, n - CseV2.NONCE, plain);
        } catch (AEADBadTagException e) {
            throw failure("region " + region + " failed authentication: the content was altered or the content key "
                    + "is not the one it was written with");
        } catch (GeneralSecurityException e) {
            throw failure("region " + region + " could not be decrypted: " + e.getClass().getSimpleName());
        }
        region++;
        pos = (int) Math.min(skip, len);
        skip -= pos;
        return true;
    }

    private StorageException failure(String what) {
        pos = 0;
        len = 0;
        done = true;
        return new StorageException(ErrorCode.PERMISSION_DENIED, where + " (key " + keyId + "): " + what);
    }

    @Override
    public void close() throws IOException {
        Arrays.fill(plain, (byte) 0);
        gcm.wipe();
        ciphertext.close();
    }
}
