package io.unistore.mcp;

import static io.unistore.mcp.ToolSchema.array;
import static io.unistore.mcp.ToolSchema.bool;
import static io.unistore.mcp.ToolSchema.integer;
import static io.unistore.mcp.ToolSchema.string;

import io.unistore.Capability;
import io.unistore.ops.Anomaly;
import io.unistore.ops.AnomalyReport;
import io.unistore.ops.BlobAnomalies;
import io.unistore.ops.KeyAdvice;
import io.unistore.ops.Recommendation;
import io.unistore.ops.TableAnomalies;
import io.unistore.ops.TableKeyAdvisor;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Advice and anomaly tools: recommend-table-keys, detect-table-anomalies, detect-blob-anomalies. */
final class TableInsightTools implements ToolProvider {

    @Override
    public List<McpTool> tools() {
        return List.of(recommendTableKeys(), detectTableAnomalies(), detectBlobAnomalies());
    }

    static final Map<String, Object> RECOMMENDATION = ToolSchema.object()
            .required("kind", string("hot-partition, few-partitions, monotonic-partition-key, monotonic-row-key, "
                    + "mixed-types or filtered-property"))
            .required("severity", string("high, medium or low"))
            .required("message", string("What was found"))
            .required("evidence", ToolSchema.anyObject("The figures it rests on"))
            .required("change", string("What to change")).build();

    static Map<String, Object> recommendation(Recommendation r) {
        return Out.of().put("kind", r.kind()).put("severity", r.severity()).put("message", r.message())
                .put("evidence", r.evidence()).put("change", r.change()).build();
    }

    private static final Map<String, Object> FILTERS = array("OData filters the table's queries use, e.g. from an "
            + "audit log (optional)", string("OData filter text"), 0, 10_000);

    private static McpTool recommendTableKeys() {
        return McpTool.builder("recommend-table-keys").title("Recommend table keys").requires(Capability.TABLES)
                .readOnly().touches(Touch.reads(NameKind.TABLE, "table"))
                .description("Advise on a table's key design from a sample spread over its key space: partition "
                        + "cardinality and skew (hot partitions), PartitionKeys or RowKeys that grow with write time "
                        + "(appends to one partition), properties whose type varies, and properties the given "
                        + "queries filter on. Each recommendation has its evidence and what to change; none when the "
                        + "design is fine.")
                .input(ToolSchema.object().required("table", Args.TABLE)
                        .optional("sampleSize", integer("Entities to read (default 10000)", 1, 100_000))
                        .optional("queryFilters", FILTERS).build())
                .output(ToolSchema.object().required("table", string("Table"))
                        .required("sampledEntities", integer("Entities read"))
                        .required("partitions", integer("Distinct PartitionKeys among them"))
                        .required("largestPartitionShare", ToolSchema.number("Share of the sample in the largest "
                                + "partition"))
                        .required("recommendations", array("Most severe first", RECOMMENDATION)).build())
                .handler(call -> {
                    List<String> filters = call.has("queryFilters") ? call.array("queryFilters").stream()
                            .map(String::valueOf).toList() : List.of();
                    KeyAdvice a = TableKeyAdvisor.advise(call.account(), call.table("table"),
                            call.integer("sampleSize", 10_000), filters);
                    return Out.of().put("table", a.table()).put("sampledEntities", a.sampledEntities())
                            .put("partitions", a.partitions()).put("largestPartitionShare", a.largestPartitionShare())
                            .put("recommendations", a.recommendations().stream()
                                    .map(TableInsightTools::recommendation).toList()).build();
                }).build();
    }

    private static final Map<String, Object> REPORT = ToolSchema.object().required("source", string("Table or "
                    + "container")).required("scanned", integer("Entities or blobs read"))
            .required("truncated", bool("Whether the item limit stopped the scan"))
            .required("anomalies", array("What was found (empty on clean data)", ToolSchema.object()
                    .required("kind", string("numeric-outlier, rare-value, type-inconsistency, missing-property, "
                            + "time-gap, rate-change, size-outlier, age-outlier"))
                    .required("property", string("Property or blob attribute"))
                    .required("reason", string("Why, with the figures"))
                    .required("items", array("Entities (PartitionKey/RowKey) or blobs concerned (first 100)",
                            string(null)))
                    .required("itemCount", integer("How many in all"))
                    .required("evidence", ToolSchema.anyObject("The statistics")).build())).build();

    static Map<String, Object> report(AnomalyReport r) {
        return Out.of().put("source", r.source()).put("scanned", r.scanned()).put("truncated", r.truncated())
                .put("anomalies", r.anomalies().stream().map(TableInsightTools::anomaly).toList()).build();
    }

    private static Map<String, Object> anomaly(Anomaly a) {
        return Out.of().put("kind", a.kind()).put("property", a.property()).put("reason", a.reason())
                .put("items", a.items()).put("itemCount", a.itemCount()).put("evidence", a.evidence()).build();
    }

    private static final Map<String, Object> MIN_GAP = integer("Shortest pause between writes reported as a gap, "
            + "in seconds (default 60)", 0, 31_536_000);

    private static McpTool detectTableAnomalies() {
        return McpTool.builder("detect-table-anomalies").title("Detect anomalies in a table")
                .requires(Capability.TABLES).readOnly().touches(Touch.reads(NameKind.TABLE, "table"))
                .description("Scan a table for anomalies, naming the entities: numeric outliers (median/MAD and "
                        + "IQR both), rare values of categorical properties, values of an unusual type, entities "
                        + "lacking a property nearly all have, and gaps and write-rate changes in Timestamp (or the "
                        + "date-time properties given).")
                .input(ToolSchema.object().required("table", Args.TABLE)
                        .optional("maxEntities", integer("Entities to read at most (default 100000)", 1, 1_000_000))
                        .optional("timeProperties", array("Date-time series to check for gaps and rate changes "
                                + "(default [\"Timestamp\"], the write time)", ToolSchema.name("Property name"), 0, 20))
                        .optional("minGapSeconds", MIN_GAP).build())
                .output(REPORT)
                .handler(call -> {
                    List<String> times = call.has("timeProperties") ? call.array("timeProperties").stream()
                            .map(String::valueOf).toList() : null;
                    return report(TableAnomalies.detect(call.account(), call.table("table"),
                            call.integer("maxEntities", 100_000), times,
                            Duration.ofSeconds(call.integer("minGapSeconds", 60))));
                }).build();
    }

    private static McpTool detectBlobAnomalies() {
        return McpTool.builder("detect-blob-anomalies").title("Detect anomalies among blobs")
                .requires(Capability.BLOBS).readOnly().touches(Touch.reads(NameKind.CONTAINER, "container"))
                .description("Scan a container's blob listing (or a prefix of it) for size outliers, age outliers "
                        + "(last-modified far from the others) and upload gaps and bursts, naming the blobs.")
                .input(ToolSchema.object().required("container", Args.CONTAINER).optional("prefix", Args.PREFIX)
                        .optional("maxBlobs", integer("Blobs to read at most (default 100000)", 1, 1_000_000))
                        .optional("minGapSeconds", MIN_GAP).build())
                .output(REPORT)
                .handler(call -> report(BlobAnomalies.detect(call.account(), call.container("container"),
                        call.optionalString("prefix"), call.integer("maxBlobs", 100_000),
                        Duration.ofSeconds(call.integer("minGapSeconds", 60)))))
                .build();
    }
}
