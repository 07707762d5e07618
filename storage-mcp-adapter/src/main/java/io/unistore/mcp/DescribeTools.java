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
import io.unistore.blob.ReadOptions;
import io.unistore.file.FileProperties;
import io.unistore.ops.DataProfile;
import io.unistore.ops.ParquetProfile;
import io.unistore.ops.RangedContent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * describe-blob and describe-file: the structure of CSV, TSV, NDJSON or JSON content (columns, inferred types, row
 * count or estimate, a few sample rows) from one ranged read of its first bytes ({@link DataProfile}).
 */
final class DescribeTools implements ToolProvider {
    static final int DEFAULT_PREFIX = 1 << 20;
    static final int MAX_PREFIX = 16 << 20;
    /** Longest sample value returned; longer ones are cut, so a sample stays small whatever the data. */
    static final int MAX_VALUE_CHARS = 200;
    /** Most columns listed, and most values of a sample row. */
    static final int MAX_COLUMNS = 1000;
    static final int MAX_SAMPLE_COLUMNS = 100;

    @Override
    public List<McpTool> tools() {
        return List.of(tool(true), tool(false));
    }

    /** The input naming one blob (container, blob) or one file (share, path), for the tools that read one. */
    static ToolSchema.ObjectBuilder oneObject(boolean blob) {
        return blob ? ToolSchema.object().required("container", Args.CONTAINER).required("blob", Args.BLOB)
                : ToolSchema.object().required("share", Args.SHARE).required("path", name("Path of the file from the "
                        + "share root"));
    }

    private static McpTool tool(boolean blob) {
        String noun = blob ? "blob" : "path";
        ToolSchema.ObjectBuilder in = oneObject(blob);
        in.optional("format", oneOf("The content's format (default: from the name's extension or the content "
                        + "type)", List.of("csv", "tsv", "ndjson", "json", "parquet")))
                .optional("maxBytes", integer("How many bytes to read from the start (default 1 MiB)", 1, MAX_PREFIX));
        return McpTool.builder(blob ? "describe-blob" : "describe-file")
                .requires(blob ? Capability.BLOBS : Capability.FILES).readOnly()
                .title(blob ? "Describe a data blob" : "Describe a data file")
                .touches(blob ? Touch.reads(NameKind.CONTAINER, "container") : Touch.reads(NameKind.SHARE, "share"))
                .description("Describe the structure of a CSV, TSV, NDJSON or JSON (array of objects) " + (blob
                        ? "blob" : "file") + " from one ranged read of its first maxBytes (default 1 MiB): columns "
                        + "with inferred types (integer, number, boolean, date, datetime, string, object, array), "
                        + "empty counts, up to " + DataProfile.SAMPLE_ROWS + " sample rows (values cut at "
                        + MAX_VALUE_CHARS + " characters), and the row count: exact when the read reached the end "
                        + "(complete=true), otherwise estimated from the bytes per row read. A row the read cuts is "
                        + "left out. Parquet (.parquet, or format=parquet) is described from its footer (two ranged "
                        + "reads at the end, whatever its size): exact row count, row groups, every leaf column with "
                        + "its logical and physical type, nulls and min/max from the writer's statistics; the sample "
                        + "rows come from the first pages of the first row group (a few more ranged reads). Columns "
                        + "the sample cannot decode (repeated values, the LZO or Brotli codecs, damaged pages) are named in "
                        + "notSampled.")
                .input(in.build())
                .output(ToolSchema.object().required(noun, string("What was described"))
                        .required("format", string("The format read"))
                        .required("columns", array("Columns in first-seen order", ToolSchema.object()
                                .required("name", string("Column (CSV header, or JSON key)"))
                                .required("type", nullable(string("Inferred type; null when every value was empty")))
                                .required("empty", nullable(integer("Rows read without a value (Parquet: nulls over "
                                        + "the file; null when a row group did not count them)")))
                                .optional("physicalType", string("Parquet: the physical type"))
                                .optional("repetition", string("Parquet: required, optional or repeated"))
                                .optional("min", nullable(string("Parquet: the smallest value, from the statistics")))
                                .optional("max", nullable(string("Parquet: the largest value, from the statistics")))
                                .build()))
                        .required("columnCount", integer("Columns found (at most " + MAX_COLUMNS + " are listed)"))
                        .required("sample", array("The first rows (at most " + MAX_SAMPLE_COLUMNS + " values each)", ToolSchema.openObject().build()))
                        .required("rowsRead", integer("Rows parsed"))
                        .required("rowCount", nullable(integer("Exact row count, when complete or from a Parquet "
                                + "footer")))
                        .optional("rowGroups", integer("Parquet: row groups"))
                        .optional("notSampled", ToolSchema.stringMap("Parquet: columns left out of the sample, with why"))
                        .required("rowEstimate", integer("The row count, or its estimate"))
                        .required("bytesRead", integer("Bytes read from the start"))
                        .required("size", integer("The whole content's size"))
                        .required("complete", bool("Whether the whole content was read")).build())
                .handler(call -> {
                    String name = call.string(noun);
                    RangedContent content;
                    String type;
                    if (blob) {
                        var blobs = call.account().blobs();
                        BlobProperties p = blobs.getProperties(call.container("container"), name);
                        content = RangedContent.ofBlob(blobs, p, ReadOptions.defaults());
                        type = p.contentType();
                    } else {
                        var files = call.account().files();
                        FileProperties p = files.getProperties(call.share("share"), name);
                        content = RangedContent.ofFile(files, p);
                        type = p.contentType();
                    }
                    if ("parquet".equals(call.optionalString("format")) || (!call.has("format")
                            && ParquetProfile.looksLike(name, type))) {
                        return parquet(noun, name, content);
                    }
                    DataProfile.Format format = call.has("format")
                            ? DataProfile.Format.valueOf(call.string("format").toUpperCase(Locale.ROOT))
                            : DataProfile.guess(name, type);
                    if (format == null) {
                        throw StorageException.invalidArgument("format", "cannot tell the format of '" + name
                                + "' (content type " + type + "); give format: csv, tsv, ndjson, json or parquet");
                    }
                    int max = call.integer("maxBytes", DEFAULT_PREFIX);
                    byte[] prefix = content.read(0, Math.min(max, content.size()));
                    DataProfile.Result r = DataProfile.of(prefix, content.size(), format, noun);
                    return Out.of().put(noun, name).put("format", format.name().toLowerCase(Locale.ROOT))
                            .put("columnCount", r.columns().size())
                            .put("columns", r.columns().stream().limit(MAX_COLUMNS).map(c -> Out.of().put("name", cut(c.name()))
                                    .put("type", c.type()).put("empty", c.empty()).build()).toList())
                            .put("sample", r.sample().stream().map(DescribeTools::cutRow).toList())
                            .put("rowsRead", r.rowsRead()).put("rowCount", r.complete() ? r.rowCount() : null)
                            .put("rowEstimate", r.rowEstimate()).put("bytesRead", r.bytesRead())
                            .put("size", content.size()).put("complete", r.complete()).build();
                }).build();
    }

    private static Map<String, Object> parquet(String noun, String name, RangedContent content) {
        ParquetProfile.Result r = ParquetProfile.of(content, noun, DataProfile.SAMPLE_ROWS);
        return Out.of().put(noun, name).put("format", "parquet").put("columnCount", r.columns().size())
                .put("columns", r.columns().stream().limit(MAX_COLUMNS).map(c -> Out.of().put("name", cut(c.name()))
                        .put("type", c.type()).put("empty", c.nulls() < 0 ? null : c.nulls())
                        .put("physicalType", c.physicalType()).put("repetition", c.repetition())
                        .put("min", c.min() == null ? null : cut(c.min()))
                        .put("max", c.max() == null ? null : cut(c.max())).build()).toList())
                .put("sample", r.sample().stream().map(DescribeTools::cutRow).toList())
                .put("rowsRead", r.sample().size()).put("rowCount", r.rows()).put("rowEstimate", r.rows())
                .put("rowGroups", r.rowGroups()).put("notSampled", r.notSampled()).put("bytesRead", r.bytesRead()).put("size", content.size())
                .put("complete", false).build();
    }

    private static Map<String, Object> cutRow(Map<String, Object> row) {
        Map<String, Object> out = new LinkedHashMap<>();
        row.entrySet().stream().limit(MAX_SAMPLE_COLUMNS).forEach(e -> put(out, e.getKey(), e.getValue()));
        return out;
    }

    private static void put(Map<String, Object> out, String k, Object v) {
        out.put(cut(k), v instanceof String || v == null || v instanceof Number
                || v instanceof Boolean ? (v instanceof String s ? cut(s) : v)
                : v.toString().length() <= MAX_VALUE_CHARS ? v : cut(v.toString()));
    }

    private static String cut(String s) {
        return s.length() <= MAX_VALUE_CHARS ? s : s.substring(0, MAX_VALUE_CHARS) + "…";
    }
}
