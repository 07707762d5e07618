package io.unistore.mcp;

import static io.unistore.mcp.ToolSchema.bool;
import static io.unistore.mcp.ToolSchema.integer;
import static io.unistore.mcp.ToolSchema.nullable;

import io.unistore.StorageException;
import io.unistore.ops.LineSlice;
import io.unistore.ops.LineWindow;
import io.unistore.ops.RangedContent;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The byte-range and line-range arguments of download-blob and download-file: each reads only the part asked
 * for, by ranged requests to the store (see {@link LineWindow}), never the whole object.
 */
final class RangedRead {
    private static final List<String> BYTES = List.of("offset", "length");
    private static final List<String> LINES = List.of("startLine", "lineCount", "head", "tail");
    private static final int MAX_LINES = 1_000_000;

    private RangedRead() {
    }

    /** Adds the range arguments to a download tool's input. */
    static ToolSchema.ObjectBuilder inputs(ToolSchema.ObjectBuilder b) {
        return b.optional("offset", integer("Byte range: the first byte to read, from 0 (with length, or to the "
                        + "inline limit)", 0, Long.MAX_VALUE))
                .optional("length", integer("Byte range: how many bytes to read from offset (at most the inline "
                        + "limit)", 1, Integer.MAX_VALUE))
                .optional("startLine", integer("Line range: the first line to return, from 1 (default 1)", 1,
                        Long.MAX_VALUE))
                .optional("lineCount", integer("Line range: how many lines from startLine (default 100)", 1,
                        MAX_LINES))
                .optional("head", integer("The first N lines (same as startLine=1, lineCount=N)", 1, MAX_LINES))
                .optional("tail", integer("The last N lines, read backwards from the end", 1, MAX_LINES))
                .optional("redact", Redact.OPTION);
    }

    /** Adds the range results to a download tool's output. */
    static ToolSchema.ObjectBuilder outputs(ToolSchema.ObjectBuilder b) {
        return b.optional("range", nullable(ToolSchema.object()
                        .required("offset", integer("The first byte returned"))
                        .required("length", integer("Bytes returned"))
                        .required("size", integer("The whole object's size"))
                        .description("With a byte or line range: where the content lies in the object").build()))
                .optional("lines", nullable(ToolSchema.object()
                        .required("firstLine", nullable(integer("Number of the first line returned, from 1; null for "
                                + "a tail that did not reach the start")))
                        .required("lineCount", integer("Lines returned"))
                        .required("more", bool("Whether lines follow the last one returned"))
                        .required("truncated", bool("Whether fewer lines came back than asked, to stay within the "
                                + "inline limit"))
                        .description("With a line range: which lines the content holds").build()));
    }

    /** Whether the call asks for a range (and, then, not for localPath). */
    static boolean asked(ToolCall call) {
        return asked(call.arguments(), "");
    }

    /**
     * Whether these arguments ask for a range (and, then, not for localPath); {@code where} prefixes the argument
     * names in errors (e.g. {@code items[2].}).
     */
    static boolean asked(Map<String, Object> a, String where) {
        boolean bytes = BYTES.stream().anyMatch(k -> a.get(k) != null);
        boolean lines = LINES.stream().anyMatch(k -> a.get(k) != null);
        if (bytes && lines) {
            throw StorageException.invalidArgument(where + "offset/length and startLine/lineCount/head/tail",
                    "give a byte range or a line range, not both");
        }
        if ((bytes || lines) && a.get("localPath") != null) {
            throw StorageException.invalidArgument(where + "localPath", "a range comes back inline; leave out "
                    + "localPath");
        }
        if (a.get("length") != null && a.get("offset") == null) {
            throw StorageException.invalidArgument(where + "length", "needs offset");
        }
        long asked = LINES.stream().filter(k -> a.get(k) != null).count();
        if (a.get("head") != null && asked > 1 || a.get("tail") != null && asked > 1) {
            throw StorageException.invalidArgument(where + (a.get("head") != null ? "head" : "tail"), "give head, "
                    + "tail or startLine/lineCount, one of them");
        }
        return bytes || lines;
    }

    /** Reads the range asked for and puts content, encoding, range and lines into {@code out}. */
    static Map<String, Object> read(ToolCall call, RangedContent content, String contentType, Out out) {
        return read(call.arguments(), "", call.maxInlineBytes(), content, contentType, out);
    }

    /** {@link #read(ToolCall, RangedContent, String, Out)} for these arguments, within {@code limit} bytes. */
    static Map<String, Object> read(Map<String, Object> a, String where, int limit, RangedContent content,
                                    String contentType, Out out) {
        byte[] bytes;
        long offset;
        if (a.get("offset") != null) {
            offset = number(a, "offset", 0);
            long length = a.get("length") != null ? number(a, "length", 0) : limit;
            if (length > limit) {
                throw StorageException.invalidArgument(where + "length", length + " is over the inline limit of "
                        + limit + " bytes; read less at a time");
            }
            bytes = content.read(offset, length);
            out.put("lines", null);
        } else {
            LineSlice slice;
            if (a.get("tail") != null) {
                slice = LineWindow.tail(content, (int) number(a, "tail", 1), limit, LineWindow.DEFAULT_CHUNK);
            } else {
                long start = number(a, "startLine", 1);
                int count = (int) (a.get("head") != null ? number(a, "head", 1) : number(a, "lineCount", 100));
                slice = LineWindow.lines(content, start, count, limit, LineWindow.DEFAULT_CHUNK);
            }
            bytes = slice.bytes();
            offset = slice.offset();
            out.put("lines", Out.of().put("firstLine", slice.firstLine() < 0 ? null : slice.firstLine())
                    .put("lineCount", slice.lineCount()).put("more", slice.more())
                    .put("truncated", slice.truncated()).build());
        }
        String text = Redact.text(Content.asText(bytes, contentType, (String) a.get("encoding")), a, where,
                contentType);
        return out.put("encoding", text != null ? "utf8" : "base64")
                .put("content", text != null ? text : Base64.getEncoder().encodeToString(bytes))
                .put("range", Out.of().put("offset", offset).put("length", bytes.length)
                        .put("size", content.size()).build())
                .put("note", null).build();
    }

    private static long number(Map<String, Object> a, String name, long absent) {
        return a.get(name) instanceof Number n ? n.longValue() : absent;
    }
}
