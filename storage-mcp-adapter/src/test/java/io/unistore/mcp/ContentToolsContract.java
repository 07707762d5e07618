package io.unistore.mcp;

import static io.unistore.mcp.McpSession.args;
import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.testsupport.faults.FaultProxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
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
    Path config;
    Path exchange;

    abstract Backend backend();

    /** The proxy in front of the back end, or null (local: nothing goes over HTTP). */
    FaultProxy proxy() {
        return null;
    }

    @BeforeAll
    void start() throws Exception {
        backend = backend();
        exchange = Files.createDirectories(dir.resolve("exchange"));
        config = ServerJar.writeConfig(dir, Map.of(backend.name(), backend.start(dir)));
        mcp = session();
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

    /** A server process on the back end (the tests share one; the concurrency test starts a second). */
    McpSession session() {
        return McpSession.start("--config", config.toString(), "--allow-path", exchange.toString(),
                "--max-inline-bytes", "65536").env(backend.environment()).connect();
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

    private void tree() {
        if (mcp.call("list-blobs", args("container", "content", "prefix", "src/")).get("blobs") instanceof List<?> l
                && !l.isEmpty()) {
            return;
        }
        put("src/a.txt", "alpha\nERROR one\nbeta\n", "text/plain");
        put("src/deep/b.log", "x\nERROR two\n", "text/plain");
        put("src/c.txt", "ERROR 3\nok\nERROR 4\nERROR 5\n", null);
        put("top.csv", "a,b\n1,2\n", "text/csv");
        mcp.call("upload-blob", args("container", "content", "blob", "src/img.png", "content",
                Base64.getEncoder().encodeToString(new byte[] {'E', 'R', 'R', 'O', 'R', 0, 1, 2}), "encoding",
                "base64"));
    }

    private void put(String blob, String text, String type) {
        Map<String, Object> a = args("container", "content", "blob", blob, "content", text);
        if (type != null) {
            a.put("contentType", type);
        }
        mcp.call("upload-blob", a);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> r, String key) {
        return (List<Map<String, Object>>) r.get(key);
    }

    @Test
    void grepFindsLinesWithContextSkipsBinaryAndFollowsGlobs() {
        tree();
        Map<String, Object> r = mcp.call("grep-blobs", args("container", "content", "prefix", "src/", "pattern",
                "ERROR \\w+", "contextLines", 1));
        assertThat(list(r, "matches")).extracting(m -> m.get("blob") + ":" + m.get("line"))
                .containsExactly("src/a.txt:2", "src/c.txt:1", "src/c.txt:3", "src/c.txt:4", "src/deep/b.log:2");
        Map<String, Object> first = list(r, "matches").get(0);
        assertThat(first).containsEntry("text", "ERROR one").containsEntry("before", List.of("alpha"))
                .containsEntry("after", List.of("beta"));
        assertThat(r).containsEntry("binarySkipped", 1).containsEntry("objectsScanned", 3)
                .containsEntry("continuationToken", null).containsEntry("stoppedBy", null);

        Map<String, Object> logs = mcp.call("grep-blobs", args("container", "content", "pattern", "error",
                "ignoreCase", true, "include", List.of("*.log")));
        assertThat(list(logs, "matches")).extracting(m -> m.get("blob")).containsExactly("src/deep/b.log");
        Map<String, Object> notDeep = mcp.call("grep-blobs", args("container", "content", "pattern", "ERROR",
                "exclude", List.of("src/deep/**", "*.png")));
        assertThat(notDeep).containsEntry("binarySkipped", 0);
        assertThat(list(notDeep, "matches")).hasSize(4);

        assertThat(mcp.error("grep-blobs", args("container", "content", "pattern", "(unclosed")))
                .startsWith("[INVALID_ARGUMENT]").contains("pattern");
        assertThat(mcp.error("grep-blobs", args("container", "content", "pattern", "x", "include",
                List.of("{a,b")))).contains("include");
        assertThat(mcp.error("grep-blobs", args("container", "content", "pattern", "x", "continuationToken",
                "garbage!"))).contains("continuationToken");
    }

    @Test
    void grepStopsAtItsLimitsAndTheContinuationWalksEveryMatchOnce() {
        tree();
        List<Object> seen = new java.util.ArrayList<>();
        Object token = null;
        int calls = 0;
        do {
            Map<String, Object> a = args("container", "content", "prefix", "src/", "pattern", "ERROR",
                    "maxMatches", 2);
            if (token != null) {
                a.put("continuationToken", token);
            }
            Map<String, Object> r = mcp.call("grep-blobs", a);
            assertThat(list(r, "matches")).hasSizeLessThanOrEqualTo(2);
            list(r, "matches").forEach(m -> seen.add(m.get("blob") + ":" + m.get("line")));
            token = r.get("continuationToken");
            calls++;
        } while (token != null && calls < 10);
        assertThat(seen).containsExactly("src/a.txt:2", "src/c.txt:1", "src/c.txt:3", "src/c.txt:4",
                "src/deep/b.log:2");
        Map<String, Object> bytes = mcp.call("grep-blobs", args("container", "content", "prefix", "src/",
                "pattern", "ERROR", "maxBytes", 10));
        assertThat(bytes).containsEntry("stoppedBy", "maxBytes");
        assertThat(bytes.get("continuationToken")).isNotNull();
    }

    @Test
    @SuppressWarnings("unchecked")
    void findFiltersByGlobSizeAndDateAndBuildsATree() {
        tree();
        Map<String, Object> txt = mcp.call("find-blobs", args("container", "content", "prefix", "src/", "include",
                List.of("*.txt"), "tree", true));
        assertThat(list(txt, "blobs")).extracting(m -> m.get("name")).containsExactly("src/a.txt", "src/c.txt");
        assertThat((Map<String, Object>) txt.get("tree")).isEqualTo(Map.of("src/", Map.of("a.txt", 21,
                "c.txt", 27)));
        Map<String, Object> direct = mcp.call("find-blobs", args("container", "content", "prefix", "src/",
                "recursive", false, "minSize", 9));
        assertThat(list(direct, "blobs")).extracting(m -> m.get("name")).containsExactly("src/a.txt",
                "src/c.txt");
        assertThat(list(mcp.call("find-blobs", args("container", "content", "modifiedAfter",
                "2999-01-01T00:00:00Z")), "blobs")).isEmpty();
        assertThat(list(mcp.call("find-blobs", args("container", "content", "prefix", "src/", "modifiedBefore",
                "2999-01-01T00:00:00Z")), "blobs")).hasSize(4);
        List<Object> walked = new java.util.ArrayList<>();
        Object token = null;
        int calls = 0;
        do {
            Map<String, Object> a = args("container", "content", "prefix", "src/", "maxResults", 1);
            if (token != null) {
                a.put("continuationToken", token);
            }
            Map<String, Object> r = mcp.call("find-blobs", a);
            list(r, "blobs").forEach(m -> walked.add(m.get("name")));
            token = r.get("continuationToken");
            calls++;
        } while (token != null && calls < 10);
        assertThat(walked).containsExactly("src/a.txt", "src/c.txt", "src/deep/b.log", "src/img.png");
        assertThat(mcp.error("find-blobs", args("container", "content", "modifiedAfter", "yesterday")))
                .contains("modifiedAfter").contains("ISO-8601");
    }

    @Test
    @SuppressWarnings("unchecked")
    void editBlobReplacesExactTextKeepsTheTypeAndRefusesWhatItCannotDo() {
        put("edit/app.conf", "host = a\nport = 1\nport = 2\n", "text/x-conf");
        Map<String, Object> dry = mcp.call("edit-blob", args("container", "content", "blob", "edit/app.conf",
                "edits", List.of(args("oldText", "host = a", "newText", "host = b")), "dryRun", true));
        assertThat(dry).containsEntry("changed", true).containsEntry("written", false)
                .containsEntry("etag", dry.get("previousEtag"));
        assertThat(mcp.call("download-blob", args("container", "content", "blob", "edit/app.conf")))
                .containsEntry("content", "host = a\nport = 1\nport = 2\n");

        Map<String, Object> r = mcp.call("edit-blob", args("container", "content", "blob", "edit/app.conf",
                "edits", List.of(args("oldText", "host = a", "newText", "host = b"),
                        args("oldText", "port = ", "newText", "p = ", "replaceAll", true))));
        assertThat(r).containsEntry("changed", true).containsEntry("written", true).containsEntry("sizeBefore", 27)
                .containsEntry("sizeAfter", 21);
        assertThat(r.get("etag")).isNotNull().isNotEqualTo(r.get("previousEtag"));
        assertThat((List<Map<String, Object>>) r.get("edits")).extracting(e -> e.get("replacements"))
                .containsExactly(1, 2);
        Map<String, Object> now = mcp.call("download-blob", args("container", "content", "blob", "edit/app.conf"));
        assertThat(now).containsEntry("content", "host = b\np = 1\np = 2\n");
        assertThat((Map<String, Object>) now.get("blob")).containsEntry("etag", r.get("etag"))
                .containsEntry("contentType", "text/x-conf");

        assertThat(mcp.error("edit-blob", args("container", "content", "blob", "edit/app.conf", "edits",
                List.of(args("oldText", "p = ", "newText", "x"))))).startsWith("[INVALID_ARGUMENT]")
                .contains("edits[0].oldText").contains("occurs 2 times").contains("replaceAll");
        assertThat(mcp.error("edit-blob", args("container", "content", "blob", "edit/app.conf", "edits",
                List.of(args("oldText", "host = b", "newText", "host = c"), args("oldText", "nope", "newText", "x")))))
                .contains("edits[1].oldText").contains("not found");
        assertThat(mcp.error("edit-blob", args("container", "content", "blob", "edit/app.conf", "ifMatch",
                "\"stale\"", "edits", List.of(args("oldText", "host", "newText", "h")))))
                .startsWith("[PRECONDITION_FAILED]");
        assertThat(mcp.call("download-blob", args("container", "content", "blob", "edit/app.conf")))
                .containsEntry("content", "host = b\np = 1\np = 2\n");
        assertThat(mcp.error("edit-blob", args("container", "content", "blob", "edit/missing",
                "edits", List.of(args("oldText", "a", "newText", "b"))))).startsWith("[NOT_FOUND]");
        mcp.call("upload-blob", args("container", "content", "blob", "edit/bin", "content",
                Base64.getEncoder().encodeToString(new byte[] {'a', 0, 'b'}), "encoding", "base64"));
        assertThat(mcp.error("edit-blob", args("container", "content", "blob", "edit/bin", "edits",
                List.of(args("oldText", "a", "newText", "b"))))).contains("blob").contains("binary");
        assertThat(mcp.error("edit-blob", args("container", "content", "blob", "big.txt", "edits",
                List.of(args("oldText", "line 1\n", "newText", "x"))))).contains("over the edit limit");
        assertThat(mcp.error("edit-blob", args("container", "content", "blob", "edit/app.conf", "edits",
                List.of(args("oldText", "host", "newText", "x".repeat(70_000)))))).contains("edits[0].newText").contains("over the limit");
    }

    /**
     * Two server processes edit one blob at once, each inserting its own lines before the same anchor: every
     * edit that succeeded is in the final content, and every one that did not got PRECONDITION_FAILED (never a
     * lost update, never another error). {@code -Dunistore.edits.perWriter=N} makes each writer edit N times
     * (default 6, CI-sized).
     */
    @Test
    void concurrentEditsOfOneBlobHaveOneWinnerAndNeverLoseAnUpdate() throws Exception {
        put("edit/shared.txt", "END\n", "text/plain");
        int perWriter = Integer.getInteger("unistore.edits.perWriter", 6);
        java.util.Set<String> written = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.concurrent.atomic.AtomicInteger conflicts = new java.util.concurrent.atomic.AtomicInteger();
        List<String> others = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        try (McpSession second = session()) {
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                List<java.util.concurrent.Future<?>> writers = new java.util.ArrayList<>();
                for (McpSession s : List.of(mcp, second)) {
                    String who = s == mcp ? "a" : "b";
                    writers.add(pool.submit(() -> {
                        for (int i = 0; i < perWriter; i++) {
                            String line = who + i;
                            var r = s.raw("edit-blob", args("container", "content", "blob", "edit/shared.txt",
                                    "edits", List.of(args("oldText", "END\n", "newText", line + "\nEND\n"))));
                            String text = McpSession.text(r);
                            if (!Boolean.TRUE.equals(r.isError())) {
                                written.add(line);
                            } else if (text.startsWith("[PRECONDITION_FAILED]")) {
                                conflicts.incrementAndGet();
                            } else {
                                others.add(text);
                            }
                        }
                        return null;
                    }));
                }
                for (var w : writers) {
                    w.get(3, java.util.concurrent.TimeUnit.MINUTES);
                }
            } finally {
                pool.shutdownNow();
            }
        }
        assertThat(others).as("errors other than PRECONDITION_FAILED").isEmpty();
        assertThat(written.size() + conflicts.get()).isEqualTo(2 * perWriter);
        String content = (String) mcp.call("download-blob", args("container", "content", "blob", "edit/shared.txt"))
                .get("content");
        java.util.Set<String> lines = new java.util.HashSet<>(List.of(content.split("\n")));
        lines.remove("END");
        assertThat(lines).as("lines in the blob = successful edits (%d conflicts)", conflicts.get())
                .isEqualTo(written);
    }

    @Test
    @SuppressWarnings("unchecked")
    void patchBlobAppliesAUnifiedDiffOrNamesTheHunkAndWritesNothing() {
        put("edit/code.py", "def f():\n    return 1\n\n\ndef g():\n    return 2\n", "text/x-python");
        Map<String, Object> r = mcp.call("patch-blob", args("container", "content", "blob", "edit/code.py",
                "patch", "--- a/code.py\n+++ b/code.py\n@@ -1,2 +1,2 @@\n def f():\n-    return 1\n+    return 10\n"
                        + "@@ -5,2 +5,3 @@\n def g():\n+    # two\n     return 2\n"));
        assertThat(r).containsEntry("written", true).containsEntry("linesAdded", 2).containsEntry("linesRemoved", 1);
        assertThat((List<Map<String, Object>>) r.get("hunks")).hasSize(2);
        String patched = "def f():\n    return 10\n\n\ndef g():\n    # two\n    return 2\n";
        assertThat(mcp.call("download-blob", args("container", "content", "blob", "edit/code.py")))
                .containsEntry("content", patched);
        assertThat(mcp.error("patch-blob", args("container", "content", "blob", "edit/code.py", "patch",
                "@@ -1,2 +1,2 @@\n def f():\n-    return 10\n+    return 11\n@@ -5,2 +5,2 @@\n def g():\n-    return 3\n"
                        + "+    return 4\n"))).startsWith("[CONFLICT]").contains("hunk 2 (@@ -5,2 +5,2 @@)")
                .contains("nothing was written");
        assertThat(mcp.error("patch-blob", args("container", "content", "blob", "edit/code.py", "patch",
                "@@ -1,2 +1,2 @@\n def f():\nbogus\n"))).startsWith("[INVALID_ARGUMENT]").contains("hunk 1");
        assertThat(mcp.call("download-blob", args("container", "content", "blob", "edit/code.py")))
                .containsEntry("content", patched);
    }

    @Test
    @SuppressWarnings("unchecked")
    void readManyReturnsEachItemOrItsErrorWithinTheTotal() {
        tree();
        Map<String, Object> r = mcp.call("read-many-blobs", args("container", "content", "items", List.of(
                args("blob", "src/a.txt"), args("blob", "missing.txt"), args("blob", "big.txt", "tail", 1),
                args("blob", "big.txt", "offset", 0, "length", 7), args("blob", "src/img.png"),
                args("blob", "big.txt"), args("blob", "top.csv", "head", 1, "tail", 1))));
        List<Map<String, Object>> results = list(r, "results");
        assertThat(results).extracting(m -> m.get("ok")).containsExactly(true, false, true, true, true, false,
                false);
        assertThat(results.get(0)).containsEntry("content", "alpha\nERROR one\nbeta\n");
        assertThat(results.get(0).get("etag")).isNotNull();
        assertThat((Map<String, Object>) results.get(1).get("error")).containsEntry("code", "NOT_FOUND");
        assertThat(results.get(2)).containsEntry("content", "line 100000\n");
        assertThat(results.get(3)).containsEntry("content", "line 1\n");
        assertThat(results.get(4)).containsEntry("encoding", "base64");
        assertThat((String) ((Map<String, Object>) results.get(5).get("error")).get("message"))
                .contains("items[5]").contains("read a range");
        assertThat((String) ((Map<String, Object>) results.get(6).get("error")).get("message"))
                .contains("items[6].head");
        assertThat(r).containsEntry("totalBytes", 21 + 12 + 7 + 8);

        Map<String, Object> capped = mcp.call("read-many-blobs", args("container", "content", "maxTotalBytes", 25,
                "items", List.of(args("blob", "src/a.txt"), args("blob", "src/c.txt"), args("blob", "big.txt",
                        "offset", 0))));
        assertThat(list(capped, "results")).extracting(m -> m.get("ok")).containsExactly(true, false, true);
        assertThat(list(capped, "results").get(2)).containsEntry("content", "line");
        assertThat(capped).containsEntry("totalBytes", 25);
        assertThat(mcp.error("read-many-blobs", args("container", "content", "items", List.of())))
                .contains("items");
    }

    @Test
    @SuppressWarnings("unchecked")
    void describeReadsOnlyAPrefixAndGivesColumnsTypesAndCounts() {
        tree();
        StringBuilder csv = new StringBuilder("id,amount,paid,day,who\n");
        for (int i = 1; i <= 5000; i++) {
            csv.append(i).append(',').append(i).append(".5,").append(i % 2 == 0).append(",2024-01-")
                    .append(10 + i % 20).append(",name").append(i).append('\n');
        }
        Path sales;
        try {
            sales = Files.writeString(exchange.resolve("sales.csv"), csv);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        mcp.call("upload-blob", args("container", "content", "blob", "data/sales.csv", "localPath", sales.toString(),
                "contentType", "text/csv"));
        long[] bytes = new long[1];
        Map<String, Object> r = counted("describe-blob", args("container", "content", "blob", "data/sales.csv",
                "maxBytes", 4096), bytes);
        assertFetched(bytes[0], 4096);
        assertThat(list(r, "columns")).extracting(c -> c.get("name") + ":" + c.get("type"))
                .containsExactly("id:integer", "amount:number", "paid:boolean", "day:date", "who:string");
        assertThat(r).containsEntry("complete", false).containsEntry("rowCount", null).containsEntry("format", "csv")
                .containsEntry("bytesRead", 4096);
        // an estimate from the first rows, shorter here than later ones (ids of 1-3 digits): 5732 for 5000
        assertThat(((Number) r.get("rowEstimate")).longValue()).isBetween(4000L, 6500L);
        assertThat(list(r, "sample")).hasSize(5);
        assertThat(list(r, "sample").get(0)).containsEntry("id", "1").containsEntry("who", "name1");

        put("data/events.ndjson", "{\"t\":\"2024-05-01T10:00:00Z\",\"n\":1}\n{\"t\":\"2024-05-01T11:00:00Z\",\"n\":2.5,"
                + "\"tags\":[\"a\"]}\n", null);
        Map<String, Object> nd = mcp.call("describe-blob", args("container", "content", "blob", "data/events.ndjson"));
        assertThat(nd).containsEntry("complete", true).containsEntry("rowCount", 2).containsEntry("format", "ndjson");
        assertThat(list(nd, "columns")).extracting(c -> c.get("name") + ":" + c.get("type") + ":" + c.get("empty"))
                .containsExactly("t:datetime:0", "n:number:0", "tags:array:1");

        put("data/list.bin", "[{\"a\": true}, {\"a\": false, \"b\": null}]", "application/octet-stream");
        Map<String, Object> json = mcp.call("describe-blob", args("container", "content", "blob", "data/list.bin",
                "format", "json"));
        assertThat(list(json, "columns")).extracting(c -> c.get("name") + ":" + c.get("type"))
                .containsExactly("a:boolean", "b:null");
        assertThat(mcp.error("describe-blob", args("container", "content", "blob", "data/list.bin")))
                .startsWith("[INVALID_ARGUMENT]").contains("format");
        assertThat(mcp.error("describe-blob", args("container", "content", "blob", "src/img.png", "format", "ndjson")))
                .startsWith("[INVALID_ARGUMENT]").contains("blob");
    }

    /**
     * Parquet from its footer (two small ranged reads at the end of a 170 KB file: exact counts and types) and its
     * first row group (one more read: the sample rows).
     */
    @Test
    void parquetIsDescribedFromItsFooterAndFirstPages() throws Exception {
        Path file = exchange.resolve("sales.parquet");
        try (var in = ContentToolsContract.class.getResourceAsStream("/fixtures/sales.parquet")) {
            Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        mcp.call("upload-blob", args("container", "content", "blob", "data/sales.parquet", "localPath",
                file.toString()));
        long[] bytes = new long[1];
        Map<String, Object> r = counted("describe-blob", args("container", "content", "blob", "data/sales.parquet"),
                bytes);
        if (bytes[0] >= 0) {
            assertThat(bytes[0]).as("bytes the back end sent").isLessThan(Files.size(file) / 3);
        }
        List<Map<String, Object>> sample = list(r, "sample");
        assertThat(sample).hasSize(5);
        assertThat(sample.get(0)).containsEntry("id", 0).containsEntry("amount", 0.0).containsEntry("paid", true)
                .containsEntry("at", "2023-11-14T22:13:20Z").containsEntry("address.city", "Lyon")
                .containsEntry("customer", null);
        assertThat(sample.get(1)).containsEntry("id", 1).containsEntry("amount", 1.5).containsEntry("paid", false)
                .containsEntry("address.city", "Paris");
        assertThat((String) sample.get(1).get("customer")).matches("c\\d{5}");
        assertThat(r).containsEntry("rowsRead", 5).containsEntry("notSampled", Map.of());
        assertThat(r).containsEntry("format", "parquet").containsEntry("rowCount", 5000)
                .containsEntry("rowEstimate", 5000).containsEntry("complete", false);
        assertThat(((Number) r.get("rowGroups")).intValue()).isGreaterThan(1);
        assertThat(list(r, "columns")).extracting(c -> c.get("name") + ":" + c.get("type") + ":" + c.get("empty"))
                .containsExactly("id:int64:0", "customer:string:715", "amount:double:0", "paid:boolean:0",
                        "at:timestamp(micros,utc):0", "address.city:string:0");
        assertThat(list(r, "columns").get(0)).containsEntry("min", "0").containsEntry("max", "4999")
                .containsEntry("physicalType", "INT64").containsEntry("repetition", "required");
        put("data/fake.parquet", "id,name\n1,x\n", "text/csv");
        assertThat(mcp.error("describe-blob", args("container", "content", "blob", "data/fake.parquet")))
                .startsWith("[INVALID_ARGUMENT]").contains("not a readable Parquet file");
    }

    /**
     * Tags on every back end: native and found by the service's index on Azurite, kept in metadata and found by
     * a scan elsewhere (S3Proxy answers object tagging with 501, so its account says tags=false), as the results
     * state.
     */
    @Test
    @SuppressWarnings("unchecked")
    void tagsAreSetReadAndFoundAndTheResultSaysHow() {
        boolean azure = backend.name().equals("azurite");
        put("tags/a.txt", "a", "text/plain");
        put("tags/b.txt", "b", "text/plain");
        put("tags/c.txt", "c", "text/plain");
        Map<String, Object> set = mcp.call("set-blob-tags", args("container", "content", "blob", "tags/a.txt",
                "tags", Map.of("team", "red", "rank", "1")));
        assertThat(set).containsEntry("tags", Map.of("rank", "1", "team", "red"))
                .containsEntry("storedAs", azure ? "native" : "metadata");
        mcp.call("set-blob-tags", args("container", "content", "blob", "tags/b.txt", "tags",
                Map.of("team", "red", "rank", "5")));
        mcp.call("set-blob-tags", args("container", "content", "blob", "tags/c.txt", "tags", Map.of("team", "blue")));
        assertThat(mcp.call("get-blob-tags", args("container", "content", "blob", "tags/c.txt")))
                .containsEntry("tags", Map.of("team", "blue"));

        Map<String, Object> found = mcp.call("find-blobs-by-tags", args("container", "content", "expression",
                "\"team\" = 'red' AND \"rank\" >= '3'"));
        assertThat(found).containsEntry("method", azure ? "server-side" : "scan")
                .containsEntry("continuationToken", null);
        assertThat(list(found, "blobs")).containsExactly(Map.of("container", "content", "blob", "tags/b.txt",
                "tags", Map.of("rank", "5", "team", "red")));

        List<Object> walked = new java.util.ArrayList<>();
        Object token = null;
        int calls = 0;
        do {
            // Azurite's Filter Blobs filters each page of maxresults blobs: a page of 1 ends early, empty and
            // without a marker, so its walk takes one page
            Map<String, Object> a = args("expression", "\"team\" = 'red'", "maxResults", azure ? 100 : 1);
            if (token != null) {
                a.put("continuationToken", token);
            }
            Map<String, Object> r = mcp.call("find-blobs-by-tags", a);
            assertThat(list(r, "blobs")).hasSizeLessThanOrEqualTo(azure ? 100 : 1);
            list(r, "blobs").stream().filter(m -> m.get("container").equals("content"))
                    .forEach(m -> walked.add(m.get("blob")));
            token = r.get("continuationToken");
            calls++;
        } while (token != null && calls < 30);
        assertThat(walked).containsExactlyInAnyOrder("tags/a.txt", "tags/b.txt");

        Map<String, Object> eleven = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 11; i++) {
            eleven.put("k" + i, "v");
        }
        assertThat(mcp.error("set-blob-tags", args("container", "content", "blob", "tags/a.txt", "tags", eleven)))
                .startsWith("[INVALID_ARGUMENT]").contains("tags").contains("at most 10");
        assertThat(mcp.error("set-blob-tags", args("container", "content", "blob", "tags/a.txt", "tags",
                Map.of("a#b", "v")))).contains("tags key 'a#b'");
        assertThat(mcp.error("find-blobs-by-tags", args("container", "content", "expression", "team = 'red'")))
                .startsWith("[INVALID_ARGUMENT]").contains("expression").contains("position 0");
        assertThat(mcp.error("get-blob-tags", args("container", "content", "blob", "tags/none.txt")))
                .startsWith("[NOT_FOUND]");
        assertThat(mcp.call("get-blob-tags", args("container", "content", "blob", "tags/a.txt")))
                .containsEntry("tags", Map.of("rank", "1", "team", "red"));

        // Tags given at upload are written with the content; bad ones write nothing.
        mcp.call("upload-blob", args("container", "content", "blob", "tags/d.txt", "content", "d", "tags",
                Map.of("team", "green")));
        assertThat(mcp.call("get-blob-tags", args("container", "content", "blob", "tags/d.txt")))
                .containsEntry("tags", Map.of("team", "green"));
        assertThat(mcp.error("upload-blob", args("container", "content", "blob", "tags/e.txt", "content", "e",
                "tags", Map.of("a#b", "v")))).contains("tags key 'a#b'");
        assertThat(mcp.error("get-blob-tags", args("container", "content", "blob", "tags/e.txt")))
                .startsWith("[NOT_FOUND]");
    }

    // classify-blobs, extract-text and the redact option (storage-content)

    static final String NOTES = "Contact ada@example.com or +33 6 12 34 56 78 about the refund.\n"
            + "IBAN DE89 3704 0044 0532 0130 00, card 4111 1111 1111 1111\n"
            + "key AKIAIOSFODNN7EXAMPLE\n"
            + "Not a card: 4111 1111 1111 1112, not an IBAN: DE88 3704 0044 0532 0130 00\n";
    static final byte[] PNG = Base64.getDecoder().decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8"
            + "z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private void pii() {
        if (mcp.call("list-blobs", args("container", "content", "prefix", "pii/")).get("blobs") instanceof List<?> l
                && !l.isEmpty()) {
            return;
        }
        put("pii/notes.txt", NOTES, "text/plain");
        mcp.call("upload-blob", args("container", "content", "blob", "pii/fake.txt", "content",
                Base64.getEncoder().encodeToString(PNG), "encoding", "base64", "contentType", "text/plain"));
        put("pii/page.html", "<html><body><p>This is the page of the team and it is for the people who are "
                + "in the office.</p><p>Write to bob@example.org</p></body></html>", "text/html");
        mcp.call("upload-blob", args("container", "content", "blob", "pii/report.docx", "content",
                Base64.getEncoder().encodeToString(docx("Quarterly report", "token ghp_" + "a".repeat(10)
                        + "B".repeat(10) + "0123456789abcdef")), "encoding", "base64", "contentType",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
    }

    static byte[] docx(String... paragraphs) {
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument();
             var out = new java.io.ByteArrayOutputStream()) {
            for (String p : paragraphs) {
                doc.createParagraph().createRun().setText(p);
            }
            doc.write(out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void classifyFindsTypesLanguageAndCheckedItemsWithPositionsNeverValues() {
        pii();
        Map<String, Object> r = mcp.call("classify-blobs", args("container", "content", "prefix", "pii/"));
        List<Map<String, Object>> objects = list(r, "objects");
        assertThat(objects).extracting(o -> o.get("blob")).containsExactly("pii/fake.txt", "pii/notes.txt",
                "pii/page.html", "pii/report.docx");
        assertThat(objects.get(0)).containsEntry("detectedType", "image/png").containsEntry("mismatch", true)
                .containsEntry("scannedAs", "none");
        Map<String, Object> notes = objects.get(1);
        assertThat(notes).containsEntry("detectedType", "text/plain").containsEntry("mismatch", false)
                .containsEntry("scannedAs", "text").containsEntry("complete", true);
        assertThat((Map<String, Object>) notes.get("counts")).isEqualTo(Map.of("EMAIL", 1, "PHONE", 1, "IBAN", 1,
                "CARD_NUMBER", 1, "AWS_ACCESS_KEY_ID", 1));
        assertThat(list(notes, "findings").get(0)).containsEntry("kind", "EMAIL").containsEntry("line", 1)
                .containsEntry("column", 9).containsEntry("offset", 8).containsEntry("length", 15);
        assertThat(list(notes, "findings")).extracting(f -> f.get("kind") + "@" + f.get("line") + ":"
                + f.get("column")).containsExactly("EMAIL@1:9", "PHONE@1:28", "IBAN@2:6", "CARD_NUMBER@2:40",
                "AWS_ACCESS_KEY_ID@3:5");
        assertThat(objects.get(2)).containsEntry("scannedAs", "extracted-text").containsEntry("language", "en")
                .containsEntry("counts", Map.of("EMAIL", 1));
        assertThat(objects.get(3)).containsEntry("scannedAs", "extracted-text").containsEntry("mismatch", false)
                .containsEntry("counts", Map.of("GITHUB_TOKEN", 1));
        assertThat(r).containsEntry("withFindings", 3).containsEntry("stoppedBy", null)
                .containsEntry("continuationToken", null);
        String json = JsonText.write(r);
        assertThat(json).doesNotContain("ada@example.com", "AKIAIOSFODNN7EXAMPLE", "4111 1111 1111 1111",
                "DE89 3704", "bob@example.org", "0123456789abcdef");

        List<Object> walked = new java.util.ArrayList<>();
        Object token = null;
        int calls = 0;
        do {
            Map<String, Object> a = args("container", "content", "prefix", "pii/", "maxObjects", 3);
            if (token != null) {
                a.put("continuationToken", token);
            }
            Map<String, Object> page = mcp.call("classify-blobs", a);
            list(page, "objects").forEach(o -> walked.add(o.get("blob")));
            token = page.get("continuationToken");
            calls++;
        } while (token != null && calls < 5);
        assertThat(walked).containsExactly("pii/fake.txt", "pii/notes.txt", "pii/page.html", "pii/report.docx");
    }

    @Test
    @SuppressWarnings("unchecked")
    void classifyWritesItsResultAsMetadataAndKeepsTheRest() {
        put("meta/card.txt", "pay with 5555 5555 5555 4444\n", "text/plain");
        mcp.call("set-blob-metadata", args("container", "content", "blob", "meta/card.txt", "metadata",
                Map.of("owner", "ops")));
        Map<String, Object> r = mcp.call("classify-blobs", args("container", "content", "prefix", "meta/",
                "writeMetadata", true));
        assertThat(list(r, "objects").get(0)).containsEntry("metadataWritten", true);
        Map<String, Object> p = mcp.call("get-blob-properties", args("container", "content", "blob", "meta/card.txt"));
        Map<String, Object> metadata = (Map<String, Object>) ((Map<String, Object>) p.getOrDefault("blob", p))
                .get("metadata");
        assertThat(metadata).containsEntry("owner", "ops").containsEntry("unistore_findings", "CARD_NUMBER=1")
                .containsEntry("unistore_content_type", "text/plain").containsEntry("unistore_type_mismatch", "false");
    }

    @Test
    @SuppressWarnings("unchecked")
    void readToolsRedactWhatClassificationFinds() throws Exception {
        pii();
        String whole = (String) mcp.call("download-blob", args("container", "content", "blob", "pii/notes.txt",
                "redact", true)).get("content");
        assertThat(whole).isEqualTo("Contact [REDACTED:EMAIL] or [REDACTED:PHONE] about the refund.\n"
                + "IBAN [REDACTED:IBAN], card [REDACTED:CARD_NUMBER]\n"
                + "key [REDACTED:AWS_ACCESS_KEY_ID]\n"
                + "Not a card: 4111 1111 1111 1112, not an IBAN: DE88 3704 0044 0532 0130 00\n");
        assertThat(mcp.call("download-blob", args("container", "content", "blob", "pii/notes.txt", "startLine", 3,
                "lineCount", 1, "redact", true))).containsEntry("content", "key [REDACTED:AWS_ACCESS_KEY_ID]\n");
        Map<String, Object> many = mcp.call("read-many-blobs", args("container", "content", "items", List.of(
                args("blob", "pii/notes.txt", "head", 1, "redact", true), args("blob", "pii/notes.txt", "head", 1))));
        assertThat(list(many, "results")).extracting(m -> m.get("content")).containsExactly(
                "Contact [REDACTED:EMAIL] or [REDACTED:PHONE] about the refund.\n", NOTES.lines().findFirst()
                        .orElseThrow() + "\n");
        Path target = exchange.resolve("notes-redacted.txt");
        mcp.call("download-blob", args("container", "content", "blob", "pii/notes.txt", "localPath",
                target.toString(), "redact", true));
        assertThat(Files.readString(target)).isEqualTo(whole);
        assertThat(mcp.error("download-blob", args("container", "content", "blob", "pii/fake.txt", "redact", true,
                "encoding", "base64"))).startsWith("[INVALID_ARGUMENT]").contains("redact");
    }

    @Test
    void extractTextReadsDocumentsWithinMaxChars() {
        pii();
        Map<String, Object> docx = mcp.call("extract-text", args("container", "content", "blob", "pii/report.docx"));
        assertThat((String) docx.get("text")).contains("Quarterly report").contains("token ghp_");
        assertThat(docx).containsEntry("truncated", false).containsEntry("type",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        Map<String, Object> cut = mcp.call("extract-text", args("container", "content", "blob", "pii/report.docx",
                "maxChars", 9, "redact", true));
        assertThat(cut).containsEntry("text", "Quarterly").containsEntry("truncated", true);
        assertThat((String) mcp.call("extract-text", args("container", "content", "blob", "pii/report.docx",
                "redact", true)).get("text")).contains("token [REDACTED:GITHUB_TOKEN]");
        assertThat((String) mcp.call("extract-text", args("container", "content", "blob", "pii/page.html"))
                .get("text")).contains("Write to bob@example.org").doesNotContain("<p>");
        assertThat(mcp.error("extract-text", args("container", "content", "blob", "pii/fake.txt")))
                .startsWith("[UNSUPPORTED]").contains("image/png");
        assertThat(mcp.error("extract-text", args("container", "content", "blob", "pii/report.docx", "maxBytes", 10)))
                .startsWith("[INVALID_ARGUMENT]").contains("maxBytes");
    }
}
