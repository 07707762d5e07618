package io.unistore.mcp;

import static io.unistore.mcp.McpSession.args;
import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.testsupport.faults.FaultProxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The content tools of the real jar, over stdio, on one back end. Emulator-backed subclasses route the
 * account through a {@link FaultProxy} that injects nothing and counts the bytes the back end answered, so a
 * ranged read is shown to fetch only its range.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ContentToolsContract {
    /** Lines of the big blob: about 1.3 MB, far over one ranged read of 64 KiB. */
    static final int LINES = 100_000;

    @TempDir
    static Path dir;
    Backend backend;
    McpSession mcp;
    String big;

    abstract Backend backend();

    /** The proxy in front of the back end, or null (local: nothing goes over HTTP). */
    FaultProxy proxy() {
        return null;
    }

    @BeforeAll
    void start() throws Exception {
        backend = backend();
        Path exchange = Files.createDirectories(dir.resolve("exchange"));
        Path config = ServerJar.writeConfig(dir, Map.of(backend.name(), backend.start(dir)));
        mcp = McpSession.start("--config", config.toString(), "--allow-path", exchange.toString(),
                "--max-inline-bytes", "65536").env(backend.environment()).connect();
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= LINES; i++) {
            b.append("line ").append(i).append('\n');
        }
        big = b.toString();
        Path file = Files.writeString(exchange.resolve("big.txt"), big);
        mcp.call("create-container", args("container", "content"));
        mcp.call("upload-blob", args("container", "content", "blob", "big.txt", "localPath", file.toString(),
                "contentType", "text/plain"));
    }

    @AfterAll
    void stop() throws Exception {
        if (mcp != null) {
            mcp.close();
        }
        if (proxy() != null) {
            proxy().close();
        }
        backend.close();
    }

    /** Runs a call and returns it with the answer bytes the back end sent for it (-1 without a proxy). */
    private Map<String, Object> counted(String tool, Map<String, Object> a, long[] bytes) {
        long before = proxy() == null ? 0 : proxy().forwardedBytes();
        Map<String, Object> r = mcp.call(tool, a);
        bytes[0] = proxy() == null ? -1 : proxy().forwardedBytes() - before;
        return r;
    }

    @Test
    @SuppressWarnings("unchecked")
    void aByteRangeFetchesOnlyItsBytes() {
        long[] bytes = new long[1];
        int offset = big.indexOf("line 50000\n");
        Map<String, Object> r = counted("download-blob", args("container", "content", "blob", "big.txt",
                "offset", offset, "length", 11), bytes);
        assertThat(r).containsEntry("content", "line 50000\n").containsEntry("encoding", "utf8");
        assertThat((Map<String, Object>) r.get("range")).containsEntry("offset", offset)
                .containsEntry("length", 11).containsEntry("size", big.length());
        assertFetched(bytes[0], 11);
    }

    @Test
    @SuppressWarnings("unchecked")
    void headLineRangeAndTailFetchOneChunkNotTheBlob() {
        long[] bytes = new long[1];
        Map<String, Object> head = counted("download-blob", args("container", "content", "blob", "big.txt",
                "head", 3), bytes);
        assertThat(head).containsEntry("content", "line 1\nline 2\nline 3\n");
        assertThat((Map<String, Object>) head.get("lines")).containsEntry("firstLine", 1)
                .containsEntry("lineCount", 3).containsEntry("more", true).containsEntry("truncated", false);
        assertFetchedOneChunk(bytes[0]);

        Map<String, Object> tail = counted("download-blob", args("container", "content", "blob", "big.txt",
                "tail", 2), bytes);
        assertThat(tail).containsEntry("content", "line 99999\nline 100000\n");
        assertThat((Map<String, Object>) tail.get("lines")).containsEntry("firstLine", null)
                .containsEntry("lineCount", 2).containsEntry("more", false);
        assertFetchedOneChunk(bytes[0]);

        Map<String, Object> range = counted("download-blob", args("container", "content", "blob", "big.txt",
                "startLine", 1000, "lineCount", 2), bytes);
        assertThat(range).containsEntry("content", "line 1000\nline 1001\n");
        assertFetchedOneChunk(bytes[0]);
    }

    private static void assertFetchedOneChunk(long bytes) {
        assertFetched(bytes, 64 * 1024);
    }

    /**
     * The back end sent the range's bytes and, at most, a properties answer besides (GCS answers one with a
     * JSON body; Azure and S3 with headers only) - never the 1.3 MB blob.
     */
    private static void assertFetched(long bytes, int range) {
        if (bytes >= 0) {
            assertThat(bytes).as("bytes the back end sent").isBetween((long) range, range + 4096L);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void tooManyLinesStopAtTheInlineLimitAndBadRangesAreRefused() {
        Map<String, Object> many = mcp.call("download-blob", args("container", "content", "blob", "big.txt",
                "startLine", 10, "lineCount", 100_000));
        Map<String, Object> lines = (Map<String, Object>) many.get("lines");
        assertThat(lines).containsEntry("truncated", true).containsEntry("more", true);
        assertThat(((String) many.get("content")).length()).isLessThanOrEqualTo(65536);
        assertThat((String) many.get("content")).startsWith("line 10\n").endsWith("\n");

        assertThat(mcp.error("download-blob", args("container", "content", "blob", "big.txt", "offset", 0,
                "length", 70_000))).contains("length").contains("inline limit");
        assertThat(mcp.error("download-blob", args("container", "content", "blob", "big.txt", "offset",
                big.length() + 1))).contains("offset");
        assertThat(mcp.error("download-blob", args("container", "content", "blob", "big.txt", "offset", 0,
                "head", 2))).contains("not both");
        assertThat(mcp.error("download-blob", args("container", "content", "blob", "big.txt", "head", 2,
                "tail", 2))).contains("head");
        assertThat(mcp.error("download-blob", args("container", "content", "blob", "big.txt", "startLine",
                LINES + 5))).contains("startLine").contains("past the last line");
        assertThat(mcp.error("download-blob", args("container", "content", "blob", "big.txt", "length", 5)))
                .contains("length").contains("offset");
        assertThat(mcp.error("download-blob", args("container", "content", "blob", "missing.txt", "head", 1)))
                .startsWith("[NOT_FOUND]");
    }
}
