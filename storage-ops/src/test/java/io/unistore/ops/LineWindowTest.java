package io.unistore.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unistore.ErrorCode;
import io.unistore.StorageAccount;
import io.unistore.StorageException;
import io.unistore.blob.BlobStore;
import io.unistore.blob.ReadOptions;
import io.unistore.file.FileStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Line ranges, tails and byte ranges read by ranged requests, on each back end. */
class LineWindowTest {

    static List<Backends.Backend> targets() {
        return Backends.targets();
    }

    private static String text(LineSlice s) {
        return new String(s.bytes(), StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void linesAndTailsComeFromRangedReadsOfOnlyWhatIsNeeded(Backends.Backend backend) throws Exception {
        try (StorageAccount account = backend.open().get()) {
            BlobStore blobs = account.blobs();
            blobs.createContainer("lines");
            StringBuilder big = new StringBuilder();
            for (int i = 1; i <= 40_000; i++) {
                big.append("line ").append(i).append('\n');
            }
            byte[] bytes = big.toString().getBytes(StandardCharsets.UTF_8);
            blobs.upload("lines", "big.txt", bytes);
            int chunk = 16 * 1024;

            LineSlice head = LineWindow.lines(open(blobs, "big.txt"), 1, 3, 1 << 20, chunk);
            assertThat(text(head)).isEqualTo("line 1\nline 2\nline 3\n");
            assertThat(head.more()).isTrue();
            assertThat(head.requests()).isEqualTo(1);
            assertThat(head.bytesFetched()).isEqualTo(chunk);

            LineSlice middle = LineWindow.lines(open(blobs, "big.txt"), 20_000, 2, 1 << 20, chunk);
            assertThat(text(middle)).isEqualTo("line 20000\nline 20001\n");
            assertThat(middle.firstLine()).isEqualTo(20_000);
            assertThat(middle.bytesFetched()).isLessThan(bytes.length / 2 + chunk);

            LineSlice tail = LineWindow.tail(open(blobs, "big.txt"), 2, 1 << 20, chunk);
            assertThat(text(tail)).isEqualTo("line 39999\nline 40000\n");
            assertThat(tail.requests()).isEqualTo(1);
            assertThat(tail.bytesFetched()).isEqualTo(chunk);
            assertThat(tail.offset()).isEqualTo(bytes.length - "line 39999\nline 40000\n".length());

            RangedContent ranged = open(blobs, "big.txt");
            assertThat(new String(ranged.read(7, 7), StandardCharsets.UTF_8)).isEqualTo("line 2\n");
            assertThat(ranged.bytesRead()).isEqualTo(7);
            assertThat(ranged.read(bytes.length - 3, 100)).hasSize(3);
            assertThatThrownBy(() -> ranged.read(bytes.length + 1, 1)).hasMessageContaining("offset");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void aBlobChangedBetweenRangedReadsFailsInsteadOfMixingContents(Backends.Backend backend) throws Exception {
        try (StorageAccount account = backend.open().get()) {
            BlobStore blobs = account.blobs();
            blobs.createContainer("pinned");
            blobs.upload("pinned", "a.txt", "one\ntwo\n".getBytes(StandardCharsets.UTF_8));
            RangedContent content = open(blobs, "a.txt");
            blobs.upload("pinned", "a.txt", "uno\ndos\n".getBytes(StandardCharsets.UTF_8));
            assertThatThrownBy(() -> content.read(0, 4)).isInstanceOfSatisfying(StorageException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.PRECONDITION_FAILED));
        }
    }

    private static RangedContent open(BlobStore blobs, String name) {
        String container = blobs.listContainers().iterator().next().name();
        return RangedContent.ofBlob(blobs, container, name, ReadOptions.defaults());
    }

    /** Every window of many small contents, at every chunk size, against lines split in memory. */
    @Test
    void windowsMatchASplitAtEveryChunkSize() throws Exception {
        try (StorageAccount account = Backends.local()) {
            FileStore files = account.files();
            files.createShare("win");
            Random random = new Random(7);
            List<String> contents = new ArrayList<>(List.of("", "a", "a\n", "\n", "\n\n", "a\r\nb\r\n", "ab\ncd"));
            for (int i = 0; i < 25; i++) {
                StringBuilder s = new StringBuilder();
                int n = random.nextInt(30);
                for (int j = 0; j < n; j++) {
                    s.append(random.nextInt(4) == 0 ? '\n' : (char) ('a' + random.nextInt(3)));
                }
                contents.add(s.toString());
            }
            for (String c : contents) {
                files.upload("win", "f.txt", c.getBytes(StandardCharsets.UTF_8));
                List<String> lines = split(c);
                for (int chunk = 1; chunk <= 7; chunk += 3) {
                    for (int count = 1; count <= 3; count++) {
                        String tail = String.join("", lines.subList(Math.max(0, lines.size() - count), lines.size()));
                        LineSlice t = LineWindow.tail(RangedContent.ofFile(files, "win", "f.txt"), count, 1000, chunk);
                        assertThat(text(t)).as("tail %d of %s by %d", count, c, chunk).isEqualTo(tail);
                        assertThat(t.lineCount()).isEqualTo(Math.min(count, lines.size()));
                        for (int start = 1; start <= lines.size(); start++) {
                            String want = String.join("", lines.subList(start - 1,
                                    Math.min(lines.size(), start - 1 + count)));
                            LineSlice s = LineWindow.lines(RangedContent.ofFile(files, "win", "f.txt"), start, count,
                                    1000, chunk);
                            assertThat(text(s)).as("%d+%d of %s by %d", start, count, c, chunk).isEqualTo(want);
                            assertThat(s.more()).isEqualTo(start - 1 + count < lines.size());
                        }
                        int past = lines.size() + 1;
                        if (past > 1) {
                            assertThatThrownBy(() -> LineWindow.lines(RangedContent.ofFile(files, "win", "f.txt"), past,
                                    1, 1000, 3)).hasMessageContaining("startLine");
                        }
                    }
                }
            }
        }
    }

    @Test
    void theByteLimitKeepsWholeLinesAndSaysSo() throws Exception {
        try (StorageAccount account = Backends.local()) {
            FileStore files = account.files();
            files.createShare("win");
            files.upload("win", "f.txt", "aaaa\nbbbb\ncccc\n".getBytes(StandardCharsets.UTF_8));
            LineSlice head = LineWindow.lines(RangedContent.ofFile(files, "win", "f.txt"), 1, 3, 12, 4);
            assertThat(text(head)).isEqualTo("aaaa\nbbbb\n");
            assertThat(head.truncated()).isTrue();
            assertThat(head.more()).isTrue();
            LineSlice tail = LineWindow.tail(RangedContent.ofFile(files, "win", "f.txt"), 3, 12, 4);
            assertThat(text(tail)).isEqualTo("bbbb\ncccc\n");
            assertThat(tail.truncated()).isTrue();
            assertThat(tail.firstLine()).isEqualTo(-1);
            assertThatThrownBy(() -> LineWindow.lines(RangedContent.ofFile(files, "win", "f.txt"), 1, 1, 3, 4))
                    .hasMessageContaining("offset and length");
            assertThatThrownBy(() -> LineWindow.tail(RangedContent.ofFile(files, "win", "f.txt"), 1, 3, 4))
                    .hasMessageContaining("offset and length");
            assertThatThrownBy(() -> LineWindow.lines(RangedContent.ofFile(files, "win", "f.txt"), 0, 1, 3, 4))
                    .hasMessageContaining("startLine");
        }
    }

    /** Lines with their ends, as the windows return them. */
    private static List<String> split(String c) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < c.length(); i++) {
            if (c.charAt(i) == '\n') {
                lines.add(c.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < c.length()) {
            lines.add(c.substring(start));
        }
        return lines;
    }

}
