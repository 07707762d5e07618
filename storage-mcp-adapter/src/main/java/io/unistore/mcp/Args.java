package io.unistore.mcp;

import static io.unistore.mcp.ToolSchema.integer;
import static io.unistore.mcp.ToolSchema.name;
import static io.unistore.mcp.ToolSchema.oneOf;
import static io.unistore.mcp.ToolSchema.string;
import static io.unistore.mcp.ToolSchema.stringMap;

import io.unistore.StorageAccount;
import java.util.List;
import java.util.Map;

/**
 * The argument schemas every tool shares, so {@code container} or {@code continuationToken} mean the same
 * thing and read the same everywhere.
 */
final class Args {
    private Args() {
    }

    /** Page size when a list tool is not given one. */
    static final int DEFAULT_PAGE_SIZE = 100;
    /** The largest page a list tool returns (also capped by the account's own maximum). */
    static final int MAX_PAGE_SIZE = 1000;

    static final Map<String, Object> CONTAINER = name("Container (bucket) name");
    static final Map<String, Object> BLOB = name("Blob (object) name, '/'-separated like a path, e.g. 'logs/2024/app.txt'");
    static final Map<String, Object> PREFIX = string("Only names starting with this");
    static final Map<String, Object> DELIMITER = name("Group names at this character into 'prefixes' (virtual "
            + "directories); usually '/'. Omit for a flat listing");
    static final Map<String, Object> PAGE_SIZE = integer("Items per page (default " + DEFAULT_PAGE_SIZE + ", max "
            + MAX_PAGE_SIZE + ")", 1, MAX_PAGE_SIZE);
    static final Map<String, Object> CONTINUATION = name("The continuationToken of the previous page, to get the "
            + "next one");
    static final Map<String, Object> METADATA = stringMap("User metadata, checked against the provider's own rules "
            + "(Azure: identifier keys; S3: keys stored in lowercase; values printable ASCII without leading or trailing spaces on both); metadata read "
            + "from an item can always be written back");
    static final Map<String, Object> IF_MATCH = name("Proceed only if the item's ETag is this (optimistic "
            + "concurrency); '*' means only if it exists");
    static final Map<String, Object> CONTENT = string("The content, inline: text when encoding is utf8 (the "
            + "default), base64 when encoding is base64. Use localPath instead for large content");
    static final Map<String, Object> ENCODING = oneOf("How 'content' is encoded", List.of("utf8", "base64"));
    static final Map<String, Object> LOCAL_PATH = name("Absolute path of a local file inside the allowed roots "
            + "(the client's roots or the server's --allow-path)");
    static final Map<String, Object> CONTENT_TYPE = name("MIME type, e.g. 'text/plain' or 'image/png'");
    static final Map<String, Object> TIER = oneOf("Access tier", List.of("Hot", "Cool", "Cold", "Archive"));
    static final Map<String, Object> TABLE = name("Table name (letters and digits, starting with a letter)");
    static final Map<String, Object> PARTITION_KEY = string("The entity's PartitionKey");
    static final Map<String, Object> ROW_KEY = string("The entity's RowKey");
    static final Map<String, Object> QUEUE = name("Queue name");
    static final Map<String, Object> SHARE = name("File share name");
    static final Map<String, Object> VISIBILITY = integer("Seconds the message stays invisible", 0, 604_800);

    /** The page size a list call asks for: the argument, else the default, within the account's maximum. */
    static int pageSize(ToolCall call) {
        StorageAccount account = call.account();
        return Math.min(call.integer("pageSize", DEFAULT_PAGE_SIZE), account.capabilities().limits().maxPageSize());
    }
}
