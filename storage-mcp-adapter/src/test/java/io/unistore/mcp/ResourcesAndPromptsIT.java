package io.unistore.mcp;

import static io.unistore.mcp.McpSession.args;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Resource templates, live paged resources/list, reading resources, completion and prompts. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResourcesAndPromptsIT {
    @TempDir
    static Path dir;
    McpSession mcp;

    final java.util.concurrent.BlockingQueue<String> updated = new java.util.concurrent.LinkedBlockingQueue<>();

    @BeforeAll
    void start() throws Exception {
        mcp = McpSession.start("--config", ServerJar.writeConfig(dir, Map.of("acct", Backend.local().start(dir)))
                .toString()).onResourceUpdate(contents -> contents.forEach(c -> updated.add(c.uri()))).connect();
    }

    @Test
    void subscribersHearOfWritesMadeThroughTheServer() throws Exception {
        mcp.call("create-container", args("container", "watched"));
        String uri = "unistore://acct/blobs/watched/state.txt";
        mcp.call("upload-blob", args("container", "watched", "blob", "state.txt", "content", "v1"));
        mcp.client.subscribeResource(new McpSchema.SubscribeRequest(uri));
        mcp.call("upload-blob", args("container", "watched", "blob", "state.txt", "content", "v2"));
        assertThat(updated.poll(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(uri);
        mcp.client.unsubscribeResource(new McpSchema.UnsubscribeRequest(uri));
        mcp.call("upload-blob", args("container", "watched", "blob", "state.txt", "content", "v3"));
        mcp.call("list-containers", Map.of());
        assertThat(updated.poll(1, java.util.concurrent.TimeUnit.SECONDS)).isNull();
    }

    @AfterAll
    void stop() {
        mcp.close();
    }

    @Test
    void templatesCoverEveryStore() {
        assertThat(mcp.client.listResourceTemplates().resourceTemplates()).extracting(t -> t.uriTemplate())
                .contains("unistore://{account}/blobs/{container}", "unistore://{account}/blobs/{container}/{+blob}",
                        "unistore://{account}/tables/{table}", "unistore://{account}/queues/{queue}");
    }

    @Test
    void resourcesAreListedLiveAndPaged() {
        for (int i = 0; i < 105; i++) {
            mcp.call("create-queue", args("queue", String.format("rq-%03d", i)));
        }
        mcp.call("create-container", args("container", "made-after-start"));
        List<String> uris = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            McpSchema.ListResourcesResult page = mcp.client.listResources(cursor);
            page.resources().forEach(r -> uris.add(r.uri()));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null && pages < 20);
        assertThat(pages).isGreaterThanOrEqualTo(2);
        assertThat(uris).contains("unistore://acct/blobs/made-after-start", "unistore://acct/queues/rq-000",
                "unistore://acct/queues/rq-104").doesNotHaveDuplicates();
    }

    @Test
    void resourcesReadBlobsTablesAndQueues() {
        mcp.call("create-container", args("container", "site"));
        mcp.call("upload-blob", args("container", "site", "blob", "pages/index.html", "content", "<h1>hi</h1>",
                "contentType", "text/html"));
        McpSchema.ResourceContents blob = mcp.client.readResource(new McpSchema.ReadResourceRequest(
                "unistore://acct/blobs/site/pages/index.html")).contents().get(0);
        assertThat(blob).isInstanceOf(McpSchema.TextResourceContents.class);
        assertThat(((McpSchema.TextResourceContents) blob).text()).isEqualTo("<h1>hi</h1>");
        assertThat(blob.mimeType()).isEqualTo("text/html");

        mcp.call("create-table", args("table", "Res"));
        mcp.call("upsert-entity", args("table", "Res", "entity", Map.of("partitionKey", "p", "rowKey", "r",
                "properties", Map.of("N", Map.of("type", "Int64", "value", "5")))));
        String table = ((McpSchema.TextResourceContents) mcp.client.readResource(new McpSchema.ReadResourceRequest(
                "unistore://acct/tables/Res")).contents().get(0)).text();
        assertThat(table).contains("\"rowKey\":\"r\"").contains("\"Int64\"");

        mcp.call("create-queue", args("queue", "resq"));
        mcp.call("send-queue-message", args("queue", "resq", "message", "peek me"));
        String queue = ((McpSchema.TextResourceContents) mcp.client.readResource(new McpSchema.ReadResourceRequest(
                "unistore://acct/queues/resq")).contents().get(0)).text();
        assertThat(queue).contains("peek me");
        assertThat(mcp.call("peek-queue-message", args("queue", "resq")).get("messages")).asList().hasSize(1);

        assertThatThrownBy(() -> mcp.client.readResource(new McpSchema.ReadResourceRequest(
                "unistore://acct/blobs/site/missing.txt"))).hasMessageContaining("not found");
    }

    @Test
    void completionSuggestsAccountsAndNames() {
        mcp.call("create-container", args("container", "complete-me"));
        McpSchema.CompleteResult accounts = mcp.client.completeCompletion(new McpSchema.CompleteRequest(
                new McpSchema.PromptReference("explore-account"), new McpSchema.CompleteRequest.CompleteArgument(
                        "account", "a")));
        assertThat(accounts.completion().values()).containsExactly("acct");
        McpSchema.CompleteResult containers = mcp.client.completeCompletion(new McpSchema.CompleteRequest(
                new McpSchema.ResourceReference("unistore://{account}/blobs/{container}"),
                new McpSchema.CompleteRequest.CompleteArgument("container", "complete"),
                new McpSchema.CompleteRequest.CompleteContext(Map.of("account", "acct"))));
        assertThat(containers.completion().values()).containsExactly("complete-me");
    }

    @Test
    void promptsGuideRealWork() {
        assertThat(mcp.client.listPrompts().prompts()).extracting(McpSchema.Prompt::name).containsExactly(
                "explore-account", "migrate-container", "design-table-keys", "process-queue");
        McpSchema.GetPromptResult migrate = mcp.client.getPrompt(new McpSchema.GetPromptRequest("migrate-container",
                Map.of("sourceAccount", "acct", "sourceContainer", "a", "targetAccount", "acct",
                        "targetContainer", "b")));
        String text = ((McpSchema.TextContent) migrate.messages().get(0).content()).text();
        assertThat(text).contains("copy-blob").contains("list-blobs").contains("'a'").contains("'b'");
        assertThatThrownBy(() -> mcp.client.getPrompt(new McpSchema.GetPromptRequest("design-table-keys",
                Map.of()))).hasMessageContaining("accessPatterns");
    }
}
