package io.unistore.mcp;

import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.unistore.StorageException;
import io.unistore.spi.Secrets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Prompts that turn the tools into a plan for real work: exploring an account, migrating a container,
 * designing a table's keys, and draining a queue safely. The names a prompt's arguments give are checked like a
 * tool call's ({@link AccessCheck}): a prompt is no way to name what the rules forbid.
 */
final class PromptCatalog {

    /** A prompt, its text, and what its arguments name (checked like a tool's, before the text is made). */
    private record Entry(McpSchema.Prompt prompt, Function<Map<String, Object>, String> text, List<Touch> touches) {
    }

    private final List<Entry> entries;
    private final Accounts accounts;
    private final AccessCheck access;

    PromptCatalog(Accounts accounts, AccessCheck access) {
        this.accounts = accounts;
        this.access = access;
        String names = String.join(", ", accounts.names());
        McpSchema.PromptArgument account = new McpSchema.PromptArgument("account", "Account",
                "The account: one of " + names, !accounts.single());
        this.entries = List.of(
                new Entry(new McpSchema.Prompt("explore-account", "Explore an account",
                        "Survey what an account holds (containers, tables, queues, shares) and summarise it",
                        List.of(account)), PromptCatalog::explore, List.of()),
                new Entry(new McpSchema.Prompt("migrate-container", "Migrate a container",
                        "Copy every blob of a container to another container or account, then verify the copy",
                        List.of(new McpSchema.PromptArgument("sourceAccount", "Source account", "Account to copy from; "
                                        + "one of " + names, true),
                                new McpSchema.PromptArgument("sourceContainer", "Source container", null, true),
                                new McpSchema.PromptArgument("targetAccount", "Target account", "Account to copy to; "
                                        + "one of " + names, true),
                                new McpSchema.PromptArgument("targetContainer", "Target container", null, true))),
                        PromptCatalog::migrate, List.of(
                                Touch.reads(NameKind.CONTAINER, "sourceContainer").onAccount("sourceAccount"),
                                Touch.writes(NameKind.CONTAINER, "targetContainer").onAccount("targetAccount"))),
                new Entry(new McpSchema.Prompt("design-table-keys", "Design a table's keys",
                        "Propose PartitionKey/RowKey design for a table from its data and how it will be queried",
                        List.of(account, new McpSchema.PromptArgument("table", "Table", "An existing table to study "
                                        + "(optional)", false),
                                new McpSchema.PromptArgument("accessPatterns", "Access patterns", "The queries the "
                                        + "application will run, in plain words", true))),
                        PromptCatalog::designKeys, List.of(Touch.reads(NameKind.TABLE, "table"))),
                new Entry(new McpSchema.Prompt("process-queue", "Process a queue",
                        "Receive, handle and delete a queue's messages safely (at-least-once)",
                        List.of(account, new McpSchema.PromptArgument("queue", "Queue", null, true),
                                new McpSchema.PromptArgument("instructions", "What to do with each message", null,
                                        true))), PromptCatalog::processQueue,
                        List.of(Touch.writes(NameKind.QUEUE, "queue"))));
    }

    List<McpSchema.Prompt> prompts() {
        return entries.stream().map(Entry::prompt).toList();
    }

    McpSchema.GetPromptResult get(String name, Map<String, Object> arguments) {
        Entry entry = entries.stream().filter(e -> e.prompt().name().equals(name)).findFirst().orElseThrow(
                () -> McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS).message("Unknown prompt: " + name
                        + "; prompts/list shows the prompts of this server").build());
        Map<String, Object> args = arguments == null ? Map.of() : arguments;
        for (McpSchema.PromptArgument a : entry.prompt().arguments()) {
            if (Boolean.TRUE.equals(a.required()) && (args.get(a.name()) == null || args.get(a.name()).toString()
                    .isBlank())) {
                throw McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS).message("prompt " + name
                        + ": argument '" + a.name() + "' is required").build();
            }
        }
        try {
            Object named = args.get("account");
            Accounts.Entry own = named != null ? accounts.resolve(named.toString())
                    : accounts.single() ? accounts.resolve(null) : null;
            access.check(access.prompt(name, entry.touches(), args, own));
        } catch (StorageException e) {
            throw McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS).message("[" + e.code() + "] "
                    + Secrets.redact(e.getMessage())).build();
        }
        return new McpSchema.GetPromptResult(entry.prompt().description(), List.of(new McpSchema.PromptMessage(
                McpSchema.Role.USER, new McpSchema.TextContent(entry.text().apply(args)))));
    }

    private static String arg(Map<String, Object> args, String name, String fallback) {
        Object v = args.get(name);
        return v == null || v.toString().isBlank() ? fallback : v.toString();
    }

    private static String accountPhrase(Map<String, Object> args) {
        String a = arg(args, "account", null);
        return a == null ? "the account" : "account '" + a + "' (pass account=\"" + a + "\" to every tool)";
    }

    private static String explore(Map<String, Object> args) {
        return "Explore " + accountPhrase(args) + " with the unistore tools and report what it holds.\n"
                + "1. Call list-containers, list-tables, list-queues and list-file-shares (skip a tool that is not "
                + "listed: the account lacks that store). Follow continuationToken while pages keep coming, up to "
                + "about 1000 items per kind; say so if you stopped early.\n"
                + "2. For up to 5 containers, call list-blobs with delimiter \"/\" to see their layout and typical "
                + "blob sizes and content types.\n"
                + "3. For up to 5 tables, call infer-table-schema to learn their properties and key patterns.\n"
                + "4. For each queue, call peek-queue-message (it does not consume messages).\n"
                + "5. Summarise: what each item seems to be for, sizes and counts seen, anything odd (empty "
                + "containers, mixed property types, old messages). Do not change anything.";
    }

    private static String migrate(Map<String, Object> args) {
        String sa = arg(args, "sourceAccount", "?");
        String sc = arg(args, "sourceContainer", "?");
        String ta = arg(args, "targetAccount", "?");
        String tc = arg(args, "targetContainer", "?");
        boolean same = sa.equals(ta);
        return "Migrate every blob of container '" + sc + "' (account '" + sa + "') to container '" + tc
                + "' (account '" + ta + "').\n"
                + "1. get-blob-properties is not needed yet: first call list-blobs on the source page by page "
                + "(pageSize 1000, follow continuationToken) and count blobs and bytes. Tell the user the totals and "
                + "ask before copying more than 1 GB or 10,000 blobs.\n"
                + "2. Make sure the target exists (list-containers on '" + ta + "'; create-container if missing).\n"
                + (same ? "3. Both are in the same account: for each blob call copy-blob (container='" + sc
                        + "', blob=NAME, targetContainer='" + tc + "', targetBlob=NAME); the service copies it.\n"
                        : "3. The accounts differ: for each blob call download-blob on the source with a localPath "
                        + "inside the allowed roots, then upload-blob to the target with that localPath, the same "
                        + "name, contentType and metadata. Small text blobs may go inline instead.\n")
                + "4. Verify: list-blobs on the target and compare names and sizes (and contentMd5 where both "
                + "have it) with the source. Report any difference and retry those blobs once.\n"
                + "5. Do not delete the source. Report how many blobs and bytes were copied.";
    }

    private static String designKeys(Map<String, Object> args) {
        String table = arg(args, "table", null);
        return "Design the PartitionKey and RowKey of a table in " + accountPhrase(args) + ".\n"
                + "Access patterns: " + arg(args, "accessPatterns", "(not given)") + "\n"
                + (table == null ? "" : "1. Study the existing table '" + table + "': call infer-table-schema, then "
                + "query-entities with top 20 to see real keys and values.\n")
                + "2. For each access pattern, say which filter it needs. Point lookups should use both keys; "
                + "range scans should fall within one partition and be ordered by RowKey (keys sort as strings, so "
                + "pad numbers and use ISO-8601 or inverted timestamps for newest-first).\n"
                + "3. Pick a PartitionKey that spreads writes (avoid one hot partition such as today's date) while "
                + "keeping what is read together in one partition; transactions (batch-entities) also need one "
                + "partition.\n"
                + "4. Propose the keys with 3 example entities in the server's entity JSON, the query-entities "
                + "filter for each access pattern, and any secondary copy of the data needed for patterns the keys "
                + "cannot serve. Do not write anything unless the user asks.";
    }

    private static String processQueue(Map<String, Object> args) {
        String queue = arg(args, "queue", "?");
        return "Process the messages of queue '" + queue + "' in " + accountPhrase(args) + ".\n"
                + "For each message: " + arg(args, "instructions", "(not given)") + "\n"
                + "Loop: call receive-queue-message (maxMessages up to 32, visibilityTimeoutSeconds long enough to "
                + "handle them). For each message, do the work; only when it succeeded call delete-queue-message "
                + "with its messageId and popReceipt. If the work failed, leave the message: it becomes visible "
                + "again. Skip (and report) messages whose dequeueCount is above 5. Stop when a receive returns no "
                + "messages. Report how many were processed, failed and skipped.";
    }
}
