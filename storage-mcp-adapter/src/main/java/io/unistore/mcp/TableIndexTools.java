package io.unistore.mcp;

import static io.unistore.mcp.ToolSchema.array;
import static io.unistore.mcp.ToolSchema.bool;
import static io.unistore.mcp.ToolSchema.integer;
import static io.unistore.mcp.ToolSchema.nullable;
import static io.unistore.mcp.ToolSchema.string;

import io.unistore.Capability;
import io.unistore.ops.IndexRebuildResult;
import io.unistore.ops.IndexVerification;
import io.unistore.ops.TableIndex;
import io.unistore.ops.TableIndexes;
import java.util.List;
import java.util.Map;

/** The secondary-index tools: create-index, list-indexes, drop-index, verify-index, rebuild-index. */
final class TableIndexTools implements ToolProvider {
    private static final Touch READS = Touch.reads(NameKind.TABLE, "table");
    private static final Touch WRITES = Touch.writes(NameKind.TABLE, "table");
    private static final Map<String, Object> INDEX = ToolSchema.name("Index name: letters, digits and underscores, "
            + "starting with a letter (unique per table)");
    /** Grace before a new index is built: every writer (cache of 1 s by default) has seen its definition. */
    private static final long GRACE_MILLIS = 2500;

    @Override
    public List<McpTool> tools() {
        return List.of(createIndex(), listIndexes(), dropIndex(), verifyIndex(), rebuildIndex());
    }

    private static McpTool.Builder tool(String name) {
        return McpTool.builder(name).requires(Capability.TABLES);
    }

    static Map<String, Object> index(TableIndex i) {
        return Out.of().put("table", i.table()).put("index", i.name()).put("properties", i.properties())
                .put("state", i.state()).put("indexTable", i.indexTable()).put("created", i.created().toString())
                .put("rebuildCursor", i.rebuildCursor()).build();
    }

    private static final Map<String, Object> INDEX_SCHEMA = ToolSchema.object().required("table", string("Table"))
            .required("index", string("Index name"))
            .required("properties", array("Indexed properties, in key order", string(null)))
            .required("state", string("building (maintained, not yet used by queries) or ready"))
            .required("indexTable", string("The table holding its rows"))
            .required("created", string("When it was declared (ISO-8601)"))
            .required("rebuildCursor", nullable(string("Where an interrupted rebuild stopped (PartitionKey/RowKey)")))
            .build();

    private static final Map<String, Object> REBUILD_SCHEMA = ToolSchema.object().required("index", string("Index"))
            .required("entities", integer("Entities of the table read"))
            .required("added", integer("Index rows written (missing, or pending ones confirmed)"))
            .required("removed", integer("Stale index rows deleted"))
            .required("resumedAfter", nullable(string("Where an earlier, interrupted rebuild had stopped")))
            .required("complete", bool("False when cancelled: run it again to resume"))
            .required("durationMs", integer("Duration")).build();

    static Map<String, Object> rebuilt(IndexRebuildResult r) {
        return Out.of().put("index", r.index()).put("entities", r.entities()).put("added", r.added())
                .put("removed", r.removed()).put("resumedAfter", r.resumedAfter()).put("complete", r.complete())
                .put("durationMs", r.durationMillis()).build();
    }

    private static McpTool createIndex() {
        return tool("create-index").title("Create a secondary index").writes(false, false).touches(WRITES)
                .description("Declare a secondary index on one or more properties of a table and build it. The "
                        + "definition is stored in the account (system table 'unistoreindexes'), so every client "
                        + "sees it; writes made through Unistore (this server, or Java with layers=indexes) keep it "
                        + "current. query-entities then uses it for an equality or range on the first property "
                        + "(or equalities on the first ones and a range on the next) and says so in 'plan'. "
                        + "Reports progress; cancelling leaves it 'building' and rebuild-index finishes it.")
                .input(ToolSchema.object().required("table", Args.TABLE).required("index", INDEX)
                        .required("properties", array("Properties to index, in key order (1 to "
                                + TableIndexes.MAX_PROPERTIES + ")", ToolSchema.name("Property name"), 1,
                                TableIndexes.MAX_PROPERTIES)).build())
                .output(REBUILD_SCHEMA)
                .handler(call -> {
                    String table = call.table("table");
                    List<String> props = call.array("properties").stream().map(String::valueOf).toList();
                    return rebuilt(OpsCalls.run(call, false, p -> TableIndexes.create(call.account(), table,
                            call.string("index"), props, GRACE_MILLIS, p)));
                }).build();
    }

    private static McpTool listIndexes() {
        return tool("list-indexes").title("List secondary indexes").readOnly()
                .touches(Touch.reads(NameKind.TABLE, "table"))
                .description("List the secondary indexes of a table with their properties and state.")
                .input(ToolSchema.object().required("table", Args.TABLE).build())
                .output(ToolSchema.object().required("indexes", array("The table's indexes", INDEX_SCHEMA)).build())
                .handler(call -> Out.of().put("indexes", TableIndexes.list(call.account(), call.table("table"))
                        .stream().map(TableIndexTools::index).toList()).build())
                .build();
    }

    private static McpTool dropIndex() {
        return tool("drop-index").title("Drop a secondary index").writes(true, true).touches(WRITES)
                .description("Drop a secondary index and its rows (the table's entities are untouched). "
                        + "Succeeds with dropped=false when there is no such index.")
                .input(ToolSchema.object().required("table", Args.TABLE).required("index", INDEX).build())
                .output(ToolSchema.object().required("index", string("Index")).required("dropped",
                        bool("Whether it existed")).build())
                .handler(call -> {
                    String table = call.table("table");
                    return Out.of().put("index", call.string("index")).put("dropped",
                            TableIndexes.drop(call.account(), table, call.string("index"))).build();
                }).build();
    }

    private static McpTool verifyIndex() {
        return tool("verify-index").title("Verify a secondary index").readOnly().touches(READS)
                .description("Compare an index with its table: rows missing (entities a query could miss: writes "
                        + "made around Unistore), stale rows (harmless to queries, which check every candidate: a "
                        + "crash mid-write or writes around Unistore) and rows still marked pending. Reads the "
                        + "whole table and index. rebuild-index repairs what it reports.")
                .input(ToolSchema.object().required("table", Args.TABLE).required("index", INDEX).build())
                .output(ToolSchema.object().required("index", string("Index"))
                        .required("consistent", bool("No missing and no stale rows"))
                        .required("entities", integer("Entities read")).required("expectedRows", integer("Rows needed"))
                        .required("rows", integer("Rows held")).required("missing", integer("Needed rows absent"))
                        .required("stale", integer("Rows no entity needs")).required("pending", integer("Rows "
                                + "marked pending"))
                        .required("missingSamples", array("Up to 20 entities lacking their row (PartitionKey/RowKey)",
                                string(null)))
                        .required("staleSamples", array("Up to 20 entities stale rows point at", string(null)))
                        .build())
                .handler(call -> {
                    IndexVerification v = TableIndexes.verify(call.account(), call.table("table"),
                            call.string("index"));
                    return Out.of().put("index", v.index()).put("consistent", v.consistent())
                            .put("entities", v.entities()).put("expectedRows", v.expectedRows()).put("rows", v.rows())
                            .put("missing", v.missing()).put("stale", v.stale()).put("pending", v.pending())
                            .put("missingSamples", v.missingSamples()).put("staleSamples", v.staleSamples()).build();
                }).build();
    }

    private static McpTool rebuildIndex() {
        return tool("rebuild-index").title("Rebuild a secondary index").writes(false, true).touches(WRITES)
                .description("Make an index hold exactly what its table needs: write missing rows, confirm pending "
                        + "ones, delete stale ones (each only if its entity, read then, does not need it). "
                        + "Resumable: it saves its position after every 1,000 entities, and a run cancelled or "
                        + "killed resumes there. Reports progress. Marks a 'building' index ready.")
                .input(ToolSchema.object().required("table", Args.TABLE).required("index", INDEX).build())
                .output(REBUILD_SCHEMA)
                .handler(call -> {
                    String table = call.table("table");
                    return rebuilt(OpsCalls.run(call, false, p -> TableIndexes.rebuild(call.account(), table,
                            call.string("index"), p)));
                }).build();
    }
}
