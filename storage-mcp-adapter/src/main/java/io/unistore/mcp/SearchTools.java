package io.unistore.mcp;

import static io.unistore.mcp.ToolSchema.array;
import static io.unistore.mcp.ToolSchema.bool;
import static io.unistore.mcp.ToolSchema.integer;
import static io.unistore.mcp.ToolSchema.nullable;
import static io.unistore.mcp.ToolSchema.string;

import io.unistore.Capability;
import io.unistore.blob.BlobItem;
import io.unistore.blob.BlobStore;
import io.unistore.blob.ListBlobsOptions;
import io.unistore.file.FileItem;
import io.unistore.file.FileStore;
import io.unistore.file.ListFilesOptions;
import io.unistore.ops.Glob;
import io.unistore.ops.TextSearch;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

/** grep-blobs and grep-files: a regular expression over the objects under a prefix or path (see {@link TextSearch}). */
final class SearchTools implements ToolProvider {
    static final long DEFAULT_MAX_BYTES = 64L << 20;

    @Override
    public List<McpTool> tools() {
        return List.of(grepBlobs(), grepFiles());
    }

    static final Map<String, Object> INCLUDE = array("Only names matching one of these globs ('*' within a "
            + "segment, '**' across '/', '?', '[abc]', '{a,b}'; a glob without '/' matches the last segment)",
            string("Glob"));
    static final Map<String, Object> EXCLUDE = array("Leave out names matching any of these globs", string("Glob"));

    private static ToolSchema.ObjectBuilder grepInput(ToolSchema.ObjectBuilder b) {
        return b.required("pattern", ToolSchema.name("A Java regular expression, matched against each line"))
                .optional("ignoreCase", bool("Match regardless of case"))
                .optional("include", INCLUDE).optional("exclude", EXCLUDE)
                .optional("contextLines", integer("Lines of context before and after each match (default 0)", 0, 10))
                .optional("maxMatches", integer("Stop after this many matches (default 100)", 1, 1000))
                .optional("maxBytes", integer("Stop after reading this many bytes (default 64 MiB)", 1,
                        1L << 34))
                .optional("continuationToken", Args.CONTINUATION);
    }

    private static Map<String, Object> grepOutput(String nameKey) {
        Map<String, Object> match = ToolSchema.object()
                .required(nameKey, string("Where the line is"))
                .required("line", integer("Line number, from 1"))
                .required("text", string("The line (its start, for a very long line)"))
                .required("before", array("Lines before it", string("Line")))
                .required("after", array("Lines after it", string("Line"))).build();
        return ToolSchema.object().required("matches", array("Matching lines, in name and line order", match))
                .required("objectsScanned", integer("Text objects read"))
                .required("bytesScanned", integer("Bytes read"))
                .required("binarySkipped", integer("Objects skipped as binary (a NUL byte in the first 8 KiB, or "
                        + "a binary content type)"))
                .required("stoppedBy", nullable(string("'maxMatches' or 'maxBytes' when a limit ended this call")))
                .required("continuationToken", nullable(string("Pass it back to go on from the last line read; "
                        + "null when everything was searched"))).build();
    }

    private static McpTool grepBlobs() {
        return McpTool.builder("grep-blobs").requires(Capability.BLOBS).title("Search blobs").readOnly()
                .touches(Touch.reads(NameKind.CONTAINER, "container"))
                .description("Search the text blobs of a container (under 'prefix', filtered by include/exclude "
                        + "globs) for a regular expression, streaming each blob line by line: matches come back "
                        + "with line numbers and context lines. Binary blobs are skipped and counted. A call stops "
                        + "at maxMatches or maxBytes; pass continuationToken to go on.")
                .input(grepInput(ToolSchema.object().required("container", Args.CONTAINER)
                        .optional("prefix", Args.PREFIX)).build())
                .output(grepOutput("blob"))
                .handler(call -> {
                    String container = call.container("container");
                    BlobStore blobs = call.account().blobs();
                    List<Glob> include = Glob.all(strings(call, "include"), "include");
                    List<Glob> exclude = Glob.all(strings(call, "exclude"), "exclude");
                    Iterator<TextSearch.Source> sources = StreamSupport.stream(blobs.list(container,
                                    ListBlobsOptions.builder().prefix(call.optionalString("prefix")).build())
                                    .spliterator(), false)
                            .filter(i -> !i.prefix() && Glob.selects(include, exclude, i.name()))
                            .map(i -> source(blobs, container, i)).iterator();
                    return grep(call, sources, "blob");
                }).build();
    }

    private static TextSearch.Source source(BlobStore blobs, String container, BlobItem i) {
        return new TextSearch.Source(i.name(), i.properties().size(), i.properties().contentType(),
                () -> blobs.openInputStream(container, i.name()));
    }

    private static McpTool grepFiles() {
        return McpTool.builder("grep-files").requires(Capability.FILES).title("Search files").readOnly()
                .touches(Touch.reads(NameKind.SHARE, "share"))
                .description("Search the text files of a share under 'path' (the whole tree, filtered by "
                        + "include/exclude globs on the path from the share root) for a regular expression, line "
                        + "by line, with line numbers and context lines. Binary files are skipped and counted. A "
                        + "call stops at maxMatches or maxBytes; pass continuationToken to go on.")
                .input(grepInput(ToolSchema.object().required("share", Args.SHARE)
                        .optional("path", string("Directory to search under (default: the root)"))).build())
                .output(grepOutput("path"))
                .handler(call -> {
                    String share = call.share("share");
                    FileStore files = call.account().files();
                    List<Glob> include = Glob.all(strings(call, "include"), "include");
                    List<Glob> exclude = Glob.all(strings(call, "exclude"), "exclude");
                    // a tree listing has no fixed order across providers: sort it so a continuation holds
                    List<FileItem> items = StreamSupport.stream(files.list(share, call.has("path")
                                    ? call.string("path") : "", ListFilesOptions.recursively()).spliterator(), false)
                            .filter(f -> !f.directory() && Glob.selects(include, exclude, f.path()))
                            .sorted(Comparator.comparing(FileItem::path)).toList();
                    Iterator<TextSearch.Source> sources = items.stream().map(f -> new TextSearch.Source(f.path(),
                            f.size(), null, () -> files.openInputStream(share, f.path(), null))).iterator();
                    return grep(call, sources, "path");
                }).build();
    }

    static List<String> strings(ToolCall call, String name) {
        List<Object> values = call.array(name);
        return values == null ? null : values.stream().map(String::valueOf).toList();
    }

    private static Map<String, Object> grep(ToolCall call, Iterator<TextSearch.Source> sources, String nameKey) {
        int context = call.integer("contextLines", 0);
        int maxMatches = call.integer("maxMatches", 100);
        long maxBytes = call.has("maxBytes") ? ((Number) call.arguments().get("maxBytes")).longValue()
                : DEFAULT_MAX_BYTES;
        // every returned line shares the inline limit, so long lines are cut to their share of it
        int lineBytes = (int) Math.max(200, Math.min(4096, call.maxInlineBytes() / 2
                / ((long) maxMatches * (1 + 2L * context))));
        TextSearch.Result r = TextSearch.search(sources, new TextSearch.Options(TextSearch.compile(
                        call.string("pattern"), call.bool("ignoreCase", false), "pattern"), context, context,
                maxMatches, maxBytes, lineBytes), call.optionalString("continuationToken"));
        List<Map<String, Object>> matches = new ArrayList<>();
        for (TextSearch.Match m : r.matches()) {
            matches.add(Out.of().put(nameKey, m.name()).put("line", m.line()).put("text", m.text())
                    .put("before", m.before()).put("after", m.after()).build());
        }
        return Out.of().put("matches", matches).put("objectsScanned", r.objectsScanned())
                .put("bytesScanned", r.bytesScanned()).put("binarySkipped", r.binarySkipped())
                .put("stoppedBy", r.stoppedBy()).put("continuationToken", r.continuation()).build();
    }
}
