package io.unistore.mcp;

import static io.unistore.mcp.ToolSchema.array;
import static io.unistore.mcp.ToolSchema.bool;
import static io.unistore.mcp.ToolSchema.integer;
import static io.unistore.mcp.ToolSchema.nullable;
import static io.unistore.mcp.ToolSchema.oneOf;
import static io.unistore.mcp.ToolSchema.string;

import io.unistore.Capability;
import io.unistore.StorageException;
import io.unistore.ops.ContainerCopy;
import io.unistore.ops.CopyContainerOptions;
import io.unistore.ops.CopyContainerResult;
import io.unistore.ops.CopyShareOptions;
import io.unistore.ops.CopyTreeResult;
import io.unistore.ops.CsvExportOptions;
import io.unistore.ops.CsvImportOptions;
import io.unistore.ops.CsvResult;
import io.unistore.ops.CsvSource;
import io.unistore.ops.EntityJson;
import io.unistore.ops.FileTreeCopy;
import io.unistore.ops.MigrateTableOptions;
import io.unistore.ops.MigrateTableResult;
import io.unistore.ops.SchemaTransform;
import io.unistore.ops.TableCsv;
import io.unistore.ops.TableMigration;
import io.unistore.ops.TransformTableOptions;
import io.unistore.table.Filter;
import io.unistore.table.TableAction;
import java.util.List;
import java.util.Map;

/** The storage-ops tools that copy and transform: copy-container, copy-share, migrate/transform tables, CSV. */
final class OpsTools implements ToolProvider {

    /** The table a migration or a transform into another table writes. */
    private static final Touch TARGET_TABLE = Touch.writes(NameKind.TABLE, "targetTable").onAccount("targetAccount");

    @Override
    public List<McpTool> tools() {
        return List.of(copyContainer(), copyShare(), migrateTable(), transformTable(), importCsv(), exportCsv());
    }

    private static McpTool copyContainer() {
        return McpTool.builder("copy-container").title("Copy a container").requires(Capability.BLOBS)
                .writes(true, true)
                .touches(Touch.reads(NameKind.CONTAINER, "sourceContainer"),
                        Touch.writes(NameKind.CONTAINER, "targetContainer").onAccount("targetAccount"))
                .description("Copy every blob of a container (or under a prefix) to another container, in this "
                        + "account or another served account (another cloud too). Server-side where the services "
                        + "can, else streamed; parallel; incremental (skips blobs with the same size and MD5); "
                        + "every blob verified by MD5; metadata, content type and tier carried. Overwrites target "
                        + "blobs of the same names. Give checkpointPath to make it resumable, dryRun to see what "
                        + "would be copied. Progress is reported in bytes; cancelling stops it cleanly. With "
                        + "distributed: true it is a job shared by workers (threads of this server, and "
                        + "'unistore worker JOB' on any machine) coordinated by the target account's queues and table: "
                        + "the call returns the job at once; follow it with get-copy-job.")
                .input(ToolSchema.object().required("sourceContainer", Args.CONTAINER)
                        .required("targetContainer", Args.CONTAINER).optional("targetAccount", OpsCalls.TARGET_ACCOUNT)
                        .optional("sourcePrefix", Args.PREFIX)
                        .optional("targetPrefix", string("Replaces sourcePrefix at the start of target names"))
                        .optional("concurrency", integer("Blobs copied at once (default 8)", 1, 256))
                        .optional("incremental", bool("Skip blobs whose target has the same size and MD5 (default true)"))
                        .optional("serverSide", bool("Let the services copy where they can (default true)"))
                        .optional("dryRun", OpsCalls.DRY_RUN).optional("checkpointPath", OpsCalls.CHECKPOINT)
                        .optional("distributed", bool("Run as a distributed job on the target account's queues and "
                                + "table and return its id at once (default false)"))
                        .optional("workers", integer("Distributed: worker threads of this server (default 2; 0 leaves "
                                + "the work to 'unistore worker' processes)", 0, 16))
                        .optional("batchSize", integer("Distributed: blobs per work item (default 100)", 1, 5000))
                        .optional("leaseSeconds", integer("Distributed: how long a worker holds an item, renewed while "
                                + "it works (default 30)", 1, 43200)).build())
                .output(ToolSchema.object().required("listed", integer("Source blobs seen"))
                        .required("copied", integer("Blobs copied (dry run: that would be)"))
                        .required("skippedUnchanged", integer("Blobs already the same at the target"))
                        .required("skippedCheckpoint", integer("Blobs done by an earlier run"))
                        .required("failed", integer("Blobs that failed")).required("bytesCopied", integer("Bytes copied"))
                        .required("bytesStreamed", integer("Bytes that passed through this server"))
                        .required("byMethod", ToolSchema.anyObject("Blobs per method: SERVER_COPY, COPY_FROM_URL, STREAM"))
                        .required("verifiedByChecksum", integer("Copies checked by MD5"))
                        .required("verifiedBySize", integer("Server-side copies checked by size only"))
                        .required("durationMs", integer("Duration")).required("complete", bool("Everything copied"))
                        .required("interrupted", bool("Stopped by a cancel")).required("dryRun", bool("Was a dry run"))
                        .required("planned", array("Dry run: names that would be copied (first 1000)", string(null)))
                        .required("failures", ToolSchema.stringMap("Failed names with why"))
                        .optional("job", CopyJobTools.jobSchema().build()).build())
                .handler(call -> {
                    ToolCall target = call.onAccount("targetAccount");
                    if (call.bool("distributed", false)) {
                        return distributed(call, target);
                    }
                    CopyContainerOptions o = CopyContainerOptions.of(call.container("sourceContainer"),
                            target.container("targetContainer")).withSourcePrefix(call.optionalString("sourcePrefix"))
                            .withTargetPrefix(call.optionalString("targetPrefix"))
                            .withConcurrency(call.integer("concurrency", 8)).withIncremental(call.bool("incremental", true))
                            .withServerSide(call.bool("serverSide", true)).withDryRun(call.bool("dryRun", false))
                            .withCheckpoint(OpsCalls.checkpoint(call));
                    CopyContainerResult r = OpsCalls.run(call, true, p -> ContainerCopy.run(call.account(),
                            target.account(), o.withProgress(p)));
                    return Out.of().put("listed", r.listed()).put("copied", r.copied())
                            .put("skippedUnchanged", r.skippedUnchanged()).put("skippedCheckpoint", r.skippedCheckpoint())
                            .put("failed", r.failed()).put("bytesCopied", r.bytesCopied())
                            .put("bytesStreamed", r.bytesStreamed()).put("byMethod", r.byMethod())
                            .put("verifiedByChecksum", r.verifiedByChecksum()).put("verifiedBySize", r.verifiedBySize())
                            .put("durationMs", r.duration().toMillis()).put("complete", r.complete())
                            .put("interrupted", r.interrupted()).put("dryRun", r.dryRun()).put("planned", r.planned())
                            .put("failures", r.failures()).build();
                }).build();
    }

    private static McpTool copyShare() {
        return McpTool.builder("copy-share").title("Copy a file share").requires(Capability.FILES)
                .writes(true, true)
                .touches(Touch.reads(NameKind.SHARE, "sourceShare"),
                        Touch.writes(NameKind.SHARE, "targetShare").onAccount("targetAccount"))
                .description("Copy a file share's tree (or one directory of it) into another share, in this account "
                        + "or another served account on any provider: an Azure file share into a SharePoint or "
                        + "OneDrive library (a msgraph account) and back, say. Directories are kept, empty ones too; "
                        + "content streams and is checked by MD5 against what both stores report; content type and "
                        + "metadata are carried. Overwrites target files of the same paths; incremental skips files "
                        + "with the same size and MD5 (where both stores keep MD5). Per-file failures are listed and "
                        + "the copy goes on.")
                .input(ToolSchema.object().required("sourceShare", Args.SHARE).required("targetShare", Args.SHARE)
                        .optional("targetAccount", OpsCalls.TARGET_ACCOUNT)
                        .optional("sourceDirectory", string("Directory of the source share to copy (default: its root)"))
                        .optional("targetDirectory", string("Directory of the target share the tree lands under "
                                + "(default: its root)"))
                        .optional("concurrency", integer("Files copied at once (default 4)", 1, 64))
                        .optional("incremental", bool("Skip files whose target has the same size and MD5 (default true)"))
                        .optional("dryRun", OpsCalls.DRY_RUN).build())
                .output(ToolSchema.object().required("files", integer("Source files seen"))
                        .required("copied", integer("Files copied (dry run: that would be)"))
                        .required("skippedUnchanged", integer("Files already the same at the target"))
                        .required("directoriesCreated", integer("Directories created in the target share"))
                        .required("bytesCopied", integer("Bytes copied")).required("durationMs", integer("Duration"))
                        .required("complete", bool("Every file copied or found unchanged"))
                        .required("dryRun", bool("Was a dry run"))
                        .required("failures", ToolSchema.stringMap("Failed paths with why")).build())
                .handler(call -> {
                    ToolCall target = call.onAccount("targetAccount");
                    CopyShareOptions o = CopyShareOptions.of(call.share("sourceShare"), target.share("targetShare"))
                            .withSourceDirectory(call.optionalString("sourceDirectory"))
                            .withTargetDirectory(call.optionalString("targetDirectory"))
                            .withConcurrency(call.integer("concurrency", 4))
                            .withIncremental(call.bool("incremental", true)).withDryRun(call.bool("dryRun", false));
                    CopyTreeResult r = OpsCalls.run(call, true, p -> FileTreeCopy.shareToShare(call.account(),
                            target.account(), o.withProgress(p)));
                    return Out.of().put("files", r.files()).put("copied", r.copied())
                            .put("skippedUnchanged", r.skippedUnchanged()).put("directoriesCreated", r.directoriesCreated())
                            .put("bytesCopied", r.bytes()).put("durationMs", r.duration().toMillis())
                            .put("complete", r.complete()).put("dryRun", o.dryRun()).put("failures", r.failures())
                            .build();
                }).build();
    }

    /**
     * copy-container as a distributed job: the copy fields say what was listed (nothing is copied yet, so
     * {@code complete} is false) and {@code job} is the job's status, to follow with get-copy-job.
     */
    private static Map<String, Object> distributed(ToolCall call, ToolCall target) {
        if (call.bool("dryRun", false) || call.optionalString("checkpointPath") != null) {
            throw StorageException.invalidArgument("distributed", "cannot be combined with dryRun or checkpointPath "
                    + "(the job's table is its journal)");
        }
        CopyContainerOptions o = CopyContainerOptions.of(call.container("sourceContainer"),
                        target.container("targetContainer")).withSourcePrefix(call.optionalString("sourcePrefix"))
                .withTargetPrefix(call.optionalString("targetPrefix"))
                .withConcurrency(call.integer("concurrency", 8)).withIncremental(call.bool("incremental", true))
                .withServerSide(call.bool("serverSide", true));
        var status = CopyJobTools.submit(call, target, o, call.integer("workers", 2), call.integer("batchSize", 100),
                call.integer("leaseSeconds", 30));
        return Out.of().put("listed", status.objects()).put("copied", 0).put("skippedUnchanged", 0)
                .put("skippedCheckpoint", 0).put("failed", 0).put("bytesCopied", 0).put("bytesStreamed", 0)
                .put("byMethod", Map.of()).put("verifiedByChecksum", 0).put("verifiedBySize", 0).put("durationMs", 0)
                .put("complete", false).put("interrupted", false).put("dryRun", false).put("planned", List.of())
                .put("failures", Map.of()).put("job", CopyJobTools.describe(status)).build();
    }

    private static ToolSchema.ObjectBuilder migrationOutput() {
        return ToolSchema.object().required("read", integer("Source entities read"))
                .required("written", integer("Entities written (dry run: that would be)"))
                .required("leftOut", integer("Entities a 'where' step left out"))
                .required("unchanged", integer("Entities not written because already identical"))
                .required("doneBefore", integer("Entities done by earlier runs (checkpoint)"))
                .required("batches", integer("Transactions sent")).required("failed", integer("Entities that failed"))
                .required("verification", OpsCalls.verificationSchema())
                .required("preview", array("Dry run: entities before and after the transform", ToolSchema.object()
                        .required("before", EntitySchema.outputSchema())
                        .required("after", nullable(EntitySchema.outputSchema())).build()))
                .required("durationMs", integer("Duration")).required("complete", bool("Everything handled"))
                .required("interrupted", bool("Stopped by a cancel")).required("dryRun", bool("Was a dry run"))
                .required("failures", ToolSchema.stringMap("Failed keys (pk/rk) with why"));
    }

    private static Map<String, Object> migrationResult(MigrateTableResult r) {
        return Out.of().put("read", r.read()).put("written", r.written()).put("leftOut", r.leftOut())
                .put("unchanged", r.unchanged()).put("doneBefore", r.doneBefore()).put("batches", r.batches())
                .put("failed", r.failed()).put("verification", OpsCalls.verification(r.verification()))
                .put("preview", r.preview().stream().map(p -> {
                    Map<String, Object> m = new java.util.LinkedHashMap<>();
                    m.put("before", EntityJson.toJson(p.before()));
                    m.put("after", p.after() == null ? null : EntityJson.toJson(p.after()));
                    return m;
                }).toList()).put("durationMs", r.duration().toMillis()).put("complete", r.complete())
                .put("interrupted", r.interrupted()).put("dryRun", r.dryRun()).put("failures", r.failures()).build();
    }

    private static MigrateTableResult migrate(ToolCall call, String sourceTable, SchemaTransform transform) {
        ToolCall target = call.onAccount("targetAccount");
        String filter = call.optionalString("filter");
        MigrateTableOptions o = MigrateTableOptions.of(sourceTable, target.table("targetTable"))
                .withFilter(filter == null ? null : Filter.parse(filter)).withTransform(transform)
                .withBatchSize(call.integer("batchSize", 0)).withParallelism(call.integer("parallelism", 4))
                .withVerify(call.bool("verify", true)).withDryRun(call.bool("dryRun", false))
                .withPreviewSize(call.integer("previewSize", 10)).withCheckpoint(OpsCalls.checkpoint(call));
        return OpsCalls.run(call, false, p -> TableMigration.migrate(call.account(), target.account(),
                o.withProgress(p)));
    }

    private static McpTool migrateTable() {
        return McpTool.builder("migrate-table-data").title("Migrate a table").requires(Capability.TABLES)
                .writes(true, true)
                .touches(Touch.reads(NameKind.TABLE, "sourceTable"), TARGET_TABLE)
                .description("Copy a table's entities into another table, in this account or another served "
                        + "account, optionally filtered (OData) and transformed. Batched per partition, resumable "
                        + "with checkpointPath, verified by entity count and content hash. Replaces target "
                        + "entities with the same keys. dryRun previews the transformed entities.")
                .input(ToolSchema.object().required("sourceTable", Args.TABLE).required("targetTable", Args.TABLE)
                        .optional("targetAccount", OpsCalls.TARGET_ACCOUNT)
                        .optional("filter", string("OData filter on the source, e.g. PartitionKey eq 'uk'"))
                        .optional("transform", OpsCalls.TRANSFORM)
                        .optional("batchSize", integer("Entities per transaction (default: the target's maximum)", 1, 1000))
                        .optional("parallelism", integer("Batches written at once (default 4)", 1, 64))
                        .optional("verify", bool("Compare count and hash afterwards (default true)"))
                        .optional("dryRun", OpsCalls.DRY_RUN)
                        .optional("previewSize", integer("Entities previewed in a dry run (default 10)", 0, 100))
                        .optional("checkpointPath", OpsCalls.CHECKPOINT).build())
                .output(migrationOutput().build())
                .handler(call -> migrationResult(migrate(call, call.table("sourceTable"),
                        OpsCalls.transform(call, "transform")))).build();
    }

    private static McpTool transformTable() {
        return McpTool.builder("transform-table-schema").title("Transform a table's schema").requires(Capability.TABLES)
                .writes(true, false)
                .touches(Touch.reads(NameKind.TABLE, "table"), TARGET_TABLE,
                        Touch.writes(NameKind.TABLE, "table").when(a -> a.get("targetTable") == null))
                .description("Apply a declarative schema transform (rename, drop, cast, compute properties; set "
                        + "keys from templates; filter) to a table in place, or while copying it into targetTable. "
                        + "In place, keys cannot change and entities are replaced only if unchanged since read. "
                        + "Use dryRun first: it returns a preview of transformed entities and writes nothing.")
                .input(ToolSchema.object().required("table", Args.TABLE).required("transform", OpsCalls.TRANSFORM)
                        .optional("targetTable", ToolSchema.name("Write the transformed entities here instead of "
                                + "in place")).optional("targetAccount", OpsCalls.TARGET_ACCOUNT)
                        .optional("dryRun", OpsCalls.DRY_RUN)
                        .optional("previewSize", integer("Entities previewed in a dry run (default 10)", 0, 100))
                        .optional("checkpointPath", OpsCalls.CHECKPOINT).build())
                .output(migrationOutput().build())
                .handler(call -> {
                    SchemaTransform t = OpsCalls.transform(call, "transform");
                    if (call.has("targetTable")) {
                        return migrationResult(migrate(call, call.table("table"), t));
                    }
                    TransformTableOptions o = TransformTableOptions.of(call.table("table"), t)
                            .withDryRun(call.bool("dryRun", false)).withPreviewSize(call.integer("previewSize", 10))
                            .withCheckpoint(OpsCalls.checkpoint(call));
                    return migrationResult(OpsCalls.run(call, false, p -> TableMigration.transformInPlace(
                            call.account(), o.withProgress(p))));
                }).build();
    }

    private static McpTool importCsv() {
        return McpTool.builder("import-table-csv").title("Import CSV into a table").requires(Capability.TABLES)
                .writes(true, true).touches(Touch.writes(NameKind.TABLE, "table"))
                .description("Import CSV (header row; typed columns from Name@TYPE headers, a type row, or "
                        + "inference) into a table, from inline content or a local file. Every row is validated "
                        + "first: bad rows are reported with their line numbers and nothing is written, unless "
                        + "skipBadRows. Rows replace entities with the same keys by default.")
                .input(ToolSchema.object().required("table", Args.TABLE)
                        .optional("content", string("The CSV text, inline"))
                        .optional("localPath", Args.LOCAL_PATH)
                        .optional("typeRow", bool("The second row holds the column types"))
                        .optional("skipBadRows", bool("Write the good rows and report the bad ones"))
                        .optional("write", oneOf("How rows are written (default UPSERT_REPLACE)",
                                List.of("UPSERT_REPLACE", "UPSERT_MERGE", "INSERT"))).build())
                .output(ToolSchema.object().required("rows", integer("Data rows read"))
                        .required("written", integer("Entities written")).required("skipped", integer("Bad rows skipped"))
                        .required("columns", array("Columns as Name@TYPE", string(null)))
                        .required("badRows", array("Bad rows", ToolSchema.object().required("line", integer("Line"))
                                .required("message", string("What is wrong")).build())).build())
                .handler(call -> {
                    CsvSource source = source(call);
                    CsvImportOptions o = CsvImportOptions.of(call.table("table")).withTypeRow(call.bool("typeRow", false))
                            .withSkipBadRows(call.bool("skipBadRows", false))
                            .withWrite(TableAction.Type.valueOf(call.has("write") ? call.string("write") : "UPSERT_REPLACE"));
                    CsvResult r = OpsCalls.run(call, false, p -> TableCsv.importCsv(call.account(), o.withProgress(p),
                            source));
                    return Out.of().put("rows", r.rows()).put("written", r.written()).put("skipped", r.skipped())
                            .put("columns", r.columns()).put("badRows", r.badRows().stream()
                                    .map(b -> Map.<String, Object>of("line", b.line(), "message", b.message())).toList())
                            .build();
                }).build();
    }

    private static CsvSource source(ToolCall call) {
        if (call.has("content") == call.has("localPath")) {
            throw StorageException.invalidArgument("content/localPath", "give exactly one of them");
        }
        return call.has("content") ? CsvSource.text(call.string("content"))
                : CsvSource.file(call.localPathToRead("localPath"));
    }

    private static McpTool exportCsv() {
        return McpTool.builder("export-table-csv").title("Export a table as CSV").requires(Capability.TABLES)
                .readOnly().touches(Touch.reads(NameKind.TABLE, "table"))
                .description("Export a table (or the entities matching an OData filter) as CSV with a typed header "
                        + "(Name@TYPE) or a type row. Returned inline up to the inline limit; give localPath for "
                        + "any size (written atomically).")
                .input(ToolSchema.object().required("table", Args.TABLE)
                        .optional("filter", string("OData filter, e.g. PartitionKey eq 'uk'"))
                        .optional("columns", array("Columns as Name@TYPE, in order (default: all, discovered)",
                                string(null)))
                        .optional("typeRow", bool("Bare names in the header and the types in a second row"))
                        .optional("includeTimestamp", bool("Add the service's Timestamp column"))
                        .optional("localPath", Args.LOCAL_PATH).build())
                .output(ToolSchema.object().required("rows", integer("Entities written"))
                        .required("columns", array("Columns as Name@TYPE", string(null)))
                        .required("localPath", nullable(string("The file written")))
                        .required("content", nullable(string("The CSV, when returned inline"))).build())
                .handler(call -> {
                    String filter = call.optionalString("filter");
                    List<Object> columns = call.array("columns");
                    CsvExportOptions o = CsvExportOptions.of(call.table("table"))
                            .withFilter(filter == null ? null : Filter.parse(filter))
                            .withColumns(columns == null ? null : columns.stream().map(String::valueOf).toList())
                            .withTypeRow(call.bool("typeRow", false))
                            .withIncludeTimestamp(call.bool("includeTimestamp", false));
                    if (call.has("localPath")) {
                        java.nio.file.Path file = call.localPathToWrite("localPath");
                        CsvResult r = OpsCalls.run(call, false, p -> TableCsv.export(call.account(), o.withProgress(p),
                                file));
                        return Out.of().put("rows", r.rows()).put("columns", r.columns())
                                .put("localPath", file.toString()).put("content", null).build();
                    }
                    BoundedWriter out = new BoundedWriter(call.maxInlineBytes(), "localPath", "give a localPath "
                            + "(inside the allowed roots) to write the CSV to, whatever its size");
                    CsvResult r = OpsCalls.run(call, false, p -> TableCsv.export(call.account(), o.withProgress(p), out));
                    return Out.of().put("rows", r.rows()).put("columns", r.columns()).put("localPath", null)
                            .put("content", out.toString()).build();
                }).build();
    }
}
