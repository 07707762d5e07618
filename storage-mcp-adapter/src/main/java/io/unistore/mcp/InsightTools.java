package io.unistore.mcp;

import static io.unistore.mcp.ToolSchema.anyObject;
import static io.unistore.mcp.ToolSchema.array;
import static io.unistore.mcp.ToolSchema.bool;
import static io.unistore.mcp.ToolSchema.integer;
import static io.unistore.mcp.ToolSchema.nullable;
import static io.unistore.mcp.ToolSchema.number;
import static io.unistore.mcp.ToolSchema.string;

import io.unistore.Capability;
import io.unistore.StorageAccount;
import io.unistore.ops.ContainerMetrics;
import io.unistore.ops.CostAnalysis;
import io.unistore.ops.CostOptions;
import io.unistore.ops.CostReport;
import io.unistore.ops.AnalyticsOptions;
import io.unistore.ops.MetricsHistory;
import io.unistore.ops.MetricsOptions;
import io.unistore.ops.MetricsThresholds;
import io.unistore.ops.StorageAnalytics;
import io.unistore.ops.MetricsResult;
import io.unistore.ops.QueueMetrics;
import io.unistore.ops.ShareMetrics;
import io.unistore.ops.StorageMetrics;
import io.unistore.ops.TableMetrics;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.json.JsonMapper;

/** The storage-ops insight tools: metrics (with history and alerts), analytics of the history, cost analysis. */
final class InsightTools implements ToolProvider {
    private static final JsonMapper MAPPER = JsonMapper.shared();
    /** The logger name of the notifications/logging messages a crossed threshold sends. */
    static final String ALERT_LOGGER = "unistore.alerts";
    private static final Map<String, Object> HISTORY_TABLE = ToolSchema.name("The metrics history table, e.g. "
            + MetricsHistory.DEFAULT_TABLE + " (created when missing)");

    @Override
    public List<McpTool> tools() {
        return List.of(getStorageMetrics(), getStorageAnalytics(), analyzeStorageCosts());
    }

    /** A record of storage-ops as plain JSON values (instants as ISO-8601 text). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> tree(Object record) {
        return MAPPER.convertValue(record, Map.class);
    }

    private static List<Map<String, Object>> trees(List<?> records) {
        return records.stream().map(InsightTools::tree).toList();
    }

    /** get-storage-metrics: read-only, or (where the account may write) with {@code record} to a history table. */
    private static McpTool getStorageMetrics() {
        McpTool reads = metricsTool(false).readOnly().touches(METRICS_READS).build();
        return metricsTool(true).writes(false, false).readOnlyForm(reads)
                .touches(Touch.reads(NameKind.CONTAINER, "container"), Touch.reads(NameKind.TABLE, "table"),
                        Touch.reads(NameKind.QUEUE, "queue"), Touch.reads(NameKind.SHARE, "share"),
                        Touch.writes(NameKind.TABLE, "historyTable").onAccount("historyAccount")
                                .when(a -> Boolean.TRUE.equals(a.get("record"))))
                .build();
    }

    private static final Touch[] METRICS_READS = {Touch.reads(NameKind.CONTAINER, "container"),
        Touch.reads(NameKind.TABLE, "table"), Touch.reads(NameKind.QUEUE, "queue"), Touch.reads(NameKind.SHARE, "share")};

    private static McpTool.Builder metricsTool(boolean canRecord) {
        ToolSchema.ObjectBuilder input = ToolSchema.object().optional("container", Args.CONTAINER)
                .optional("table", Args.TABLE).optional("queue", Args.QUEUE).optional("share", Args.SHARE)
                .optional("prefix", Args.PREFIX)
                .optional("prefixDepth", integer("Name levels ('/'-separated) to group counts by (default 1)", 0, 8))
                .optional("maxPrefixes", integer("Most prefix groups per container, the rest counted as "
                        + "'(other)' (default 1000)", 1, 100_000))
                .optional("topN", integer("Largest blobs and partitions to list (default 10)", 0, 1000))
                .optional("samplePercent", integer("Share of top-level prefixes to list (default 100: "
                        + "everything)", 1, 100));
        if (canRecord) {
            input.optional("record", bool("Also write this run to the history table (historyTable in historyAccount; "
                    + "one row per item measured), which get-storage-analytics reads"))
                    .optional("historyAccount", ToolSchema.name("The served account holding the history table "
                            + "(default: the same account)"))
                    .optional("historyTable", HISTORY_TABLE);
        }
        return McpTool.builder("get-storage-metrics").title("Measure storage")
                .description("Measure an account, or one container, table, queue or share (name at most one): "
                        + "containers get object and byte counts by tier, by name prefix to prefixDepth levels, an "
                        + "age histogram by last modification and the topN largest blobs; tables get entity counts "
                        + "per partition (the topN largest, and skew = largest / mean); queues their approximate "
                        + "depth and the age of the message at the head; shares their usage against the quota. "
                        + "Listings stream (memory does not grow with the object count). samplePercent below 100 "
                        + "lists only that share of each container's top-level prefixes and estimates the totals "
                        + "with a 95% error bound. Thresholds of the account's 'alerts' config that an item crosses "
                        + "are listed in alerts and sent as notifications/logging (warning, logger unistore.alerts)."
                        + (canRecord ? " record: true also writes the run to a history table (historyTable, "
                        + "required with it) for get-storage-analytics." : "")
                        + " Sends progress; cancelling stops it with partial figures "
                        + "(interrupted: true). Without a name, only what the account's policy lets you see.")
                .input(input.build())
                .output(ToolSchema.object().required("measuredAt", string("Ages are measured from this instant"))
                        .required("containers", array("Per container", anyObject("ContainerMetrics")))
                        .required("tables", array("Per table", anyObject("TableMetrics")))
                        .required("queues", array("Per queue", anyObject("QueueMetrics")))
                        .required("shares", array("Per share", anyObject("ShareMetrics")))
                        .required("totalObjects", integer("Objects in the containers measured"))
                        .required("totalBytes", integer("Their bytes"))
                        .required("samplePercent", integer("Share of top-level prefixes listed"))
                        .required("errorBound", nullable(string("How the estimates' bounds were computed")))
                        .required("interrupted", bool("Stopped before the end (figures partial)"))
                        .required("alerts", array("Thresholds crossed: threshold, limit, measured, scope",
                                anyObject("Alert")))
                        .required("recorded", integer("History rows written (0 without record)"))
                        .required("durationMs", integer("Duration")).build())
                .handler(call -> {
                    ToolInvocation invocation = (ToolInvocation) call;
                    // One instant for every item, so a recorded run is one point in time.
                    MetricsOptions base = MetricsOptions.account().withPrefixDepth(call.integer("prefixDepth", 1))
                            .withMaxPrefixes(call.integer("maxPrefixes", 1000)).withTopN(call.integer("topN", 10))
                            .withSamplePercent(call.integer("samplePercent", 100)).withNow(Instant.now())
                            .withThresholds(invocation.spec().alerts());
                    boolean record = call.bool("record", false);
                    ToolCall history = record ? historyCall(call) : null;
                    String historyTable = record ? call.onAccount("historyAccount").table("historyTable") : null;
                    List<MetricsOptions> runs = scopes(call, base);
                    List<MetricsResult> results = new ArrayList<>();
                    OpsCalls.run(call, false, p -> {
                        for (MetricsOptions o : runs) {
                            MetricsResult r = StorageMetrics.collect(call.account(), o.withProgress(p));
                            results.add(r);
                            if (r.interrupted()) {
                                break;
                            }
                        }
                        return null;
                    });
                    int recorded = 0;
                    if (record && results.stream().noneMatch(MetricsResult::interrupted)) {
                        for (MetricsResult r : results) {
                            recorded += MetricsHistory.record(history.account(), historyTable, call.accountName(), r);
                        }
                    }
                    List<MetricsThresholds.Alert> alerts = results.stream().flatMap(r -> r.alerts().stream()).toList();
                    for (MetricsThresholds.Alert a : alerts) {
                        invocation.log(McpSchema.LoggingLevel.WARNING, ALERT_LOGGER, MAPPER.writeValueAsString(
                                Map.of("account", call.accountName(), "threshold", a.threshold(), "limit", a.limit(),
                                        "measured", a.measured(), "scope", a.scope())));
                    }
                    return metricsResult(results, base.samplePercent(), alerts, recorded);
                });
    }

    /** The call on the history account, which must have tables. */
    private static ToolCall historyCall(ToolCall call) {
        if (!call.has("historyTable")) {
            throw io.unistore.StorageException.invalidArgument("historyTable", "is required with record (e.g. "
                    + MetricsHistory.DEFAULT_TABLE + ")");
        }
        ToolCall history = call.onAccount("historyAccount");
        if (!history.account().capabilities().has(Capability.TABLES)) {
            throw new io.unistore.StorageException(io.unistore.ErrorCode.UNSUPPORTED, "historyAccount: account '"
                    + history.accountName() + "' has no tables to hold the metrics history");
        }
        return history;
    }

    /** One run per named item, or per item the policy lets this call see when nothing is named. */
    private static List<MetricsOptions> scopes(ToolCall call, MetricsOptions base) {
        if (java.util.stream.Stream.of("container", "table", "queue", "share").filter(call::has).count() > 1) {
            throw io.unistore.StorageException.invalidArgument("container/table/queue/share", "name at most one of "
                    + "them");
        }
        if (call.has("container")) {
            return List.of(base.withContainer(call.container("container")).withPrefix(call.optionalString("prefix")));
        }
        if (call.has("prefix")) {
            throw io.unistore.StorageException.invalidArgument("prefix", "needs a container");
        }
        if (call.has("table")) {
            return List.of(base.withTable(call.table("table")));
        }
        if (call.has("queue")) {
            return List.of(base.withQueue(call.queue("queue")));
        }
        if (call.has("share")) {
            return List.of(base.withShare(call.share("share")));
        }
        ToolInvocation invocation = (ToolInvocation) call;
        StorageAccount a = call.account();
        List<MetricsOptions> runs = new ArrayList<>();
        if (a.capabilities().has(Capability.BLOBS)) {
            a.blobs().listContainers().forEach(c -> {
                if (invocation.visible(NameKind.CONTAINER, c.name())) {
                    runs.add(base.withContainer(c.name()));
                }
            });
        }
        if (a.capabilities().has(Capability.TABLES)) {
            a.tables().listTables().forEach(t -> add(runs, invocation, NameKind.TABLE, t.name(), base::withTable));
        }
        if (a.capabilities().has(Capability.QUEUES)) {
            a.queues().listQueues().forEach(q -> add(runs, invocation, NameKind.QUEUE, q.name(), base::withQueue));
        }
        if (a.capabilities().has(Capability.FILES)) {
            a.files().listShares().forEach(s -> add(runs, invocation, NameKind.SHARE, s.name(), base::withShare));
        }
        return runs;
    }

    private static void add(List<MetricsOptions> runs, ToolInvocation invocation, NameKind kind, String name,
                            Function<String, MetricsOptions> scope) {
        if (invocation.visible(kind, name)) {
            runs.add(scope.apply(name));
        }
    }

    private static Map<String, Object> metricsResult(List<MetricsResult> results, int samplePercent,
                                                     List<MetricsThresholds.Alert> alerts, int recorded) {
        List<ContainerMetrics> containers = new ArrayList<>();
        List<TableMetrics> tables = new ArrayList<>();
        List<QueueMetrics> queues = new ArrayList<>();
        List<ShareMetrics> shares = new ArrayList<>();
        String bound = null;
        boolean interrupted = false;
        long ms = 0;
        for (MetricsResult r : results) {
            containers.addAll(r.containers());
            tables.addAll(r.tables());
            queues.addAll(r.queues());
            shares.addAll(r.shares());
            bound = bound != null ? bound : r.errorBound();
            interrupted |= r.interrupted();
            ms += r.duration().toMillis();
        }
        return Out.of().put("measuredAt", results.isEmpty() ? Instant.now() : results.get(0).measuredAt())
                .put("containers", trees(containers)).put("tables", trees(tables)).put("queues", trees(queues))
                .put("shares", trees(shares))
                .put("totalObjects", containers.stream().mapToLong(ContainerMetrics::objects).sum())
                .put("totalBytes", containers.stream().mapToLong(ContainerMetrics::bytes).sum())
                .put("samplePercent", samplePercent).put("errorBound", bound).put("interrupted", interrupted)
                .put("alerts", trees(alerts)).put("recorded", recorded).put("durationMs", ms).build();
    }

    private static McpTool getStorageAnalytics() {
        return McpTool.builder("get-storage-analytics").title("Storage growth and forecast").readOnly()
                .touches(Touch.reads(NameKind.TABLE, "historyTable").onAccount("historyAccount"),
                        Touch.reads(NameKind.CONTAINER, "container"))
                .description("Reads the metrics history that get-storage-metrics with record: true wrote for this "
                        + "account: growth per day and per ISO week (UTC) of each container (and tier), table, queue "
                        + "and share and of the containers' total, over a time range; and a forecast of bytes "
                        + "forecastDays after the last run: a least-squares line with a 95% prediction interval "
                        + "(residual-based) and the number of runs used. Fewer than 3 runs give no forecast "
                        + "(forecastRefused says why).")
                .input(ToolSchema.object().required("historyTable", HISTORY_TABLE)
                        .optional("historyAccount", ToolSchema.name("The served account holding the history table "
                                + "(default: the same account)"))
                        .optional("from", ToolSchema.name("ISO-8601 instant: first run read (default: the oldest)"))
                        .optional("to", ToolSchema.name("ISO-8601 instant: last run read (default: the newest)"))
                        .optional("container", Args.CONTAINER)
                        .optional("forecastDays", integer("Days after the last run to forecast (default 30; 0: none)",
                                0, 3650)).build())
                .output(ToolSchema.object().required("source", string("The account the runs measured"))
                        .required("from", nullable(string("First run read")))
                        .required("to", nullable(string("Last run read")))
                        .required("runs", integer("Runs read"))
                        .required("series", array("Growth per item (and tier)", anyObject("Series")))
                        .required("forecasts", array("Bytes forecasts", anyObject("Forecast")))
                        .required("forecastRefused", nullable(string("Why there is no forecast"))).build())
                .handler(call -> {
                    ToolCall history = call.onAccount("historyAccount");
                    if (!history.account().capabilities().has(Capability.TABLES)) {
                        throw new io.unistore.StorageException(io.unistore.ErrorCode.UNSUPPORTED, "historyAccount: "
                                + "account '" + history.accountName() + "' has no tables");
                    }
                    AnalyticsOptions o = new AnalyticsOptions(history.table("historyTable"), call.accountName(),
                            OpsCalls.instant(call, "from"), OpsCalls.instant(call, "to"),
                            call.has("container") ? call.container("container") : null,
                            call.integer("forecastDays", 30));
                    return tree(StorageAnalytics.analyze(history.account(), o));
                }).build();
    }

    private static McpTool analyzeStorageCosts() {
        return McpTool.builder("analyze-storage-costs").title("Analyse storage costs").readOnly()
                .requires(Capability.BLOBS)
                .touches(Touch.reads(NameKind.CONTAINER, "container"))
                .description("The monthly storage cost of the account's containers (or one) at public list prices "
                        + "(price tables built into storage-ops, each figure dated with its source; priceFile "
                        + "overrides any figure), by container and tier, and tier moves that save money: objects not "
                        + "modified for coolAfterDays/coldAfterDays/archiveAfterDays, with the saving per month, the "
                        + "one-off write operations, the expected retrieval cost (readFractionPerMonth), the "
                        + "early-deletion exposure and the net saving over horizonMonths; plus an Azure "
                        + "lifecycle-management policy that makes the moves. Operation costs: on an account with the "
                        + "audit layer, the blob operations of its trail over the last operationDays (default 30) are "
                        + "counted per container and class (write, list, read, delete) and priced per month; "
                        + "otherwise 'operations' says they are not included. Without a container, only those the "
                        + "account's policy lets you see.")
                .input(ToolSchema.object().optional("container", Args.CONTAINER)
                        .optional("pricesFor", ToolSchema.oneOf("Price as this provider (default: the account's)",
                                List.of("azure", "aws", "gcp", "local")))
                        .optional("region", ToolSchema.name("Price region (default: the table's, e.g. eastus)"))
                        .optional("priceFile", ToolSchema.name("Absolute path of a JSON file (in the allowed roots) "
                                + "overriding figures of the built-in price table"))
                        .optional("coolAfterDays", days("Cool", 30)).optional("coldAfterDays", days("Cold", 90))
                        .optional("archiveAfterDays", days("Archive", 180))
                        .optional("readFractionPerMonth", number("Share of moved bytes read back per month, 0 to 1 "
                                + "(default 0)"))
                        .optional("horizonMonths", integer("Months the net saving is counted over (default 12)", 1,
                                120))
                        .optional("asOf", ToolSchema.name("ISO-8601 instant to measure ages at (default: now)"))
                        .optional("operationDays", integer("Days of the audit trail to count operations over, up "
                                + "to asOf (default 30)", 1, 366))
                        .build())
                .output(ToolSchema.object().required("provider", string("Prices used")).required("region",
                                string("Price region")).required("priceVersion", string("Price table version"))
                        .required("currency", string("Currency of every amount"))
                        .required("monthlyStorage", number("Storage cost per month"))
                        .required("byContainer", array("Cost per container and tier", anyObject("Line")))
                        .required("byTier", anyObject("Cost per month per tier"))
                        .required("operations", string("How operations are counted, or that they are not"))
                        .required("monthlyOperations", number("Operation cost per month (0 when not included)"))
                        .required("byOperation", array("Operation cost per container and class",
                                anyObject("OperationLine")))
                        .required("recommendations", array("Savings, largest first", anyObject("Recommendation")))
                        .required("lifecyclePolicy", nullable(anyObject("Azure lifecycle policy making the moves")))
                        .required("interrupted", bool("Stopped before the end (figures partial)")).build())
                .handler(call -> {
                    List<String> containers = new ArrayList<>();
                    ToolInvocation invocation = (ToolInvocation) call;
                    if (call.has("container")) {
                        containers.add(call.container("container"));
                    } else {
                        call.account().blobs().listContainers().forEach(c -> {
                            if (invocation.visible(NameKind.CONTAINER, c.name())) {
                                containers.add(c.name());
                            }
                        });
                    }
                    CostOptions base = CostOptions.defaults().withPrices(call.optionalString("pricesFor"),
                                    call.optionalString("region"),
                                    call.has("priceFile") ? call.localPathToRead("priceFile") : null)
                            .withThresholds(call.integer("coolAfterDays", 30), call.integer("coldAfterDays", 90),
                                    call.integer("archiveAfterDays", 180))
                            .withHorizonMonths(call.integer("horizonMonths", 12))
                            .withNow(OpsCalls.instant(call, "asOf"))
                            .withOperations(AuditTools.operations(call, operationsFrom(call), operationsTo(call)))
                            .withReadFractionPerMonth(call.has("readFractionPerMonth")
                                    ? ((Number) call.arguments().get("readFractionPerMonth")).doubleValue() : 0);
                    return costResult(OpsCalls.run(call, false, p -> CostAnalysis.analyze(call.account(),
                            base.withProgress(p), containers)));
                }).build();
    }

    private static Instant operationsTo(ToolCall call) {
        Instant asOf = OpsCalls.instant(call, "asOf");
        return asOf == null ? Instant.now() : asOf;
    }

    private static Instant operationsFrom(ToolCall call) {
        return operationsTo(call).minus(Duration.ofDays(call.integer("operationDays", 30)));
    }

    private static Map<String, Object> days(String tier, int byDefault) {
        return integer("Recommend " + tier + " for objects not modified for this many days: 30, 90, 180 or 365 "
                + "(default " + byDefault + ")", 30, 365);
    }

    private static Map<String, Object> costResult(CostReport r) {
        return Out.of().put("provider", r.provider()).put("region", r.region()).put("priceVersion", r.priceVersion())
                .put("currency", r.currency()).put("monthlyStorage", r.monthlyStorage())
                .put("byContainer", trees(r.byContainer())).put("byTier", r.byTier())
                .put("operations", r.operations()).put("monthlyOperations", r.monthlyOperations())
                .put("byOperation", trees(r.byOperation())).put("recommendations", trees(r.recommendations()))
                .put("lifecyclePolicy", r.lifecyclePolicy() == null ? null
                        : MAPPER.readValue(r.lifecyclePolicy(), Map.class))
                .put("interrupted", r.interrupted()).build();
    }
}
