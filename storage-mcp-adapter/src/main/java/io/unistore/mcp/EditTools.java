package io.unistore.mcp;

import static io.unistore.mcp.ToolSchema.array;
import static io.unistore.mcp.ToolSchema.bool;
import static io.unistore.mcp.ToolSchema.integer;
import static io.unistore.mcp.ToolSchema.name;
import static io.unistore.mcp.ToolSchema.nullable;
import static io.unistore.mcp.ToolSchema.string;

import io.unistore.Capability;
import io.unistore.StorageException;
import io.unistore.ops.TextEdits;
import io.unistore.ops.UnifiedPatch;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * edit-blob, edit-file, patch-blob and patch-file: change UTF-8 text in place by exact replacements
 * ({@link TextEdits}) or a unified diff ({@link UnifiedPatch}), read with the ETag and written back only while the
 * object keeps it (see {@link EditableText}).
 */
final class EditTools implements ToolProvider {
    static final int MAX_EDITS = 100;

    @Override
    public List<McpTool> tools() {
        return List.of(tool(Target.BLOB, Kind.EDIT), tool(Target.FILE, Kind.EDIT), tool(Target.BLOB, Kind.PATCH),
                tool(Target.FILE, Kind.PATCH));
    }

    private enum Target { BLOB, FILE }

    private enum Kind { EDIT, PATCH }

    private static final Map<String, Object> EDIT = ToolSchema.object()
            .required("oldText", name("The exact text to replace, whitespace and line ends included; it must occur "
                    + "once unless replaceAll"))
            .required("newText", string("What replaces it (\"\" deletes it)"))
            .optional("replaceAll", bool("Replace every occurrence (default false: oldText must be unique)"))
            .build();

    private static McpTool tool(Target target, Kind kind) {
        boolean blob = target == Target.BLOB;
        String noun = blob ? "blob" : "file";
        McpTool.Builder b = McpTool.builder((kind == Kind.EDIT ? "edit-" : "patch-") + noun)
                .requires(blob ? Capability.BLOBS : Capability.FILES).writes(true, false)
                .touches(blob ? Touch.writes(NameKind.CONTAINER, "container") : Touch.writes(NameKind.SHARE, "share"));
        String atomic = blob ? "The blob is read with its ETag and written back with ifMatch: if it changed "
                + "meanwhile the call fails with PRECONDITION_FAILED and writes nothing (read it again and redo the "
                + "change)." : "The file's ETag is checked again just before the write (file shares have no "
                + "conditional write, so this narrows but does not close the window for a concurrent writer).";
        String common = " Text only: the " + noun + " must be UTF-8 without NUL bytes and at most the server's inline "
                + "limit (--max-inline-bytes, default 4 MiB), and so must the result; content type and metadata are "
                + "kept. " + atomic + " Pass ifMatch to edit only the version you read; dryRun checks and reports "
                + "without writing. Returns the new etag and what changed.";
        ToolSchema.ObjectBuilder in = blob
                ? ToolSchema.object().required("container", Args.CONTAINER).required("blob", Args.BLOB)
                : ToolSchema.object().required("share", Args.SHARE).required("path", name("Path of the file from the "
                        + "share root"));
        ToolSchema.ObjectBuilder out = ToolSchema.object()
                .required(blob ? "blob" : "path", string("What was edited"))
                .required("etag", nullable(string("The new ETag (the old one when nothing was written)")))
                .required("previousEtag", nullable(string("The ETag it was read with")))
                .required("changed", bool("Whether the content changed"))
                .required("written", bool("Whether it was written (false for dryRun or no change)"))
                .required("sizeBefore", integer("Bytes before"))
                .required("sizeAfter", integer("Bytes after"))
                .required("linesRemoved", integer("Lines taken out, in all"))
                .required("linesAdded", integer("Lines put in, in all"));
        if (kind == Kind.EDIT) {
            b.title(blob ? "Edit a blob" : "Edit a file")
                    .description("Replace exact text in a text " + noun + ": each of 'edits' (applied in order, each "
                            + "to the result of the ones before) names oldText that must occur exactly once (or set "
                            + "replaceAll) and its newText. An edit whose oldText is absent or ambiguous refuses the "
                            + "whole call, naming it (edits[i].oldText), and nothing is written." + common);
            in.required("edits", array("The replacements, in order", EDIT, 1, MAX_EDITS));
            out.required("edits", array("What each edit did", ToolSchema.object()
                    .required("index", integer("Position in 'edits', from 0"))
                    .required("replacements", integer("Occurrences replaced"))
                    .required("firstLine", integer("Line of the first occurrence, from 1"))
                    .required("linesRemoved", integer("Lines of old text"))
                    .required("linesAdded", integer("Lines of new text")).build()));
        } else {
            b.title(blob ? "Patch a blob" : "Patch a file")
                    .description("Apply a unified diff (diff -u, git diff: one file, hunks with @@ -a,b +c,d @@ "
                            + "headers; the ---/+++ names are ignored) to a text " + noun + ". Every hunk must apply "
                            + "(a hunk whose lines moved is placed at the nearest match and its offset reported; no "
                            + "fuzz): one that does not is refused naming its number and header, and nothing is "
                            + "written." + common);
            in.required("patch", name("The unified diff"));
            out.required("hunks", array("What each hunk did", ToolSchema.object()
                    .required("header", string("The hunk's @@ line"))
                    .required("offset", integer("Lines between where the header put it and where it applied"))
                    .required("linesRemoved", integer("Lines removed"))
                    .required("linesAdded", integer("Lines added")).build()));
        }
        in.optional("ifMatch", Args.IF_MATCH).optional("dryRun", bool("Check and report the change, write nothing"));
        return b.input(in.build()).output(out.build()).handler(call -> {
            int limit = call.maxInlineBytes();
            EditableText e = blob
                    ? EditableText.ofBlob(call.account().blobs(), call.container("container"), call.string("blob"),
                            call.optionalString("ifMatch"), limit)
                    : EditableText.ofFile(call.account().files(), call.share("share"), call.string("path"),
                            call.optionalString("ifMatch"), limit);
            Change change = kind == Kind.EDIT ? edit(call, e.text(), limit) : patch(call, e.text());
            return finish(call, e, change, blob ? "blob" : "path", limit);
        }).build();
    }

    /** The new text, the summary key and items, and the line totals. */
    private record Change(String text, String key, List<Map<String, Object>> items, long removed, long added) {
    }

    private static Change edit(ToolCall call, String text, int limit) {
        List<TextEdits.Edit> edits = new ArrayList<>();
        for (Object o : call.array("edits")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) o;
            edits.add(new TextEdits.Edit((String) m.get("oldText"), (String) m.get("newText"),
                    Boolean.TRUE.equals(m.get("replaceAll"))));
        }
        TextEdits.Result r = TextEdits.apply(text, edits, "edits", limit);
        return new Change(r.text(), "edits", items(r.edits(), a -> Out.of().put("index", a.index())
                .put("replacements", a.replacements()).put("firstLine", a.firstLine())
                .put("linesRemoved", a.linesRemoved()).put("linesAdded", a.linesAdded()).build()),
                r.edits().stream().mapToLong(TextEdits.Applied::linesRemoved).sum(),
                r.edits().stream().mapToLong(TextEdits.Applied::linesAdded).sum());
    }

    private static Change patch(ToolCall call, String text) {
        UnifiedPatch.Result r = UnifiedPatch.apply(text, call.string("patch"), "patch");
        return new Change(r.text(), "hunks", items(r.hunks(), h -> Out.of().put("header", h.header())
                .put("offset", h.offset()).put("linesRemoved", h.linesRemoved()).put("linesAdded", h.linesAdded())
                .build()), r.hunks().stream().mapToLong(UnifiedPatch.Hunk::linesRemoved).sum(),
                r.hunks().stream().mapToLong(UnifiedPatch.Hunk::linesAdded).sum());
    }

    private static <T> List<Map<String, Object>> items(List<T> list, Function<T, Map<String, Object>> shape) {
        return list.stream().map(shape).toList();
    }

    private static Map<String, Object> finish(ToolCall call, EditableText e, Change c, String nameKey, int limit) {
        long before = e.text().getBytes(StandardCharsets.UTF_8).length;
        long after = c.text().getBytes(StandardCharsets.UTF_8).length;
        if (after > limit) {
            throw StorageException.invalidArgument(c.key(), "the result would be " + after + " bytes, over the "
                    + "edit limit of " + limit + " (--max-inline-bytes); nothing was written");
        }
        boolean changed = !c.text().equals(e.text());
        String etag = e.etag();
        boolean written = false;
        if (changed && !call.bool("dryRun", false)) {
            etag = e.write(c.text()).etag();
            written = true;
        }
        String name = nameKey.equals("blob") ? call.string("blob") : call.string("path");
        return Out.of().put(nameKey, name).put("etag", etag).put("previousEtag", e.etag()).put("changed", changed)
                .put("written", written).put("sizeBefore", before).put("sizeAfter", after)
                .put("linesRemoved", c.removed()).put("linesAdded", c.added()).put(c.key(), c.items()).build();
    }
}
