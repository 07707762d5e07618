package io.unistore.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.ByteRange;
import io.unistore.blob.BlobItem;
import io.unistore.blob.BlobProperties;
import io.unistore.blob.BlobStore;
import io.unistore.blob.ListBlobsOptions;
import io.unistore.blob.ReadOptions;
import io.unistore.blob.UploadOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * The core blob paths through a faulted account: uploads small (one request) and chunked (blocks, parts or a
 * resumable session, length unknown), whole and ranged downloads, properties, paged listings and deletes. Every
 * write is read back through a second, unfaulted account of the same back end and compared byte for byte, and
 * at the end the container must hold exactly what the workload wrote.
 *
 * @param faulted the store behind the fault proxy
 * @param direct the same back end without the proxy, for verification
 * @param container the container to use (created if missing)
 * @param smallSize the largest small upload
 * @param chunkedSize the size of a chunked upload (it must exceed {@code blockSize})
 * @param blockSize the block, part or chunk size of chunked uploads
 * @param chunkedEvery one round in this many also uploads a chunked blob
 */
public record BlobFaultWorkload(BlobStore faulted, BlobStore direct, String container, int smallSize,
                                int chunkedSize, long blockSize, int chunkedEvery) {

    /** Runs {@code rounds} rounds (about six operations each) and returns the tally. */
    public FaultTally run(int rounds, long seed) {
        FaultTally t = new FaultTally("blobs");
        Random random = new Random(seed);
        Map<String, byte[]> model = new TreeMap<>();
        t.run("create container", () -> faulted.createContainerIfNotExists(container));
        for (int r = 0; r < rounds; r++) {
            String small = "small/" + r;
            byte[] data = TestData.bytes(seed * 31 + r, 1 + random.nextInt(smallSize));
            if (t.run("upload " + small, () -> faulted.upload(container, small, data,
                    UploadOptions.defaults().withContentType("application/octet-stream")))) {
                model.put(small, data);
                verifyStored(t, small, data);
            }
            if (r % chunkedEvery == 0) {
                String chunked = "chunked/" + r;
                byte[] big = TestData.bytes(seed * 37 + r, chunkedSize + random.nextInt(1024));
                // A stream of unknown length: the provider must cut it into blocks, parts or chunks itself.
                if (t.run("chunked upload " + chunked, () -> faulted.upload(container, chunked,
                        new ByteArrayInputStream(big), UploadOptions.defaults().withBlockSize(blockSize)))) {
                    model.put(chunked, big);
                    verifyStored(t, chunked, big);
                }
                byte[] whole = t.op("download " + chunked, () -> readAll(faulted.openInputStream(container, chunked)));
                if (whole != null) {
                    t.check("download " + chunked, () -> assertThat(whole).isEqualTo(big));
                    t.bytesVerified(whole.length);
                }
            }
            if (!model.containsKey(small)) {
                continue;
            }
            byte[] got = t.op("download " + small, () -> faulted.downloadBytes(container, small));
            if (got != null) {
                t.check("download " + small, () -> assertThat(got).isEqualTo(data));
                t.bytesVerified(got.length);
            }
            int offset = random.nextInt(data.length);
            int length = 1 + random.nextInt(data.length - offset);
            byte[] part = t.op("ranged download " + small, () -> readAll(faulted.openInputStream(container, small,
                    ReadOptions.range(ByteRange.of(offset, length)))));
            if (part != null) {
                t.check("ranged download " + small, () -> assertThat(part)
                        .isEqualTo(java.util.Arrays.copyOfRange(data, offset, offset + length)));
                t.bytesVerified(part.length);
            }
            BlobProperties p = t.op("properties of " + small, () -> faulted.getProperties(container, small));
            if (p != null) {
                t.check("properties of " + small, () -> {
                    assertThat(p.size()).isEqualTo(data.length);
                    if (p.contentMd5() != null) {
                        assertThat(p.contentMd5()).isEqualTo(TestData.md5Base64(data));
                    }
                });
            }
            if (r % 5 == 4) {
                List<String> names = t.op("paged listing", () -> {
                    List<String> n = new ArrayList<>();
                    for (BlobItem item : faulted.list(container, ListBlobsOptions.defaults().withPageSize(7))) {
                        n.add(item.name());
                    }
                    return n;
                });
                if (names != null) {
                    t.check("paged listing", () -> assertThat(names).containsExactlyElementsOf(model.keySet()));
                }
            }
            if (r % 3 == 2) {
                String victim = "small/" + (r - 2);
                if (model.containsKey(victim)) {
                    Boolean deleted = t.op("delete " + victim, () -> faulted.delete(container, victim));
                    if (deleted != null) {
                        model.remove(victim);
                        t.check("delete " + victim, () -> {
                            assertThat(deleted).as("delete reports the blob existed").isTrue();
                            assertThat(direct.exists(container, victim)).isFalse();
                        });
                    }
                }
            }
        }
        t.check("final contents", () -> {
            List<String> names = new ArrayList<>();
            direct.list(container).forEach(i -> names.add(i.name()));
            assertThat(names).containsExactlyElementsOf(model.keySet());
            for (Map.Entry<String, byte[]> e : model.entrySet()) {
                assertThat(direct.downloadBytes(container, e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
            }
        });
        return t;
    }

    private void verifyStored(FaultTally t, String name, byte[] data) {
        t.check("stored " + name, () -> assertThat(direct.downloadBytes(container, name)).isEqualTo(data));
        t.bytesVerified(data.length);
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
