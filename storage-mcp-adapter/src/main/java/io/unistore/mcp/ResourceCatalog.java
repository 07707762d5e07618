package io.unistore.mcp;

import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.unistore.Capability;
import io.unistore.ErrorCode;
import io.unistore.ListOptions;
import io.unistore.Page;
import io.unistore.StorageAccount;
import io.unistore.StorageException;
import io.unistore.blob.BlobItem;
import io.unistore.blob.BlobProperties;
import io.unistore.blob.ListBlobsOptions;
import io.unistore.file.FileItem;
import io.unistore.file.FileProperties;
import io.unistore.file.ListFilesOptions;
import io.unistore.ops.EntityJson;
import io.unistore.spi.Secrets;
import io.unistore.table.TableEntity;
import io.unistore.table.TableQuery;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Storage as MCP resources: templates to read any container, blob, table, queue or share, and a
 * resources/list that walks the accounts' containers, tables, queues and shares live, page by page.
 */
final class ResourceCatalog {
    static final int PAGE_SIZE = 100;
    private static final String JSON = "application/json";
    private static final String LIST_HINT = "use the tools, which page";
    private static final JsonMapper MAPPER = JsonMapper.shared();

    /**
     * The kinds of top-level items, in listing order, with the capability each needs and the tools whose
     * permissions reading them needs: reading a resource is what a tool does, so the same rules apply.
     */
    enum Kind {
        BLOBS("blobs", Capability.BLOBS, NameKind.CONTAINER, "list-containers", "list-blobs", "download-blob"),
        TABLES("tables", Capability.TABLES, NameKind.TABLE, "list-tables", "query-entities", "query-entities"),
        QUEUES("queues", Capability.QUEUES, NameKind.QUEUE, "list-queues", "peek-queue-message",
                "peek-queue-message"),
        SHARES("shares", Capability.FILES, NameKind.SHARE, "list-file-shares", "list-files", "download-file");

        final String segment;
        final Capability capability;
        final NameKind names;
        /** The tool that lists these names (completion offers what it would show). */
        final String listTool;
        /** The tool that reads one of them (the container, table, queue or share resource). */
        final String readTool;
        /** The tool that reads an item inside (a blob or file resource). */
        final String itemTool;

        Kind(String segment, Capability capability, NameKind names, String listTool, String readTool,
             String itemTool) {
            this.segment = segment;
            this.capability = capability;
            this.names = names;
            this.listTool = listTool;
            this.readTool = readTool;
            this.itemTool = itemTool;
        }

        static Kind of(String segment) {
            for (Kind k : values()) {
                if (k.segment.equals(segment)) {
                    return k;
                }
            }
            return null;
        }
    }

    private final Accounts accounts;
    private final AccessCheck access;
    private final int maxInlineBytes;

    ResourceCatalog(Accounts accounts, AccessCheck access, int maxInlineBytes) {
        this.accounts = accounts;
        this.access = access;
        this.maxInlineBytes = maxInlineBytes;
    }

    boolean any() {
        return accounts.all().stream().anyMatch(a -> a.account() != null);
    }

    List<McpSchema.ResourceTemplate> templates() {
        List<McpSchema.ResourceTemplate> out = new ArrayList<>();
        if (anyHas(Capability.BLOBS)) {
            out.add(template("unistore://{account}/blobs/{container}", "container",
                    "A blob container: its first page of blobs as JSON", JSON));
            out.add(template("unistore://{account}/blobs/{container}/{+blob}", "blob",
                    "A blob's content: text for text types, else binary (up to the inline limit)", null));
        }
        if (anyHas(Capability.TABLES)) {
            out.add(template("unistore://{account}/tables/{table}", "table",
                    "A table: its first " + PAGE_SIZE + " entities as JSON", JSON));
        }
        if (anyHas(Capability.QUEUES)) {
            out.add(template("unistore://{account}/queues/{queue}", "queue",
                    "A queue: up to 32 messages peeked (not received) as JSON", JSON));
        }
        if (anyHas(Capability.FILES)) {
            out.add(template("unistore://{account}/shares/{share}", "share", "A file share: its root directory as "
                    + "JSON", JSON));
            out.add(template("unistore://{account}/shares/{share}/{+path}", "file",
                    "A file's content, or a directory listing as JSON", null));
        }
        return out;
    }

    private boolean anyHas(Capability c) {
        return accounts.anyHas(List.of(c));
    }

    private static McpSchema.ResourceTemplate template(String uri, String name, String description, String mime) {
        return McpSchema.ResourceTemplate.builder(uri, name).description(description).mimeType(mime).build();
    }

    /**
     * One page of resources: the containers, tables, queues and shares of every account, read now. The
     * cursor encodes where the walk stopped (account, kind, the store's own continuation token).
     */
    McpSchema.ListResourcesResult list(String cursor) {
        Cursor at = Cursor.decode(cursor);
        List<Accounts.Entry> all = accounts.all();
        List<McpSchema.Resource> resources = new ArrayList<>();
        while (at != null && resources.isEmpty()) {
            if (at.account >= all.size()) {
                return new McpSchema.ListResourcesResult(resources, null);
            }
            Accounts.Entry entry = all.get(at.account);
            Kind kind = Kind.values()[at.kind];
            String next = null;
            if (entry.has(List.of(kind.capability)) && access.allowsTool(kind.readTool, entry)) {
                ListOptions options = ListOptions.defaults().withPageSize(PAGE_SIZE).withContinuationToken(at.token);
                Page<String> page = names(entry.account(), kind, options);
                page.items().stream().filter(n -> access.allows(access.read("resources/list", kind.readTool, entry,
                                kind.names, n, "uri")))
                        .map(n -> resource(entry.name(), kind, n)).forEach(resources::add);
                next = page.continuationToken();
            }
            at = next != null ? new Cursor(at.account, at.kind, next) : at.advance();
        }
        return new McpSchema.ListResourcesResult(resources, at == null || at.account >= all.size() ? null
                : at.encode());
    }

    private static Page<String> names(StorageAccount account, Kind kind, ListOptions options) {
        return switch (kind) {
            case BLOBS -> account.blobs().listContainers(options).map(c -> c.name()).firstPage();
            case TABLES -> account.tables().listTables(options).map(t -> t.name()).firstPage();
            case QUEUES -> account.queues().listQueues(options).map(q -> q.name()).firstPage();
            case SHARES -> account.files().listShares(options).map(s -> s.name()).firstPage();
        };
    }

    private static McpSchema.Resource resource(String account, Kind kind, String name) {
        String what = switch (kind) {
            case BLOBS -> "container";
            case TABLES -> "table";
            case QUEUES -> "queue";
            case SHARES -> "file share";
        };
        return McpSchema.Resource.builder(ResourceUri.of(account, kind.segment, name), account + "/" + name)
                .title(what + " '" + name + "' of account '" + account + "'").mimeType(JSON)
                .description("The " + what + " '" + name + "'; read it for a first page of its content").build();
    }

    /** Reads a resource; errors are JSON-RPC errors (resources have no isError). */
    McpSchema.ReadResourceResult read(String uri) {
        ResourceUri u = ResourceUri.parse(uri);
        Kind kind = u == null ? null : Kind.of(u.kind());
        if (kind == null) {
            throw McpError.RESOURCE_NOT_FOUND.apply(uri);
        }
        try {
            Accounts.Entry entry = checked(uri, u, kind);
            return new McpSchema.ReadResourceResult(List.of(contents(uri, entry.account(), kind, u)));
        } catch (StorageException e) {
            throw error(uri, e);
        }
    }

    /** Refuses a subscription to a resource of ours that the rules forbid reading; other URIs are only noted. */
    void checkSubscription(String uri) {
        ResourceUri u = ResourceUri.parse(uri);
        Kind kind = u == null ? null : Kind.of(u.kind());
        if (kind != null) {
            try {
                checked(uri, u, kind);
            } catch (StorageException e) {
                throw error(uri, e);
            }
        }
    }

    /** The account of a resource, after the same checks a tool reading it would pass. */
    private Accounts.Entry checked(String uri, ResourceUri u, Kind kind) {
        Accounts.Entry entry = accounts.resolve(u.account());
        entry.account().capabilities().require(kind.capability, "reading " + kind.segment);
        access.check(access.read("resource " + uri, u.path() == null ? kind.readTool : kind.itemTool, entry,
                kind.names, u.name(), "uri"));
        return entry;
    }

    private static McpError error(String uri, StorageException e) {
        if (e.code() == ErrorCode.NOT_FOUND) {
            return McpError.RESOURCE_NOT_FOUND.apply(uri);
        }
        return McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS).message("[" + e.code() + "] "
                + Secrets.redact(e.getMessage())).build();
    }

    private McpSchema.ResourceContents contents(String uri, StorageAccount account, Kind kind, ResourceUri u) {
        switch (kind) {
            case BLOBS -> {
                if (u.path() == null) {
                    Page<BlobItem> page = BoundedPage.fetch(PAGE_SIZE, maxInlineBytes, n -> account.blobs().list(
                                    u.name(), ListBlobsOptions.defaults().withDelimiter("/").withPageSize(n)).firstPage(),
                            i -> i.prefix() ? i.name() : Shapes.blob(i.properties()), "blob", LIST_HINT);
                    return json(uri, Out.of().put("container", u.name())
                            .put("blobs", page.items().stream().filter(i -> !i.prefix())
                                    .map(i -> Shapes.blob(i.properties())).toList())
                            .put("prefixes", page.items().stream().filter(BlobItem::prefix).map(BlobItem::name).toList())
                            .put("continuationToken", page.continuationToken()).build());
                }
                BlobProperties p = account.blobs().getProperties(u.name(), u.path());
                checkSize(p.size(), "download-blob");
                try (InputStream in = account.blobs().openInputStream(u.name(), u.path())) {
                    return content(uri, in.readAllBytes(), p.contentType());
                } catch (IOException e) {
                    throw new StorageException(ErrorCode.UNAVAILABLE, "reading " + uri + " failed", e);
                }
            }
            case TABLES -> {
                Page<TableEntity> page = BoundedPage.fetch(PAGE_SIZE, maxInlineBytes, n -> account.tables().query(
                        u.name(), TableQuery.all().withPageSize(n)).firstPage(), EntityJson::toJson, "entity",
                        LIST_HINT);
                return json(uri, Out.of().put("table", u.name())
                        .put("entities", page.items().stream().map(EntityJson::toJson).toList())
                        .put("continuationToken", page.continuationToken()).build());
            }
            case QUEUES -> {
                return json(uri, Out.of().put("queue", u.name()).put("messages", account.queues()
                        .peekMessages(u.name(), 32).stream().map(QueueTools::message).toList()).build());
            }
            default -> {
                String path = u.path() == null ? "" : u.path();
                FileProperties p = path.isEmpty() ? null : account.files().getProperties(u.name(), path);
                if (p == null || p.directory()) {
                    Page<FileItem> page = BoundedPage.fetch(PAGE_SIZE, maxInlineBytes, n -> account.files().list(
                            u.name(), path, ListFilesOptions.defaults().withPageSize(n)).firstPage(),
                            Shapes::fileItem, "file", LIST_HINT);
                    return json(uri, Out.of().put("share", u.name()).put("path", path)
                            .put("files", page.items().stream().map(Shapes::fileItem).toList())
                            .put("continuationToken", page.continuationToken()).build());
                }
                checkSize(p.size(), "download-file");
                return content(uri, account.files().downloadBytes(u.name(), path), p.contentType());
            }
        }
    }

    private void checkSize(long size, String tool) {
        if (size > maxInlineBytes) {
            throw StorageException.invalidArgument("uri", "the content is " + size + " bytes, over the inline limit of "
                    + maxInlineBytes + "; use the " + tool + " tool with localPath");
        }
    }

    private static McpSchema.ResourceContents json(String uri, Map<String, Object> value) {
        return new McpSchema.TextResourceContents(uri, JSON, MAPPER.writeValueAsString(value));
    }

    private static McpSchema.ResourceContents content(String uri, byte[] bytes, String contentType) {
        String text = Content.asText(bytes, contentType, null);
        if (text != null) {
            return new McpSchema.TextResourceContents(uri, contentType == null ? "text/plain" : contentType, text);
        }
        return new McpSchema.BlobResourceContents(uri, contentType == null ? "application/octet-stream"
                : contentType, Base64.getEncoder().encodeToString(bytes));
    }

    /** Where a resources/list walk stands. */
    record Cursor(int account, int kind, String token) {
        static Cursor decode(String cursor) {
            if (cursor == null || cursor.isEmpty()) {
                return new Cursor(0, 0, null);
            }
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8)
                        .split("\n", 3);
                return new Cursor(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]),
                        parts.length > 2 && !parts[2].isEmpty() ? parts[2] : null);
            } catch (RuntimeException e) {
                throw McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS)
                        .message("cursor: not a cursor this server returned").build();
            }
        }

        String encode() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString((account + "\n" + kind + "\n"
                    + (token == null ? "" : token)).getBytes(StandardCharsets.UTF_8));
        }

        Cursor advance() {
            return kind + 1 < Kind.values().length ? new Cursor(account, kind + 1, null) : new Cursor(account + 1, 0,
                    null);
        }
    }
}
