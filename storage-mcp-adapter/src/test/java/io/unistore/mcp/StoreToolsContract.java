package io.unistore.mcp;

import static io.unistore.mcp.McpSession.args;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every store tool of the real jar, over stdio, on one back end: happy paths, paging, conditions and
 * large content. Subclasses say which back end; tools the back end's account does not list are skipped
 * with the reason (a capability it does not declare), never counted as passing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StoreToolsContract {
    @TempDir
    static Path dir;
    Path exchange;
    Backend backend;
    McpSession mcp;

    abstract Backend backend();

    @BeforeAll
    void start() throws Exception {
        backend = backend();
        exchange = Files.createDirectories(dir.resolve("exchange"));
        Path config = ServerJar.writeConfig(dir, Map.of(backend.name(), backend.start(dir)));
        mcp = McpSession.start("--config", config.toString(), "--allow-path", exchange.toString(),
                "--max-inline-bytes", "65536").env(backend.environment()).connect();
    }

    @AfterAll
    void stop() throws Exception {
        if (mcp != null) {
            mcp.close();
        }
        backend.close();
    }

    void assumeListed(String tool) {
        assumeTrue(mcp.tools().containsKey(tool), () -> "the " + backend.name() + " account does not list " + tool
                + " (its provider lacks a capability the tool needs)");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> items(Map<String, Object> page, String key) {
        return (List<Map<String, Object>>) page.get(key);
    }

    static List<Object> names(Map<String, Object> page, String key) {
        return items(page, key).stream().map(m -> m.get("name")).toList();
    }

    /**
     * Walks a listing two per page (a provider may return fewer): every page holds at most two, at least two
     * pages come back, and together they hold exactly {@code expected}, in order.
     */
    List<Object> walk(String tool, String key, Map<String, Object> base, java.util.function.Function<Map<String,
            Object>, List<Object>> itemsOf) {
        List<Object> seen = new ArrayList<>();
        Object token = null;
        int pages = 0;
        do {
            Map<String, Object> a = new java.util.LinkedHashMap<>(base);
            if (token != null) {
                a.put("continuationToken", token);
            }
            Map<String, Object> page = mcp.call(tool, a);
            List<Object> items = itemsOf.apply(page);
            assertThat(items).as("page %d of %s", pages, tool).hasSizeLessThanOrEqualTo(2);
            seen.addAll(items);
            token = page.get("continuationToken");
            pages++;
        } while (token != null && pages < 20);
        assertThat(pages).as("pages of %s", tool).isGreaterThanOrEqualTo(2);
        return seen;
    }

    void assertTwoPages(String tool, String key, String prefix, String a, String b, String c) {
        assertThat(walk(tool, key, args("prefix", prefix, "pageSize", 2), page -> names(page, key)))
                .containsExactly(a, b, c);
    }

    // ---- blobs --------------------------------------------------------------------------------------

    @Test
    void containersAreCreatedListedPagedAndDeleted() {
        assumeListed("list-containers");
        for (String c : List.of("pg-a", "pg-b", "pg-c")) {
            assertThat(mcp.call("create-container", args("container", c))).containsEntry("created", true);
        }
        assertThat(mcp.error("create-container", args("container", "pg-a"))).startsWith("[ALREADY_EXISTS]");
        assertTwoPages("list-containers", "containers", "pg-", "pg-a", "pg-b", "pg-c");
        assertThat(mcp.call("delete-container", args("container", "pg-c"))).containsEntry("deleted", true);
        assertThat(mcp.call("delete-container", args("container", "pg-c"))).containsEntry("deleted", false);
    }

    @Test
    @SuppressWarnings("unchecked")
    void blobsRoundTripTextBinaryMetadataCopyAndDelete() {
        assumeListed("upload-blob");
        mcp.call("create-container", args("container", "docs"));
        Map<String, Object> written = mcp.call("upload-blob", args("container", "docs", "blob", "notes/a.txt",
                "content", "héllo wörld", "metadata", Map.of("owner", "ada")));
        assertThat(written.get("etag")).isNotNull();
        Map<String, Object> text = mcp.call("download-blob", args("container", "docs", "blob", "notes/a.txt"));
        assertThat(text).containsEntry("encoding", "utf8").containsEntry("content", "héllo wörld");
        assertThat((Map<String, Object>) text.get("blob")).containsEntry("metadata", Map.of("owner", "ada"));

        byte[] binary = {0, 1, 2, (byte) 0xff, 0x7f, 0};
        mcp.call("upload-blob", args("container", "docs", "blob", "img.bin", "content",
                Base64.getEncoder().encodeToString(binary), "encoding", "base64", "contentType", "image/png"));
        Map<String, Object> bin = mcp.call("download-blob", args("container", "docs", "blob", "img.bin"));
        assertThat(bin).containsEntry("encoding", "base64");
        assertThat(Base64.getDecoder().decode((String) bin.get("content"))).isEqualTo(binary);
        Map<String, Object> props = mcp.call("get-blob-properties", args("container", "docs", "blob", "img.bin"));
        assertThat(props).containsEntry("size", 6).containsEntry("contentType", "image/png");

        Map<String, Object> meta = mcp.call("set-blob-metadata", args("container", "docs", "blob", "img.bin",
                "metadata", Map.of("k", "v")));
        assertThat(mcp.call("get-blob-properties", args("container", "docs", "blob", "img.bin")))
                .containsEntry("metadata", Map.of("k", "v")).containsEntry("etag", meta.get("etag"));

        Map<String, Object> listing = mcp.call("list-blobs", args("container", "docs", "delimiter", "/"));
        assertThat(names(listing, "blobs")).containsExactly("img.bin");
        assertThat((List<Object>) listing.get("prefixes")).containsExactly("notes/");
        Map<String, Object> flat = mcp.call("list-blobs", args("container", "docs", "prefix", "notes/"));
        assertThat(names(flat, "blobs")).containsExactly("notes/a.txt");

        mcp.call("create-container", args("container", "docs-copy"));
        mcp.call("copy-blob", args("container", "docs", "blob", "notes/a.txt", "targetContainer", "docs-copy",
                "targetBlob", "a-copy.txt"));
        assertThat(mcp.call("download-blob", args("container", "docs-copy", "blob", "a-copy.txt")))
                .containsEntry("content", "héllo wörld");

        assertThat(mcp.call("delete-blob", args("container", "docs", "blob", "img.bin")))
                .containsEntry("deleted", true);
        assertThat(mcp.error("get-blob-properties", args("container", "docs", "blob", "img.bin")))
                .startsWith("[NOT_FOUND]");
        assertThat(mcp.call("delete-blob", args("container", "docs", "blob", "img.bin")))
                .containsEntry("deleted", false);
    }

    @Test
    void blobListingPages() {
        assumeListed("list-blobs");
        mcp.call("create-container", args("container", "paged"));
        for (int i = 0; i < 5; i++) {
            mcp.call("upload-blob", args("container", "paged", "blob", "b" + i, "content", "x"));
        }
        assertThat(walk("list-blobs", "blobs", args("container", "paged", "pageSize", 2),
                page -> names(page, "blobs"))).containsExactly("b0", "b1", "b2", "b3", "b4");
    }

    @Test
    void staleEtagIsRefused() {
        assumeListed("upload-blob");
        mcp.call("create-container", args("container", "cond"));
        Map<String, Object> v1 = mcp.call("upload-blob", args("container", "cond", "blob", "x", "content", "1"));
        mcp.call("upload-blob", args("container", "cond", "blob", "x", "content", "2"));
        assertThat(mcp.error("upload-blob", args("container", "cond", "blob", "x", "content", "3", "ifMatch",
                v1.get("etag")))).startsWith("[PRECONDITION_FAILED]").contains("ETag");
        assertThat(mcp.call("download-blob", args("container", "cond", "blob", "x"))).containsEntry("content", "2");
    }

    @Test
    @SuppressWarnings("unchecked")
    void largeContentGoesThroughLocalPathsWithProgress() throws Exception {
        assumeListed("upload-blob");
        mcp.call("create-container", args("container", "big"));
        byte[] data = new byte[3 * 1024 * 1024 + 17];
        new Random(7).nextBytes(data);
        Path source = Files.write(exchange.resolve("in.bin"), data);
        McpSchema.CallToolResult up = mcp.rawWithProgress("upload-blob", args("container", "big", "blob", "data.bin",
                "localPath", source.toString()), "up-1");
        assertThat(mcp.checked("upload-blob", up)).containsEntry("size", data.length);
        assertThat(mcp.progressFor("up-1")).anySatisfy(p -> assertThat(p.total()).isEqualTo((double) data.length));

        Map<String, Object> inline = mcp.call("download-blob", args("container", "big", "blob", "data.bin"));
        assertThat(inline.get("content")).isNull();
        assertThat((String) inline.get("note")).contains("localPath");
        if (mcp.tools().containsKey("generate-blob-url")) {
            assertThat((String) inline.get("url")).as("a presigned URL where the provider signs them").isNotBlank();
        } else {
            assertThat(inline.get("url")).isNull();
        }

        Path target = exchange.resolve("out.bin");
        Map<String, Object> saved = mcp.call("download-blob", args("container", "big", "blob", "data.bin",
                "localPath", target.toString()));
        assertThat(saved).containsEntry("localPath", target.toRealPath().toString());
        assertThat(Files.readAllBytes(target)).isEqualTo(data);
        assertThat((Map<String, Object>) saved.get("blob")).containsEntry("size", data.length);

        assertThat(mcp.error("upload-blob", args("container", "big", "blob", "x", "content",
                "a".repeat(70_000)))).startsWith("[INVALID_ARGUMENT]").contains("content").contains("localPath");
    }

    @Test
    void localPathsOutsideTheRootsAreRefused() throws Exception {
        assumeListed("upload-blob");
        mcp.call("create-container", args("container", "roots"));
        Path outside = Files.writeString(dir.resolve("secret.txt"), "top secret");
        assertThat(mcp.error("upload-blob", args("container", "roots", "blob", "s", "localPath", outside.toString())))
                .startsWith("[PERMISSION_DENIED]").contains("localPath").contains("outside the allowed roots");
        Path escape = exchange.resolve("../secret.txt");
        assertThat(mcp.error("upload-blob", args("container", "roots", "blob", "s", "localPath", escape.toString())))
                .startsWith("[PERMISSION_DENIED]");
        Files.createSymbolicLink(exchange.resolve("link.txt"), outside);
        assertThat(mcp.error("upload-blob", args("container", "roots", "blob", "s", "localPath",
                exchange.resolve("link.txt").toString()))).startsWith("[PERMISSION_DENIED]");
        assertThat(mcp.error("upload-blob", args("container", "roots", "blob", "s", "localPath", "relative.txt")))
                .startsWith("[INVALID_ARGUMENT]").contains("absolute");
        mcp.call("upload-blob", args("container", "roots", "blob", "s", "content", "x"));
        assertThat(mcp.error("download-blob", args("container", "roots", "blob", "s", "localPath",
                dir.resolve("stolen.txt").toString()))).startsWith("[PERMISSION_DENIED]");
        assertThat(dir.resolve("stolen.txt")).doesNotExist();
        assertThat(mcp.error("upload-blob", args("container", "roots", "blob", "s", "content", "x", "localPath",
                exchange.resolve("in.bin").toString()))).contains("content/localPath");
    }

    @Test
    void tiersWhereTheAccountHasThem() {
        assumeListed("set-blob-tier");
        mcp.call("create-container", args("container", "tiers"));
        mcp.call("upload-blob", args("container", "tiers", "blob", "t", "content", "x"));
        mcp.call("upload-blob", args("container", "tiers", "blob", "cool", "content", "x", "tier", "Cool"));
        assertThat(mcp.call("get-blob-tier", args("container", "tiers", "blob", "cool"))).containsEntry("tier", "Cool");
        assertThat(mcp.call("set-blob-tier", args("container", "tiers", "blob", "t", "tier", "Cool")))
                .containsEntry("tier", "Cool");
        if (backend.keepsTierChanges()) {
            assertThat(mcp.call("get-blob-tier", args("container", "tiers", "blob", "t"))).containsEntry("tier", "Cool");
        }
        assertThat(mcp.error("set-blob-tier", args("container", "tiers", "blob", "t", "tier", "Lukewarm")))
                .startsWith("[INVALID_ARGUMENT]").contains("tier");
    }

    @Test
    void snapshotsWhereTheAccountHasThem() {
        assumeListed("create-blob-snapshot");
        mcp.call("create-container", args("container", "snaps"));
        mcp.call("upload-blob", args("container", "snaps", "blob", "s", "content", "before"));
        Object snapshot = mcp.call("create-blob-snapshot", args("container", "snaps", "blob", "s")).get("snapshot");
        mcp.call("upload-blob", args("container", "snaps", "blob", "s", "content", "after"));
        assertThat(mcp.call("download-blob", args("container", "snaps", "blob", "s", "snapshot", snapshot)))
                .containsEntry("content", "before");
    }

    @Test
    void versionsWhereTheAccountHasThem() {
        assumeListed("list-blob-versions");
        mcp.call("create-container", args("container", "vers"));
        Object v1 = mcp.call("upload-blob", args("container", "vers", "blob", "v", "content", "one")).get("versionId");
        mcp.call("upload-blob", args("container", "vers", "blob", "v", "content", "two"));
        Map<String, Object> versions = mcp.call("list-blob-versions", args("container", "vers", "blob", "v"));
        assertThat(items(versions, "versions")).hasSizeGreaterThanOrEqualTo(2);
        mcp.call("restore-blob-version", args("container", "vers", "blob", "v", "versionId", v1));
        assertThat(mcp.call("download-blob", args("container", "vers", "blob", "v"))).containsEntry("content", "one");
    }

    @Test
    void presignedUrlsWhereTheAccountHasThem() {
        assumeListed("generate-blob-url");
        mcp.call("create-container", args("container", "urls"));
        mcp.call("upload-blob", args("container", "urls", "blob", "u", "content", "x"));
        Map<String, Object> url = mcp.call("generate-blob-url", args("container", "urls", "blob", "u",
                "expiresInSeconds", 600));
        assertThat((String) url.get("url")).isNotBlank();
    }

    // ---- tables -------------------------------------------------------------------------------------

    @Test
    @SuppressWarnings("unchecked")
    void entitiesRoundTripTypedValuesQueriesAndConditions() {
        assumeListed("query-entities");
        mcp.call("create-table", args("table", "People"));
        Map<String, Object> props = Map.of("Name", "Ada", "Age", 36, "Score", 9.5, "Active", true,
                "Big", Map.of("type", "Int64", "value", "9007199254740993"),
                "Born", Map.of("type", "DateTime", "value", "1815-12-10T00:00:00Z"),
                "Id", Map.of("type", "Guid", "value", "6f0c0a5e-1b9a-4c4e-9d2b-0c1d2e3f4a5b"),
                "Raw", Map.of("type", "Binary", "value", "AAEC"), "Whole", Map.of("type", "Double", "value", "2.0"));
        mcp.call("upsert-entity", args("table", "People", "entity", Map.of("partitionKey", "uk", "rowKey", "ada",
                "properties", props)));
        Map<String, Object> got = mcp.call("get-entity", args("table", "People", "partitionKey", "uk", "rowKey",
                "ada"));
        assertThat((Map<String, Object>) got.get("properties")).isEqualTo(props);

        for (int i = 0; i < 4; i++) {
            mcp.call("upsert-entity", args("table", "People", "entity", Map.of("partitionKey", "fr", "rowKey",
                    "p" + i, "properties", Map.of("Age", 20 + i))));
        }
        List<Object> ages = walk("query-entities", "entities", args("table", "People", "filter",
                "PartitionKey eq 'fr' and Age ge 21", "select", List.of("Age"), "top", 2),
                page -> items(page, "entities").stream().map(e -> (Object) List.of(e.get("rowKey"), e.get("properties")))
                        .toList());
        assertThat(ages).containsExactly(List.of("p1", Map.of("Age", 21)), List.of("p2", Map.of("Age", 22)),
                List.of("p3", Map.of("Age", 23)));

        String etag = (String) got.get("etag");
        mcp.call("update-entity", args("table", "People", "entity", Map.of("partitionKey", "uk", "rowKey", "ada",
                "properties", Map.of("Age", 37)), "ifMatch", etag));
        assertThat(mcp.error("update-entity", args("table", "People", "entity", Map.of("partitionKey", "uk",
                "rowKey", "ada", "properties", Map.of("Age", 38)), "ifMatch", etag)))
                .startsWith("[PRECONDITION_FAILED]");
        Map<String, Object> merged = (Map<String, Object>) mcp.call("get-entity", args("table", "People",
                "partitionKey", "uk", "rowKey", "ada")).get("properties");
        assertThat(merged).containsEntry("Age", 37).containsEntry("Name", "Ada");
        mcp.call("update-entity", args("table", "People", "mode", "replace", "entity", Map.of("partitionKey", "uk",
                "rowKey", "ada", "properties", Map.of("Only", "this"))));
        assertThat(mcp.call("get-entity", args("table", "People", "partitionKey", "uk", "rowKey", "ada"))
                .get("properties")).isEqualTo(Map.of("Only", "this"));

        assertThat(mcp.error("query-entities", args("table", "People", "filter", "Age gt"))).startsWith(
                "[INVALID_ARGUMENT]").contains("filter");
        assertThat(mcp.call("delete-entity", args("table", "People", "partitionKey", "uk", "rowKey", "ada")))
                .containsEntry("deleted", true);
        assertThat(mcp.error("get-entity", args("table", "People", "partitionKey", "uk", "rowKey", "ada")))
                .startsWith("[NOT_FOUND]");
        assertThat(mcp.call("infer-table-schema", args("table", "People")).get("sampledEntities")).isEqualTo(4);
    }

    @Test
    void batchesAreAtomicAndNameTheFailingItem() {
        assumeListed("batch-entities");
        mcp.call("create-table", args("table", "Orders"));
        Map<String, Object> ok = mcp.call("batch-entities", args("table", "Orders", "entities", List.of(
                Map.of("action", "insert", "partitionKey", "o", "rowKey", "1", "properties", Map.of("N", 1)),
                Map.of("action", "upsertMerge", "partitionKey", "o", "rowKey", "2"))));
        assertThat(items(ok, "results")).hasSize(2);
        String error = mcp.error("batch-entities", args("table", "Orders", "entities", List.of(
                Map.of("action", "insert", "partitionKey", "o", "rowKey", "3"),
                Map.of("action", "insert", "partitionKey", "o", "rowKey", "1"))));
        assertThat(error).startsWith("[ALREADY_EXISTS]").contains("entities[1]");
        assertThat(mcp.error("get-entity", args("table", "Orders", "partitionKey", "o", "rowKey", "3")))
                .startsWith("[NOT_FOUND]");
    }

    @Test
    void tablesAreListedPagedAndDeleted() {
        assumeListed("list-tables");
        for (String t : List.of("Tpa", "Tpb", "Tpc")) {
            mcp.call("create-table", args("table", t));
        }
        assertTwoPages("list-tables", "tables", "Tp", "Tpa", "Tpb", "Tpc");
        assertThat(mcp.call("delete-table", args("table", "Tpc"))).containsEntry("deleted", true);
        assertThat(mcp.error("create-table", args("table", "1bad"))).startsWith("[INVALID_ARGUMENT]").contains("table");
    }

    // ---- queues -------------------------------------------------------------------------------------

    @Test
    @SuppressWarnings("unchecked")
    void messagesAreSentPeekedReceivedAndDeleted() {
        assumeListed("send-queue-message");
        mcp.call("create-queue", args("queue", "jobs"));
        mcp.call("send-queue-message", args("queue", "jobs", "message", "first"));
        String binary = Base64.getEncoder().encodeToString(new byte[] {0, (byte) 0xfe});
        assertThat(mcp.error("send-queue-message", args("queue", "jobs", "message", binary, "encoding", "base64")))
                .startsWith("[INVALID_ARGUMENT]").contains("base64");
        mcp.call("send-queue-message", args("queue", "jobs", "message", binary, "encoding", "base64",
                "messageEncoding", "base64"));
        // Peek where the account lists it (not SQS); everything else is observed by receiving.
        boolean peeks = mcp.tools().containsKey("peek-queue-message");
        if (peeks) {
            peekedTwo();
        }

        List<Map<String, Object>> received = items(mcp.call("receive-queue-message", args("queue", "jobs",
                "maxMessages", 1, "visibilityTimeoutSeconds", 60)), "messages");
        assertThat(received).hasSize(1);
        Map<String, Object> m = received.get(0);
        assertThat(m).containsEntry("message", "first");
        assertThat(m.get("popReceipt")).isNotNull();
        mcp.call("delete-queue-message", args("queue", "jobs", "messageId", m.get("messageId"), "popReceipt",
                m.get("popReceipt")));
        if (backend.checksReceipts()) {
            assertThat(mcp.error("delete-queue-message", args("queue", "jobs", "messageId", m.get("messageId"),
                    "popReceipt", m.get("popReceipt")))).matches("\\[(NOT_FOUND|PRECONDITION_FAILED)].*");
        }
        if (peeks) {
            assertThat(items(mcp.call("peek-queue-message", args("queue", "jobs", "maxMessages", 32)), "messages"))
                    .hasSize(1);
            Map<String, Object> peek = mcp.call("peek-queue-message", args("queue", "jobs", "messageEncoding",
                    "base64"));
            assertThat(peek).containsEntry("messageEncoding", "base64");
            assertThat(items(peek, "messages").get(0)).containsEntry("encoding", "base64")
                    .containsEntry("message", "AP4=");
        } else {
            Map<String, Object> got = mcp.call("receive-queue-message", args("queue", "jobs", "maxMessages", 10,
                    "messageEncoding", "base64"));
            assertThat(got).containsEntry("messageEncoding", "base64");
            assertThat(items(got, "messages")).singleElement().satisfies(x -> assertThat(x)
                    .containsEntry("encoding", "base64").containsEntry("message", "AP4="));
        }

        for (String q : List.of("qp-a", "qp-b", "qp-c")) {
            mcp.call("create-queue", args("queue", q));
        }
        assertTwoPages("list-queues", "queues", "qp-", "qp-a", "qp-b", "qp-c");
        assertThat(mcp.call("delete-queue", args("queue", "qp-c"))).containsEntry("deleted", true);
    }

    @Test
    void deadLettersAreSetMovedReadAndDeleted() {
        assumeListed("dead-letter-queue-message");
        mcp.call("create-queue", args("queue", "dlq-jobs"));
        Map<String, Object> policy = mcp.call("set-queue-dead-letter-policy", args("queue", "dlq-jobs",
                "maxDeliveryCount", 3));
        assertThat(policy).containsEntry("maxDeliveryCount", 3);
        Object dlq = policy.get("deadLetterQueue");
        assertThat(dlq).isNotNull();
        assertThat(mcp.error("set-queue-dead-letter-policy", args("queue", "dlq-jobs", "maxDeliveryCount", 0)))
                .startsWith("[INVALID_ARGUMENT]").contains("maxDeliveryCount");

        mcp.call("send-queue-message", args("queue", "dlq-jobs", "message", "bad input"));
        Map<String, Object> m = items(mcp.call("receive-queue-message", args("queue", "dlq-jobs",
                "visibilityTimeoutSeconds", 60)), "messages").get(0);
        assertThat(mcp.call("dead-letter-queue-message", args("queue", "dlq-jobs", "messageId", m.get("messageId"),
                "popReceipt", m.get("popReceipt"), "reason", "poison", "description", "cannot parse")))
                .containsEntry("deadLetterQueue", dlq);

        List<Map<String, Object>> dead = items(mcp.call("receive-queue-message", args("queue", "dlq-jobs",
                "deadLetter", true, "visibilityTimeoutSeconds", 60, "waitTimeSeconds", 5)), "messages");
        assertThat(dead).singleElement().satisfies(x -> assertThat(x).containsEntry("message", "bad input")
                .containsEntry("deadLetterReason", "poison").containsEntry("deadLetterDescription", "cannot parse"));
        // Receipts are the dead-letter queue's: deleting succeeds only there.
        assertThat(mcp.call("delete-queue-message", args("queue", "dlq-jobs", "messageId",
                dead.get(0).get("messageId"), "popReceipt", dead.get(0).get("popReceipt"), "deadLetter", true)))
                .containsEntry("deleted", true);
    }

    /** The two messages of "jobs" seen by peeking, which receives nothing. */
    private void peekedTwo() {
        Map<String, Object> peek = mcp.call("peek-queue-message", args("queue", "jobs", "maxMessages", 32));
        assertThat(peek).containsEntry("messageEncoding", "none");
        List<Map<String, Object>> peeked = items(peek, "messages");
        assertThat(peeked).hasSize(2);
        assertThat(peeked.get(0)).containsEntry("message", "first").containsEntry("popReceipt", null);
        assertThat(peeked.get(1)).as("the text the queue holds").containsEntry("encoding", "utf8")
                .containsEntry("message", "AP4=");
        assertThat(mcp.error("peek-queue-message", args("queue", "jobs", "messageEncoding", "base64")))
                .as("'first' is not base64: never guessed").startsWith("[INVALID_ARGUMENT]").contains("none");
        assertThat(mcp.error("peek-queue-message", args("queue", "jobs", "messageEncoding", "utf16")))
                .startsWith("[INVALID_ARGUMENT]").contains("messageEncoding");
    }

    // ---- files --------------------------------------------------------------------------------------

    @Test
    @SuppressWarnings("unchecked")
    void filesAreUploadedListedDownloadedAndDeleted() throws Exception {
        assumeListed("upload-file");
        mcp.call("create-file-share", args("share", "reports"));
        mcp.call("create-directory", args("share", "reports", "path", "2024/q1"));
        mcp.call("upload-file", args("share", "reports", "path", "2024/q1/sum.csv", "content", "a,b\n1,2\n",
                "contentType", "text/csv"));
        Path local = Files.writeString(exchange.resolve("notes.txt"), "from disk");
        mcp.call("upload-file", args("share", "reports", "path", "2024/notes.txt", "localPath", local.toString()));
        assertThat(names(mcp.call("list-files", args("share", "reports", "path", "2024")), "files"))
                .containsExactly("notes.txt", "q1");
        assertThat(items(mcp.call("list-files", args("share", "reports", "recursive", true)), "files"))
                .extracting(f -> f.get("path")).contains("2024/q1/sum.csv", "2024/notes.txt");
        Map<String, Object> csv = mcp.call("download-file", args("share", "reports", "path", "2024/q1/sum.csv"));
        assertThat(csv).containsEntry("encoding", "utf8").containsEntry("content", "a,b\n1,2\n");
        Path target = exchange.resolve("copy.txt");
        mcp.call("download-file", args("share", "reports", "path", "2024/notes.txt", "localPath", target.toString()));
        assertThat(Files.readString(target)).isEqualTo("from disk");
        assertThat(mcp.call("delete-file", args("share", "reports", "path", "2024/notes.txt")))
                .containsEntry("deleted", true);
        assertThat(mcp.error("download-file", args("share", "reports", "path", "2024/notes.txt")))
                .startsWith("[NOT_FOUND]");
        assertThat(mcp.error("upload-file", args("share", "reports", "path", "nodir/x.txt", "content", "x")))
                .startsWith("[NOT_FOUND]");
        for (String s : List.of("sp-a", "sp-b", "sp-c")) {
            mcp.call("create-file-share", args("share", s));
        }
        assertTwoPages("list-file-shares", "shares", "sp-", "sp-a", "sp-b", "sp-c");
    }
}
