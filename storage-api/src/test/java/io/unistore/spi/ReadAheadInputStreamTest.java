package io.unistore.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unistore.ErrorCode;
import io.unistore.StorageException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The shared read-ahead stream over a fetcher of byte ranges of an array: pure mapping code, no store. */
class ReadAheadInputStreamTest {
    private static final ExecutorService AHEAD = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r);
        t.setDaemon(true);
        return t;
    });

    @AfterAll
    static void stop() {
        AHEAD.shutdownNow();
    }

    /** Serves {@code content} as a service would, recording each GET's ETag condition. */
    private static final class Content implements ReadAheadInputStream.RangeFetcher {
        final byte[] bytes;
        final byte[] storedMd5;
        final List<String> conditions = new ArrayList<>();
        volatile String etag = "\"v1\"";

        Content(byte[] bytes, byte[] storedMd5) {
            this.bytes = bytes;
            this.storedMd5 = storedMd5;
        }

        @Override
        public ReadAheadInputStream.Fetched fetch(long offset, long length, String ifMatch,
                                                  java.io.OutputStream sink) {
            synchronized (conditions) {
                conditions.add(ifMatch);
            }
            if (ifMatch != null && !ifMatch.equals(etag)) {
                throw new StorageException(ErrorCode.PRECONDITION_FAILED, "changed");
            }
            int from = (int) Math.min(offset, bytes.length);
            int to = (int) Math.min(bytes.length, offset + length);
            try {
                sink.write(bytes, from, to - from);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return new ReadAheadInputStream.Fetched(bytes.length, etag, storedMd5);
        }
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    @Test
    void readsWholeContentAndRangesInChunksPinnedToTheFirstEtag() throws IOException {
        byte[] data = random(100_003);
        Content c = new Content(data, Md5.newDigest().digest(data));
        try (InputStream in = new ReadAheadInputStream(c, 0, -1, 4096, AHEAD)) {
            assertThat(in.readAllBytes()).isEqualTo(data);
        }
        assertThat(c.conditions.get(0)).isNull();
        assertThat(c.conditions.subList(1, c.conditions.size())).hasSizeGreaterThan(20).containsOnly("\"v1\"");
        try (InputStream in = new ReadAheadInputStream(c, 5000, 12_345, 4096, null)) {
            assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(data, 5000, 17_345));
        }
    }

    @Test
    void readsAfterTheEndKeepAnsweringEndWithoutCheckingTheMd5Again() throws IOException {
        byte[] data = random(21);
        Content c = new Content(data, Md5.newDigest().digest(data));
        try (InputStream in = new ReadAheadInputStream(c, 0, -1, 4096, AHEAD)) {
            assertThat(in.readAllBytes()).isEqualTo(data);
            assertThat(in.read()).isEqualTo(-1);
            assertThat(in.read(new byte[8])).isEqualTo(-1);
        }
    }

    @Test
    void aWholeReadWhoseBytesDoNotMatchTheStoredMd5Fails() {
        byte[] data = random(10_000);
        Content c = new Content(data, Md5.newDigest().digest(random(3)));
        assertThatThrownBy(() -> {
            try (InputStream in = new ReadAheadInputStream(c, 0, -1, 1024, AHEAD)) {
                in.readAllBytes();
            }
        }).isInstanceOf(IOException.class).hasMessageContaining("MD5 mismatch");
    }

    @Test
    void contentReplacedMidReadFailsInsteadOfMixingVersions() {
        byte[] data = random(50_000);
        Content c = new Content(data, null);
        assertThatThrownBy(() -> {
            try (InputStream in = new ReadAheadInputStream(c, 0, -1, 1024, null)) {
                in.readNBytes(2048);
                c.etag = "\"v2\"";
                in.readAllBytes();
            }
        }).isInstanceOf(IOException.class).hasRootCauseInstanceOf(StorageException.class);
    }

    @Test
    void aRangeStartingBeyondTheEndIsInvalid() {
        Content c = new Content(random(10), null);
        assertThatThrownBy(() -> new ReadAheadInputStream(c, 11, 5, 1024, null))
                .isInstanceOf(StorageException.class).hasMessageContaining("beyond the end");
    }
}
