package io.unistore.mcp;

import static io.unistore.mcp.McpSession.args;
import static org.assertj.core.api.Assertions.assertThat;

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
 * The content tools for file shares (ranged and line reads, grep, find, edit, patch, read-many) and copy-share of
 * the real jar, over stdio, on one back end with FILES: the local provider and the Azure Files stand-in.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FileContentToolsContract {
    @TempDir
    static Path dir;
    Backend backend;
    McpSession mcp;

    abstract Backend backend();

    @BeforeAll
    void start() throws Exception {
        backend = backend();
        Path config = ServerJar.writeConfig(dir, Map.of(backend.name(), backend.start(dir)));
        mcp = McpSession.start("--config", config.toString(), "--max-inline-bytes", "65536")
                .env(backend.environment()).connect();
    }

    @AfterAll
    void stop() throws Exception {
        if (mcp != null) {
            mcp.close();
        }
        backend.close();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> r, String key) {
        return (List<Map<String, Object>>) r.get(key);
    }

    @Test
    void moveFileRenamesAndMovesReplacingOnlyWhenAsked() {
        mcp.call("create-file-share", args("share", "moves"));
        mcp.call("create-directory", args("share", "moves", "path", "done"));
        mcp.call("upload-file", args("share", "moves", "path", "report.txt", "content", "final", "metadata",
                Map.of("owner", "ada")));
        mcp.call("upload-file", args("share", "moves", "path", "done/old.txt", "content", "old"));
        Map<String, Object> moved = mcp.call("move-file", args("share", "moves", "path", "report.txt", "targetPath",
                "done/report.txt"));
        assertThat(moved).containsEntry("path", "done/report.txt").containsEntry("size", 5);
        assertThat(mcp.error("download-file", args("share", "moves", "path", "report.txt"))).startsWith("[NOT_FOUND]");
        assertThat(mcp.error("move-file", args("share", "moves", "path", "done/report.txt", "targetPath",
                "done/old.txt"))).startsWith("[ALREADY_EXISTS]").contains("replaceIfExists");
        mcp.call("move-file", args("share", "moves", "path", "done/report.txt", "targetPath", "done/old.txt",
                "replaceIfExists", true));
        assertThat(mcp.call("download-file", args("share", "moves", "path", "done/old.txt")))
                .containsEntry("content", "final");
        assertThat(mcp.error("move-file", args("share", "moves", "path", "done/old.txt", "targetPath",
                "nowhere/x.txt"))).startsWith("[NOT_FOUND]");
    }

    @Test
    void copyShareCopiesATreeIntoAnotherShareThenOnlyWhatChanged() {
        mcp.call("create-file-share", args("share", "origin"));
        mcp.call("create-directory", args("share", "origin", "path", "docs/empty"));
        mcp.call("upload-file", args("share", "origin", "path", "docs/a.txt", "content", "alpha", "contentType",
                "text/plain", "metadata", Map.of("owner", "ada")));
        mcp.call("upload-file", args("share", "origin", "path", "b.bin", "content",
                Base64.getEncoder().encodeToString(new byte[] {0, 1, 2, (byte) 255}), "encoding", "base64"));
        Map<String, Object> r = mcp.call("copy-share", args("sourceShare", "origin", "targetShare", "copied",
                "targetDirectory", "2026"));
        assertThat(r).containsEntry("copied", 2).containsEntry("complete", true).containsEntry("bytesCopied", 9);
        Map<String, Object> a = mcp.call("download-file", args("share", "copied", "path", "2026/docs/a.txt"));
        assertThat(a).containsEntry("content", "alpha");
        assertThat(mcp.call("list-files", args("share", "copied", "path", "2026/docs")).toString())
                .contains("empty");
        mcp.call("upload-file", args("share", "origin", "path", "docs/a.txt", "content", "alpha 2"));
        Map<String, Object> again = mcp.call("copy-share", args("sourceShare", "origin", "targetShare", "copied",
                "targetDirectory", "2026"));
        assertThat(again).containsEntry("copied", 1).containsEntry("skippedUnchanged", 1);
        assertThat(mcp.error("copy-share", args("sourceShare", "missing", "targetShare", "never-made")))
                .startsWith("[NOT_FOUND]").contains("missing");
        assertThat(mcp.call("list-file-shares", args()).toString()).doesNotContain("never-made");
    }

    @Test
    @SuppressWarnings("unchecked")
    void fileToolsReadRangesGrepAndFind() {
        mcp.call("create-file-share", args("share", "texts"));
        mcp.call("create-directory", args("share", "texts", "path", "a/b"));
        mcp.call("upload-file", args("share", "texts", "path", "a/one.txt", "content", "l1\nl2 ERROR\nl3\n"));
        mcp.call("upload-file", args("share", "texts", "path", "a/b/two.md", "content", "ERROR here\n"));
        Map<String, Object> tail = mcp.call("download-file", args("share", "texts", "path", "a/one.txt", "tail", 1));
        assertThat(tail).containsEntry("content", "l3\n");
        Map<String, Object> bytes = mcp.call("download-file", args("share", "texts", "path", "a/one.txt",
                "offset", 3, "length", 2));
        assertThat(bytes).containsEntry("content", "l2");
        Map<String, Object> grep = mcp.call("grep-files", args("share", "texts", "pattern", "ERROR",
                "contextLines", 1));
        assertThat(list(grep, "matches")).extracting(m -> m.get("path") + ":" + m.get("line"))
                .containsExactly("a/b/two.md:1", "a/one.txt:2");
        Map<String, Object> found = mcp.call("find-files", args("share", "texts", "include", List.of("**/*.md"),
                "modifiedAfter", "2000-01-01T00:00:00Z", "tree", true));
        assertThat(list(found, "files")).extracting(m -> m.get("name")).containsExactly("a/b/two.md");
        assertThat((Map<String, Object>) found.get("tree")).isEqualTo(Map.of("a/", Map.of("b/",
                Map.of("two.md", 11))));
        assertThat(mcp.error("download-file", args("share", "texts", "path", "a", "head", 1))).contains("directory");
    }


    @Test
    @SuppressWarnings("unchecked")
    void fileToolsEditPatchAndReadMany() {
        mcp.call("create-file-share", args("share", "edits"));
        mcp.call("upload-file", args("share", "edits", "path", "notes.md", "content", "# Notes\ntodo: one\n"));
        mcp.call("upload-file", args("share", "edits", "path", "other.md", "content", "x\n"));
        Map<String, Object> e = mcp.call("edit-file", args("share", "edits", "path", "notes.md", "edits",
                List.of(args("oldText", "todo: one", "newText", "done: one"))));
        assertThat(e).containsEntry("written", true).containsEntry("path", "notes.md");
        assertThat(mcp.error("edit-file", args("share", "edits", "path", "notes.md", "ifMatch", e.get("previousEtag"),
                "edits", List.of(args("oldText", "done", "newText", "x"))))).startsWith("[PRECONDITION_FAILED]");
        Map<String, Object> p = mcp.call("patch-file", args("share", "edits", "path", "notes.md", "ifMatch",
                e.get("etag"), "patch", "@@ -2 +2,2 @@\n-done: one\n+done: one\n+todo: two\n"));
        assertThat(p).containsEntry("linesAdded", 1);
        Map<String, Object> many = mcp.call("read-many-files", args("share", "edits", "items", List.of(
                args("path", "notes.md"), args("path", "other.md", "head", 1), args("path", "nope.md"))));
        assertThat(list(many, "results")).extracting(m -> m.get("content")).containsExactly(
                "# Notes\ndone: one\ntodo: two\n", "x\n", null);
        assertThat((Map<String, Object>) list(many, "results").get(2).get("error")).containsEntry("code",
                "NOT_FOUND");
    }

    @Test
    @SuppressWarnings("unchecked")
    void fileToolsClassifyExtractAndRedact() {
        mcp.call("create-file-share", args("share", "pii"));
        mcp.call("create-directory", args("share", "pii", "path", "hr"));
        mcp.call("upload-file", args("share", "pii", "path", "hr/people.csv", "content",
                "name,email\nAda,ada@example.com\n"));
        mcp.call("upload-file", args("share", "pii", "path", "hr/report.docx", "content",
                Base64.getEncoder().encodeToString(ContentToolsContract.docx("Salary review", "call +44 20 7946 0958")), "encoding",
                "base64"));
        Map<String, Object> r = mcp.call("classify-files", args("share", "pii", "path", "hr"));
        assertThat(list(r, "objects")).extracting(o -> o.get("path") + " " + o.get("counts"))
                .containsExactly("hr/people.csv {EMAIL=1}", "hr/report.docx {PHONE=1}");
        assertThat((String) mcp.call("extract-file-text", args("share", "pii", "path", "hr/report.docx",
                "redact", true)).get("text")).contains("call [REDACTED:PHONE]");
        assertThat(mcp.call("download-file", args("share", "pii", "path", "hr/people.csv", "redact", true)))
                .containsEntry("content", "name,email\nAda,[REDACTED:EMAIL]\n");
    }
}
