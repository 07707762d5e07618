package io.unistore.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.ByteRange;
import io.unistore.file.FileItem;
import io.unistore.file.FileStore;
import io.unistore.file.FileUploadOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * The core file-share paths through a faulted account: uploads (known and unknown length), ranged downloads and
 * paged directory listings. Every upload is read back through an unfaulted account and compared byte for byte,
 * and at the end the directory must hold exactly what the workload wrote.
 *
 * @param faulted the store behind the fault proxy
 * @param direct the same back end without the proxy, for verification
 * @param share the share to use (created if missing)
 * @param maxSize the largest file
 */
public record FileFaultWorkload(FileStore faulted, FileStore direct, String share, int maxSize) {
    private static final String DIR = "work";

    /** Runs {@code rounds} rounds (about three operations each) and returns the tally. */
    public FaultTally run(int rounds, long seed) {
        FaultTally t = new FaultTally("files");
        Random random = new Random(seed);
        Map<String, byte[]> model = new TreeMap<>();
        t.run("create share", () -> faulted.createShareIfNotExists(share));
        t.run("create directory", () -> faulted.createDirectories(share, DIR));
        for (int r = 0; r < rounds; r++) {
            String name = "f-" + String.format("%05d", r);
            String path = DIR + "/" + name;
            byte[] data = TestData.bytes(seed * 41 + r, 1 + random.nextInt(maxSize));
            FileUploadOptions options = r % 2 == 0 ? FileUploadOptions.defaults().withLength(data.length)
                    : FileUploadOptions.defaults();
            if (t.run("upload " + path, () -> faulted.upload(share, path, new ByteArrayInputStream(data), options))) {
                model.put(name, data);
                t.check("stored " + path, () -> assertThat(direct.downloadBytes(share, path)).isEqualTo(data));
                t.bytesVerified(data.length);
            } else {
                continue;
            }
            int offset = random.nextInt(data.length);
            int length = 1 + random.nextInt(data.length - offset);
            byte[] part = t.op("ranged download " + path, () -> readAll(faulted.openInputStream(share, path,
                    ByteRange.of(offset, length))));
            if (part != null) {
                t.check("ranged download " + path, () -> assertThat(part)
                        .isEqualTo(Arrays.copyOfRange(data, offset, offset + length)));
                t.bytesVerified(part.length);
            }
            if (r % 5 == 4) {
                List<String> names = t.op("paged listing", () -> {
                    List<String> n = new ArrayList<>();
                    for (FileItem item : faulted.list(share, DIR,
                            io.unistore.file.ListFilesOptions.defaults().withPageSize(4))) {
                        n.add(item.name());
                    }
                    return n;
                });
                if (names != null) {
                    t.check("paged listing", () -> assertThat(names).containsExactlyElementsOf(model.keySet()));
                }
            }
        }
        t.check("final contents", () -> {
            List<String> names = new ArrayList<>();
            direct.list(share, DIR).forEach(i -> names.add(i.name()));
            assertThat(names).containsExactlyElementsOf(model.keySet());
            for (Map.Entry<String, byte[]> e : model.entrySet()) {
                assertThat(direct.downloadBytes(share, DIR + "/" + e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
            }
        });
        return t;
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
