package io.unistore.mcp;

import static io.unistore.mcp.ToolSchema.array;
import static io.unistore.mcp.ToolSchema.bool;
import static io.unistore.mcp.ToolSchema.integer;
import static io.unistore.mcp.ToolSchema.name;
import static io.unistore.mcp.ToolSchema.nullable;
import static io.unistore.mcp.ToolSchema.oneOf;
import static io.unistore.mcp.ToolSchema.string;

import io.unistore.Capability;
import io.unistore.StorageException;
import io.unistore.blob.BlobProperties;
import io.unistore.blob.BlobStore;
import io.unistore.blob.ReadOptions;
import io.unistore.file.FileProperties;
import io.unistore.file.FileStore;
import io.unistore.ops.RangedContent;
import io.unistore.spi.Secrets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * read-many-blobs and read-many-files: several objects in one call, each whole or by a byte or line range (as
 * download-blob reads it), each with its own result or error, all within one total of bytes.
 */
final class ReadManyTools implements ToolProvider {
    static final int MAX_ITEMS = 100;

    @Override
    public List<McpTool> tools() {
        return List.of(tool(true), tool(false));
    }

    /** What one item reads: its content type and the content by ranges. */
    private record Opened(String contentType, RangedContent content) {
    }

    private static McpTool tool(boolean blob) {
        String noun = blob ? "blob" : "path";
        ToolSchema.ObjectBuilder item = RangedRead.inputs(ToolSchema.object()
                .required(noun, name(blob ? "Blob name" : "Path of the file from the share root")))
                .optional("encoding", oneOf("Force the encoding (default: utf8 for text, base64 otherwise)",
                        List.of("utf8", "base64")));
        Map<String, Object> result = RangedRead.outputs(ToolSchema.object()
                .required(noun, string("The item asked for"))
                .required("ok", bool("Whether it was read"))
                .optional("encoding", nullable(oneOf("How 'content' is encoded", List.of("utf8", "base64"))))
                .optional("content", nullable(string("The content read")))
                .optional("etag", nullable(string("Its ETag when read")))
                .optional("note", nullable(string("Always null here")))
                .optional("error", nullable(ToolSchema.object().required("code", string("Error code, e.g. "
                        + "NOT_FOUND")).required("message", string("What went wrong")).build()))).build();
        ToolSchema.ObjectBuilder in = blob
                ? ToolSchema.object().required("container", Args.CONTAINER)
                : ToolSchema.object().required("share", Args.SHARE);
        in.required("items", array("What to read, in order: each a " + noun + " with an optional byte range "
                        + "(offset, length) or line range (startLine/lineCount, head, tail)", item.build(), 1,
                        MAX_ITEMS))
                .optional("maxTotalBytes", integer("The most content bytes this call returns, in all (default and "
                        + "at most the server's inline limit)", 1, Integer.MAX_VALUE));
        return McpTool.builder(blob ? "read-many-blobs" : "read-many-files")
                .requires(blob ? Capability.BLOBS : Capability.FILES)
                .title(blob ? "Read several blobs" : "Read several files").readOnly()
                .touches(blob ? Touch.reads(NameKind.CONTAINER, "container") : Touch.reads(NameKind.SHARE, "share"))
                .description("Read up to " + MAX_ITEMS + " " + (blob ? "blobs of a container" : "files of a share")
                        + " in one call, each whole or by a byte or line range (the arguments of download-"
                        + (blob ? "blob" : "file") + "). Each item has its own result: ok with its content, or its "
                        + "error (NOT_FOUND, a bad range...) while the others are still read. All contents together "
                        + "stay within maxTotalBytes (default: the inline limit): an item whole that does not fit "
                        + "what is left is refused (read a range); a range is cut to what is left. An item's "
                        + "redact=true masks personal and secret data in its text.")
                .input(in.build())
                .output(ToolSchema.object().required("results", array("One per item, in order", result))
                        .required("totalBytes", integer("Content bytes returned, in all")).build())
                .handler(call -> {
                    int budget = Math.min(call.maxInlineBytes(), call.integer("maxTotalBytes", Integer.MAX_VALUE));
                    String where = blob ? call.container("container") : call.share("share");
                    List<Map<String, Object>> results = new ArrayList<>();
                    long total = 0;
                    List<Object> items = call.array("items");
                    for (int i = 0; i < items.size(); i++) {
                        call.checkCancelled();
                        @SuppressWarnings("unchecked")
                        Map<String, Object> a = (Map<String, Object>) items.get(i);
                        String name = (String) a.get(noun);
                        Out out = Out.of().put(noun, name);
                        try {
                            Opened o = blob ? openBlob(call.account().blobs(), where, name)
                                    : openFile(call.account().files(), where, name);
                            Map<String, Object> r = read(a, "items[" + i + "].", (int) Math.max(0, budget - total),
                                    o, out.put("ok", true).put("etag", o.content().etag()).put("error", null));
                            total += ((Number) ((Map<?, ?>) r.get("range")).get("length")).longValue();
                            results.add(r);
                        } catch (StorageException e) {
                            results.add(failed(noun, name, e));
                        }
                    }
                    return Out.of().put("results", results).put("totalBytes", total).build();
                }).build();
    }

    private static Opened openBlob(BlobStore blobs, String container, String blob) {
        BlobProperties p = blobs.getProperties(container, blob);
        return new Opened(p.contentType(), RangedContent.ofBlob(blobs, p, ReadOptions.defaults()));
    }

    private static Opened openFile(FileStore files, String share, String path) {
        FileProperties p = files.getProperties(share, path);
        return new Opened(p.contentType(), RangedContent.ofFile(files, p));
    }

    private static Map<String, Object> read(Map<String, Object> a, String where, int left, Opened o, Out out) {
        if (left <= 0) {
            throw StorageException.invalidArgument("maxTotalBytes", "reached before this item; read it in another "
                    + "call");
        }
        if (RangedRead.asked(a, where)) {
            return RangedRead.read(a, where, left, o.content(), o.contentType(), out);
        }
        long size = o.content().size();
        if (size > left) {
            throw StorageException.invalidArgument(where + "range", "the whole object is " + size + " bytes, over the "
                    + left + " left of maxTotalBytes; read a range (offset/length or a line range)");
        }
        Map<String, Object> whole = new LinkedHashMap<>(a);
        whole.put("offset", 0L);
        whole.put("length", Math.max(size, 1));
        return RangedRead.read(whole, where, left, o.content(), o.contentType(), out);
    }

    private static Map<String, Object> failed(String noun, String name, StorageException e) {
        return Out.of().put(noun, name).put("ok", false).put("encoding", null).put("content", null)
                .put("etag", null).put("note", null).put("range", null).put("lines", null)
                .put("error", Out.of().put("code", e.code().name()).put("message", Secrets.redact(e.getMessage()))
                        .build()).build();
    }
}
