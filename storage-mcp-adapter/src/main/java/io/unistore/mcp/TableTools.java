package io.unistore.mcp;

import static io.unistore.mcp.ToolSchema.array;
import static io.unistore.mcp.ToolSchema.bool;
import static io.unistore.mcp.ToolSchema.integer;
import static io.unistore.mcp.ToolSchema.nullable;
import static io.unistore.mcp.ToolSchema.oneOf;
import static io.unistore.mcp.ToolSchema.string;

import io.unistore.Capability;
import io.unistore.Page;
import io.unistore.StorageException;
import io.unistore.ops.EntityJson;
import io.unistore.ops.PlannedQueryResult;
import io.unistore.ops.TableIndexes;
import io.unistore.ops.TableKeyAdvisor;
import io.unistore.table.Filter;
import io.unistore.table.TableAction;
import io.unistore.table.TableActionResult;
import io.unistore.table.TableEntity;
import io.unistore.table.TableInfo;
import io.unistore.table.TableQuery;
import io.unistore.table.TableSchema;
import io.unistore.table.TransactionFailedException;
import io.unistore.table.UpdateMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The table tools: tables, entities, queries, transactional batches and schema inference. */
final class TableTools implements ToolProvider {

    private static final Map<String, Object> MODE = oneOf("merge (default): keep properties not given; replace: "
            + "the entity becomes exactly what is given", List.of("merge", "replace"));
    private static final Map<String, Object> ENTITY = EntitySchema.inputSchema("The entity: keys and properties "
            + "(see the server README for typed values)", Map.of(), List.of());
    private static final List<String> ACTIONS = List.of("insert", "upsertMerge", "upsertReplace", "updateMerge",
            "updateReplace", "delete");

    @Override
    public List<McpTool> tools() {
        return List.of(listTables(), createTable(), deleteTable(), queryEntities(), getEntity(), upsertEntity(),
                updateEntity(), deleteEntity(), batchEntities(), inferTableSchema());
    }

    private static final Touch READS = Touch.reads(NameKind.TABLE, "table");
    private static final Touch WRITES = Touch.writes(NameKind.TABLE, "table");

    private static McpTool.Builder tool(String name) {
        return McpTool.builder(name).requires(Capability.TABLES);
    }

    /** Whether a batch-entities call deletes: it then does what delete-entity does. */
    private static boolean deletes(Map<String, Object> args) {
        return args.get("entities") instanceof List<?> items && items.stream()
                .anyMatch(i -> i instanceof Map<?, ?> m && "delete".equals(m.get("action")));
    }

    private static McpTool listTables() {
        return NameListing.tool("list-tables", Capability.TABLES, "List tables", "tables",
                ToolSchema.object().required("name", string("Table name")).build(), NameKind.TABLE,
                (a, o) -> a.tables().listTables(o), TableInfo::name, t -> Map.of("name", t.name()));
    }

    private static McpTool createTable() {
        return tool("create-table").title("Create a table").writes(false, false)
                .touches(WRITES)
                .description("Create a table. Fails with ALREADY_EXISTS if it exists. Table names are 3-63 letters "
                        + "and digits, starting with a letter.")
                .input(ToolSchema.object().required("table", Args.TABLE).build())
                .output(ToolSchema.object().required("table", string("The new table"))
                        .required("created", bool("Always true")).build())
                .handler(call -> {
                    String table = call.table("table");
                    call.account().tables().createTable(table);
                    return Out.of().put("table", table).put("created", true).build();
                }).build();
    }

    private static McpTool deleteTable() {
        return tool("delete-table").title("Delete a table").writes(true, true)
                .touches(WRITES)
                .description("Delete a table AND ALL ITS ENTITIES. Cannot be undone. Succeeds with deleted=false when "
                        + "it does not exist. Asks the user to confirm when the client supports it.")
                .input(ToolSchema.object().required("table", Args.TABLE).build())
                .output(BlobTools.deleted("table"))
                .handler(call -> {
                    String table = call.table("table");
                    call.confirm("table '" + table + "' of account '" + call.accountName() + "' and all its entities");
                    return Out.of().put("table", table).put("deleted", call.account().tables().deleteTable(table))
                            .build();
                }).build();
    }

    private static McpTool queryEntities() {
        return tool("query-entities").title("Query entities").readOnly()
                .touches(READS)
                .description("Query a table's entities in (PartitionKey, RowKey) order, one page at a time. 'filter' "
                        + "is OData filter text, e.g. \"PartitionKey eq 'p1' and Age gt 30\" (operators eq ne gt ge "
                        + "lt le, and or not, literals 'text', 42, 42L, 1.5, true, datetime'2024-01-01T00:00:00Z', "
                        + "guid'...', X'0a0b'). 'select' limits the properties returned; 'top' is the page size (a "
                        + "page is cut short to fit the server's inline limit). Pass the returned continuationToken "
                        + "to get the next page. A filter with an equality or range on a property that has a "
                        + "secondary index (create-index) is answered through it; 'plan' says which.")
                .input(ToolSchema.object().required("table", Args.TABLE)
                        .optional("filter", ToolSchema.name("OData filter text"))
                        .optional("select", array("Property names to return (keys always come back)",
                                ToolSchema.name("Property name")))
                        .optional("top", integer("Entities in this page (default " + Args.DEFAULT_PAGE_SIZE + ", max "
                                + Args.MAX_PAGE_SIZE + ")", 1, Args.MAX_PAGE_SIZE))
                        .optional("continuationToken", Args.CONTINUATION).build())
                .output(ToolSchema.object().required("entities", array("Entities of this page",
                                EntitySchema.outputSchema())).required("continuationToken", Shapes.CONTINUATION)
                        .required("plan", string("How it ran: 'index NAME' (a secondary index; see create-index) "
                                + "or 'scan'")).build())
                .handler(call -> {
                    String table = call.table("table");
                    TableQuery query = TableQuery.all()
                            .withContinuationToken(call.optionalString("continuationToken"))
                            .withSelect(strings(call.array("select")));
                    if (call.has("filter")) {
                        query = query.withFilter(Filter.parse(call.string("filter")));
                    }
                    TableQuery q = query;
                    String[] plan = {"scan"};
                    Page<TableEntity> page = BoundedPage.fetch(Math.min(call.integer("top", Args.DEFAULT_PAGE_SIZE),
                            call.account().capabilities().limits().maxPageSize()), call.maxInlineBytes(), n -> {
                                PlannedQueryResult r = TableIndexes.query(call.account(), table, q.withPageSize(n));
                                plan[0] = r.plan();
                                return new Page<>(r.entities(), r.continuationToken());
                            }, EntityJson::toJson, "entity", "return fewer properties with 'select'");
                    return Out.of().put("entities", page.items().stream().map(EntityJson::toJson).toList())
                            .put("continuationToken", page.continuationToken()).put("plan", plan[0]).build();
                }).build();
    }

    private static List<String> strings(List<Object> values) {
        return values == null ? null : values.stream().map(String::valueOf).toList();
    }

    private static McpTool getEntity() {
        return tool("get-entity").title("Get an entity").readOnly()
                .touches(READS)
                .description("Read one entity by PartitionKey and RowKey. Fails with NOT_FOUND if absent.")
                .input(ToolSchema.object().required("table", Args.TABLE).required("partitionKey", Args.PARTITION_KEY)
                        .required("rowKey", Args.ROW_KEY)
                        .optional("select", array("Property names to return", ToolSchema.name("Property name")))
                        .build())
                .output(EntitySchema.outputSchema())
                .handler(call -> EntityJson.toJson(call.account().tables().getEntity(call.table("table"),
                        call.string("partitionKey"), call.string("rowKey"), strings(call.array("select")))))
                .build();
    }

    private static Map<String, Object> writtenSchema() {
        return ToolSchema.object().required("table", string("Table")).required("partitionKey", string("PartitionKey"))
                .required("rowKey", string("RowKey")).required("etag", nullable(string("The entity's new ETag")))
                .build();
    }

    private static Map<String, Object> written(String table, TableEntity e, String etag) {
        return Out.of().put("table", table).put("partitionKey", e.partitionKey()).put("rowKey", e.rowKey())
                .put("etag", etag).build();
    }

    private static UpdateMode mode(ToolCall call) {
        return "replace".equals(call.optionalString("mode")) ? UpdateMode.REPLACE : UpdateMode.MERGE;
    }

    private static McpTool upsertEntity() {
        return tool("upsert-entity").title("Insert or update an entity").writes(true, true)
                .touches(WRITES)
                .description("Insert an entity, or update it if one with the same keys exists: mode 'merge' "
                        + "(default) keeps properties not given, 'replace' drops them.")
                .input(ToolSchema.object().required("table", Args.TABLE).required("entity", ENTITY)
                        .optional("mode", MODE).build())
                .output(writtenSchema())
                .handler(call -> {
                    String table = call.table("table");
                    TableEntity e = EntityJson.fromJson(call.object("entity"), "entity");
                    return written(table, e, call.account().tables().upsertEntity(table, e, mode(call)));
                }).build();
    }

    private static McpTool updateEntity() {
        return tool("update-entity").title("Update an entity").writes(true, true)
                .touches(WRITES)
                .description("Update an existing entity (NOT_FOUND if absent): mode 'merge' (default) keeps "
                        + "properties not given, 'replace' drops them. Pass ifMatch with the ETag read earlier to "
                        + "update only if nobody changed it since (PRECONDITION_FAILED otherwise).")
                .input(ToolSchema.object().required("table", Args.TABLE).required("entity", ENTITY)
                        .optional("mode", MODE).optional("ifMatch", Args.IF_MATCH).build())
                .output(writtenSchema())
                .handler(call -> {
                    String table = call.table("table");
                    TableEntity e = EntityJson.fromJson(call.object("entity"), "entity");
                    return written(table, e, call.account().tables().updateEntity(table, e, mode(call),
                            call.optionalString("ifMatch")));
                }).build();
    }

    private static McpTool deleteEntity() {
        return tool("delete-entity").title("Delete an entity").writes(true, true)
                .touches(WRITES)
                .description("Delete one entity. Succeeds with deleted=false when it does not exist. Pass ifMatch to "
                        + "delete only an unchanged entity. Asks the user to confirm when the client supports it.")
                .input(ToolSchema.object().required("table", Args.TABLE).required("partitionKey", Args.PARTITION_KEY)
                        .required("rowKey", Args.ROW_KEY).optional("ifMatch", Args.IF_MATCH).build())
                .output(BlobTools.deleted("entity"))
                .handler(call -> {
                    String table = call.table("table");
                    String pk = call.string("partitionKey");
                    String rk = call.string("rowKey");
                    call.confirm("entity (PartitionKey '" + pk + "', RowKey '" + rk + "') of table '" + table + "'");
                    boolean deleted = call.account().tables().deleteEntity(table, pk, rk,
                            call.optionalString("ifMatch"));
                    return Out.of().put("entity", table + "(" + pk + "," + rk + ")").put("deleted", deleted).build();
                }).build();
    }

    private static McpTool batchEntities() {
        Map<String, Map<String, Object>> extra = new LinkedHashMap<>();
        extra.put("action", oneOf("What to do with this entity", ACTIONS));
        extra.put("ifMatch", Args.IF_MATCH);
        return tool("batch-entities").title("Write entities in one transaction").writes(true, false)
                .touches(WRITES, WRITES.when(TableTools::deletes).as("delete-entity", "its delete actions"))
                .requires(Capability.TABLE_TRANSACTIONS)
                .description("Apply up to 100 actions to entities of ONE partition atomically: all succeed or "
                        + "nothing is written. Each item of 'entities' is an entity with an 'action': insert, "
                        + "upsertMerge, upsertReplace, updateMerge, updateReplace or delete (and optional ifMatch). "
                        + "A failure names the item that failed as entities[i].")
                .input(ToolSchema.object().required("table", Args.TABLE)
                        .required("entities", array("The actions, all with the same partitionKey",
                                EntitySchema.inputSchema("An entity and what to do with it", extra, List.of("action")),
                                1, 100)).build())
                .output(ToolSchema.object().required("table", string("Table"))
                        .required("results", array("One per action, in order", ToolSchema.object()
                                .required("action", string("The action"))
                                .required("partitionKey", string("PartitionKey"))
                                .required("rowKey", string("RowKey"))
                                .required("etag", nullable(string("New ETag; null for a delete"))).build()))
                        .build())
                .handler(TableTools::batch).build();
    }

    private static Map<String, Object> batch(ToolCall call) {
        String table = call.table("table");
        List<TableAction> actions = new ArrayList<>();
        List<Object> items = call.array("entities");
        for (int i = 0; i < items.size(); i++) {
            @SuppressWarnings("unchecked")
            Map<String, Object> item = (Map<String, Object>) items.get(i);
            String where = "entities[" + i + "]";
            Map<String, Object> entityJson = new LinkedHashMap<>(item);
            String action = String.valueOf(entityJson.remove("action"));
            Object ifMatch = entityJson.remove("ifMatch");
            TableEntity e = EntityJson.fromJson(entityJson, where);
            TableAction.Type type = TableAction.Type.valueOf(action.replaceAll("([a-z])([A-Z])", "$1_$2")
                    .toUpperCase(Locale.ROOT));
            actions.add(new TableAction(type, e, ifMatch == null ? null : ifMatch.toString()));
        }
        List<TableActionResult> results;
        try {
            results = call.account().tables().submitTransaction(table, actions);
        } catch (TransactionFailedException e) {
            String where = e.failedActionIndex() >= 0 ? "entities[" + e.failedActionIndex() + "]: " : "";
            throw new StorageException(e.code(), where + e.getMessage() + " (nothing of the batch was written)", e);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            TableActionResult r = results.get(i);
            out.add(Out.of().put("action", String.valueOf(((Map<?, ?>) items.get(i)).get("action")))
                    .put("partitionKey", r.action().partitionKey()).put("rowKey", r.action().rowKey())
                    .put("etag", r.etag()).build());
        }
        return Out.of().put("table", table).put("results", out).build();
    }

    private static McpTool inferTableSchema() {
        return tool("infer-table-schema").title("Infer a table's schema").readOnly()
                .touches(READS)
                .description("Read a sample of a table's entities and report each property: how often it occurs, "
                        + "its types and the dominant one. Use it before querying an unknown table.")
                .input(ToolSchema.object().required("table", Args.TABLE)
                        .optional("sampleSize", integer("Entities to read (default 100, max 1000)", 1, 1000))
                        .optional("recommend", bool("Also advise on the key design from the same number of "
                                + "entities spread over the table (see recommend-table-keys)")).build())
                .output(ToolSchema.object().required("table", string("Table"))
                        .required("sampledEntities", integer("Entities read"))
                        .required("properties", array("Properties, most frequent first", ToolSchema.object()
                                .required("name", string("Property name"))
                                .required("occurrences", integer("Sampled entities that have it"))
                                .required("dominantType", string("The most frequent type"))
                                .required("mixedTypes", bool("Whether several types were seen"))
                                .required("types", ToolSchema.anyObject("Count per type")).build()))
                        .optional("recommendations", array("With recommend: key-design advice, most severe first",
                                TableInsightTools.RECOMMENDATION)).build())
                .handler(call -> {
                    TableSchema schema = call.account().tables().inferSchema(call.table("table"),
                            call.integer("sampleSize", 100));
                    List<Map<String, Object>> props = new ArrayList<>();
                    for (TableSchema.PropertySchema p : schema.properties()) {
                        Map<String, Object> types = new LinkedHashMap<>();
                        p.types().forEach((t, n) -> types.put(EntityJson.TYPE_NAMES.get(t.ordinal()), n));
                        props.add(Out.of().put("name", p.name()).put("occurrences", p.occurrences())
                                .put("dominantType", EntityJson.TYPE_NAMES.get(p.dominantType().ordinal()))
                                .put("mixedTypes", p.mixedTypes()).put("types", types).build());
                    }
                    Out out = Out.of().put("table", schema.table()).put("sampledEntities", schema.sampledEntities())
                            .put("properties", props);
                    if (call.bool("recommend", false)) {
                        out.put("recommendations", TableKeyAdvisor.advise(call.account(), schema.table(),
                                call.integer("sampleSize", 100), List.of()).recommendations().stream()
                                .map(TableInsightTools::recommendation).toList());
                    }
                    return out.build();
                }).build();
    }
}
