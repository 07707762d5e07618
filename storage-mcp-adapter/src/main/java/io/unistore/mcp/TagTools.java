package io.unistore.mcp;

import static io.unistore.mcp.ToolSchema.array;
import static io.unistore.mcp.ToolSchema.integer;
import static io.unistore.mcp.ToolSchema.nullable;
import static io.unistore.mcp.ToolSchema.string;

import io.unistore.Capability;
import io.unistore.ListOptions;
import io.unistore.Page;
import io.unistore.blob.BlobStore;
import io.unistore.blob.TaggedBlob;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * set-blob-tags, get-blob-tags and find-blobs-by-tags: blob index tags on every provider (native where the
 * account declares BLOB_TAGS, in metadata otherwise), found by the service's index where it declares
 * BLOB_TAG_QUERIES and by a scan otherwise, which the result states.
 */
final class TagTools implements ToolProvider {
    /** Pages a find call fetches at most: a scan of a big account with few matches returns a continuation. */
    static final int MAX_PAGES = 20;
    private static final Touch READS = Touch.reads(NameKind.CONTAINER, "container");
    private static final Touch WRITES = Touch.writes(NameKind.CONTAINER, "container");
    static final Map<String, Object> TAGS = ToolSchema.stringMap("Tags: at most 10; keys 1-128 and values "
            + "0-256 characters of letters, digits, space and + - . / : = _");

    private static final Map<String, Object> TAGS_OUTPUT = ToolSchema.object()
            .required("container", string("Container")).required("blob", string("Blob")).required("tags", TAGS)
            .required("storedAs", string("native (the service's own tags) or metadata (the unistoretags entry)"))
            .build();

    @Override
    public List<McpTool> tools() {
        return List.of(setTags(), getTags(), findByTags());
    }

    private static String method(ToolCall call) {
        return call.account().capabilities().has(Capability.BLOB_TAG_QUERIES) ? "server-side" : "scan";
    }

    private static String storage(ToolCall call) {
        return call.account().capabilities().has(Capability.BLOB_TAGS) ? "native" : "metadata";
    }

    private static McpTool setTags() {
        return McpTool.builder("set-blob-tags").requires(Capability.BLOBS).title("Set blob tags")
                .writes(true, true).touches(WRITES)
                .description("Replace ALL of a blob's index tags with the given map ({} removes them). Where the "
                        + "provider has native tags (Azure blob index tags, S3 object tags) the content, metadata "
                        + "and ETag stay; elsewhere the tags are kept in the metadata entry 'unistoretags' and the "
                        + "ETag changes. 'storedAs' says which.")
                .input(ToolSchema.object().required("container", Args.CONTAINER).required("blob", Args.BLOB)
                        .required("tags", TAGS).build())
                .output(TAGS_OUTPUT)
                .handler(call -> {
                    String container = call.container("container");
                    String blob = call.string("blob");
                    BlobStore blobs = call.account().blobs();
                    blobs.setTags(container, blob, call.stringMap("tags"));
                    return Out.of().put("container", container).put("blob", blob)
                            .put("tags", blobs.getTags(container, blob)).put("storedAs", storage(call)).build();
                }).build();
    }

    private static McpTool getTags() {
        return McpTool.builder("get-blob-tags").requires(Capability.BLOBS).title("Get blob tags").readOnly()
                .touches(READS)
                .description("A blob's index tags, in key order ({} when it has none).")
                .input(ToolSchema.object().required("container", Args.CONTAINER).required("blob", Args.BLOB).build())
                .output(TAGS_OUTPUT)
                .handler(call -> {
                    String container = call.container("container");
                    String blob = call.string("blob");
                    return Out.of().put("container", container).put("blob", blob)
                            .put("tags", call.account().blobs().getTags(container, blob))
                            .put("storedAs", storage(call)).build();
                }).build();
    }

    private static McpTool findByTags() {
        Map<String, Object> found = ToolSchema.object().required("container", string("Container"))
                .required("blob", string("Blob")).required("tags", ToolSchema.stringMap("The blob's tags the "
                        + "expression names")).build();
        return McpTool.builder("find-blobs-by-tags").requires(Capability.BLOBS).title("Find blobs by tags")
                .readOnly().touches(READS)
                .description("Find the blobs whose tags match an expression in Azure's Find Blobs by Tags syntax: "
                        + "conditions \"key\" op 'value' joined by AND, op one of = > >= < <= (strings compared in "
                        + "character order), e.g. \"project\" = 'alpha' AND \"year\" >= '2024'. Without 'container' "
                        + "the whole account is searched (only containers the policy allows are answered; "
                        + "@container = 'name' narrows it). 'method' says how: server-side (the service's tag "
                        + "index, Azure; eventually consistent) or scan (every blob listed and its tags read). At "
                        + "most maxResults per call; pass continuationToken to go on.")
                .input(ToolSchema.object().optional("container", Args.CONTAINER)
                        .required("expression", string("The tag filter expression"))
                        .optional("maxResults", integer("Blobs per call (default 100)", 1, 1000))
                        .optional("continuationToken", Args.CONTINUATION).build())
                .output(ToolSchema.object().required("method", string("server-side or scan"))
                        .required("blobs", array("The blobs found", found))
                        .required("continuationToken", nullable(string("Pass it back for more; null at the end")))
                        .build())
                .handler(call -> {
                    String container = call.has("container") ? call.container("container") : null;
                    String expression = call.string("expression");
                    int max = call.integer("maxResults", 100);
                    ToolInvocation invocation = (ToolInvocation) call;
                    String token = call.optionalString("continuationToken");
                    List<Map<String, Object>> blobs = new ArrayList<>();
                    int pages = 0;
                    do {
                        ListOptions o = ListOptions.builder().pageSize(max - blobs.size()).continuationToken(token)
                                .build();
                        Page<TaggedBlob> page = call.account().blobs().findBlobsByTags(container, expression, o)
                                .firstPage();
                        for (TaggedBlob t : page.items()) {
                            if (invocation.visible(NameKind.CONTAINER, t.container())) {
                                blobs.add(Out.of().put("container", t.container()).put("blob", t.name())
                                        .put("tags", new java.util.TreeMap<>(t.tags())).build());
                            }
                        }
                        token = page.continuationToken();
                        pages++;
                    } while (token != null && blobs.size() < max && pages < MAX_PAGES);
                    return Out.of().put("method", method(call)).put("blobs", blobs).put("continuationToken", token)
                            .build();
                }).build();
    }
}
