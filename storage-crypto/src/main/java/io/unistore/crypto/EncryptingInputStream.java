package io.unistore.crypto;

import io.unistore.ProgressListener;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.crypto.SecretKey;

/**
 * Turns a plaintext stream into v2 ciphertext, region by region, encrypting ahead: while the caller (the provider's
 * upload) takes one region, the next {@value #AHEAD} are read from the source and encrypted on worker threads, so
 * the encryption (one core's AES-GCM) overlaps the writing instead of alternating with it. Memory stays bounded:
 * at most {@value #AHEAD} + 1 regions, each one of plaintext and one of ciphertext (about 8 MiB) plus its own pair
 * of direct buffers, whatever the content's size. Content of one region is encrypted on the caller's thread. The
 * source is read in order on the caller's thread, to its end, and never closed.
 *
 * <p>When an MD5 is expected, the end of the source is detected before the last region is handed out (one byte is
 * read ahead), and a mismatch fails that read: the provider's upload fails before the blob is complete, so nothing
 * is stored.
 */
final class EncryptingInputStream extends RegionStream {
    /** Regions encrypted ahead of the one being read: the project's machines have two cores. */
    static final int AHEAD = 2;

    private final InputStream source;
    private final SecretKey key;
    private final MessageDigest md5;
    private final String expectedMd5;
    private final ProgressListener progress;
    private final long total;
    private final ArrayDeque<Slot> ready = new ArrayDeque<>();
    private final ArrayDeque<Slot> free = new ArrayDeque<>();
    private Slot current;
    private ThreadPoolExecutor workers;
    private long region;
    private long plaintextBytes;
    private int carry = -1;
    private boolean sourceDone;
    private boolean md5Mismatch;

    /** One region's buffers, used by one thread at a time. */
    private static final class Slot {
        final GcmRegions gcm = new GcmRegions(CseV2.REGION);
        final byte[] plain = new byte[CseV2.REGION];
        final byte[] out = new byte[CseV2.REGION + CseV2.OVERHEAD];
        int n;
        long index;
        long plaintextEnd;
        Future<Integer> length;
    }

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
        return current.out;
    }

    @Override
    protected boolean nextRegion() throws IOException {
        if (current != null) {
            free.add(current);
            current = null;
        }
        while (!sourceDone && ready.size() <= AHEAD) {
            Slot s = free.isEmpty() ? new Slot() : free.poll();
            if (!read(s)) {
                free.add(s);
                break;
            }
            if (workers == null && sourceDone && ready.isEmpty()) {
                s.length = CompletableFuture.completedFuture(encrypt(s)); // one region: no thread needed
            } else {
                s.length = workers().submit(() -> encrypt(s));
            }
            ready.add(s);
        }
        if (ready.isEmpty()) {
            stopWorkers();
            return false;
        }
        current = ready.poll();
        try {
            len = current.length.get();
        } catch (ExecutionException e) {
            stopWorkers();
            throw e.getCause() instanceof IOException io ? io
                    : new IOException("AES-GCM encryption failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            stopWorkers();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while encrypting");
        }
        pos = 0;
        if (progress != null) {
            progress.onProgress(current.plaintextEnd, total);
        }
        return true;
    }

    /** Reads the next region's plaintext into the slot; false when the source had no more. */
    private boolean read(Slot s) throws IOException {
        int n = 0;
        if (carry >= 0) {
            s.plain[n++] = (byte) carry;
            carry = -1;
        }
        while (n < s.plain.length) {
            int r = source.read(s.plain, n, s.plain.length - n);
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
            md5.update(s.plain, 0, n);
            if (sourceDone && !Base64.getEncoder().encodeToString(md5.digest()).equals(expectedMd5)) {
                md5Mismatch = true;
                stopWorkers();
                throw new IOException("the content's MD5 differs from the contentMd5 given");
            }
        }
        if (n == 0) {
            return false;
        }
        s.n = n;
        s.index = region++;
        s.plaintextEnd = plaintextBytes;
        return true;
    }

    private int encrypt(Slot s) throws IOException {
        byte[] nonce = CseV2.nonce(s.index);
        System.arraycopy(nonce, 0, s.out, 0, CseV2.NONCE);
        try {
            return CseV2.NONCE + s.gcm.encrypt(key, nonce, s.plain, s.n, s.out, CseV2.NONCE);
        } catch (GeneralSecurityException e) {
            throw new IOException("AES-GCM encryption failed: " + e.getClass().getSimpleName(), e);
        }
    }

    private ThreadPoolExecutor workers() {
        if (workers == null) {
            // Daemon threads that end when idle, so a stream its caller abandons without closing leaves none.
            workers = new ThreadPoolExecutor(AHEAD, AHEAD, 5, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                Thread t = new Thread(r, "unistore-encrypt");
                t.setDaemon(true);
                return t;
            });
            workers.allowCoreThreadTimeOut(true);
        }
        return workers;
    }

    private void stopWorkers() {
        if (workers != null) {
            workers.shutdownNow();
        }
    }

    /** Stops the encryption ahead; the source is the caller's to close. */
    @Override
    public void close() {
        stopWorkers();
    }
}
