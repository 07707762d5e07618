package io.unistore.mcp;

import static io.unistore.mcp.ToolSchema.anyObject;
import static io.unistore.mcp.ToolSchema.array;
import static io.unistore.mcp.ToolSchema.bool;
import static io.unistore.mcp.ToolSchema.integer;
import static io.unistore.mcp.ToolSchema.nullable;
import static io.unistore.mcp.ToolSchema.number;
import static io.unistore.mcp.ToolSchema.string;

import io.unistore.Capability;
import io.unistore.StorageException;
import io.unistore.blob.ContainerLifecycleRule;
import io.unistore.ops.Lifecycle;
import io.unistore.ops.LifecycleApplyResult;
import io.unistore.ops.LifecyclePlan;
import io.unistore.ops.LifecyclePolicy;
import io.unistore.ops.NativeLifecycle;
import io.unistore.ops.QueueExpiry;
import io.unistore.ops.TableTtl;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The storage-ops lifecycle tools: plan and apply lifecycle rules on containers, expire table entities and queue
 * messages.
 */
final class LifecycleTools implements ToolProvider {
    private static final Map<String, Object> PLAN_PATH = ToolSchema.name("Absolute path of a local plan file "
            + "(inside the allowed roots) holding every planned action, one JSON line each");

    @Override
    public List<McpTool> tools() {
        return List.of(planLifecycle(), applyLifecycle(), pushLifecycle(), cleanupExpiredEntities(),
                expireQueueMessages());
    }

    private static McpTool planLifecycle() {
        return McpTool.builder("plan-lifecycle").title("Plan lifecycle rules").readOnly().requires(Capability.BLOBS)
                .touches(Touch.reads(NameKind.CONTAINER, "container"))
                .description("Dry run of lifecycle rules on a container: every action due now (tierToCool, "
                        + "tierToCold, tierToArchive, delete; deletes of snapshots and previous versions) with its "
                        + "blob, tiers, rule and monthly saving at list prices; writes nothing in the account. "
                        + "notApplied states each part of the policy this account cannot do or evaluate (no "
                        + "snapshots or versions, last access times, tiers). On S3 and Cloud Storage, nativeRules is "
                        + "the part of the policy the bucket's own lifecycle service could enforce, as the document it "
                        + "takes, and what would stay client-side (push-lifecycle sends it). 'policy' is an Azure "
                        + "lifecycle-management policy "
                        + "({\"rules\": [...]}, prefixMatch starting with the container name) or an S3 lifecycle "
                        + "configuration ({\"Rules\": [...]}), imported into the same model. Give planPath to keep "
                        + "every action in a file, which apply-lifecycle applies exactly.")
                .input(ToolSchema.object().required("container", Args.CONTAINER)
                        .required("policy", anyObject("The lifecycle policy (Azure or S3 JSON)"))
                        .optional("planPath", PLAN_PATH)
                        .optional("maxListed", integer("Actions to list in the result (default 100)", 0, 1000))
                        .optional("asOf", ToolSchema.name("ISO-8601 instant to evaluate the rules at, e.g. to see what "
                                + "will be due by then (default: now)")).build())
                .output(ToolSchema.object().required("container", string("The container"))
                        .required("examined", integer("Blobs looked at"))
                        .required("actions", anyObject("Actions per kind"))
                        .required("total", integer("Actions planned"))
                        .required("bytes", integer("Bytes they touch"))
                        .required("monthlySaving", number("Storage saved per month"))
                        .required("currency", nullable(string("Currency of the saving")))
                        .required("items", array("The actions (first maxListed)", anyObject("Item")))
                        .required("planPath", nullable(string("The plan file written")))
                        .required("interrupted", bool("Stopped before the end"))
                        .required("notApplied", array("Parts of the policy not applied here, and why",
                                string(null)))
                        .required("nativeRules", nullable(anyObject("On aws/gcp: {provider, document (the bucket "
                                + "lifecycle JSON the service takes), keptClientSide}; not pushed (push-lifecycle does)"))).build())
                .handler(call -> {
                    LifecyclePolicy policy = LifecyclePolicy.parse(JsonMapper.shared()
                            .writeValueAsString(call.object("policy")));
                    Path plan = call.has("planPath") ? call.localPathToWrite("planPath") : null;
                    String container = call.container("container");
                    LifecyclePlan r = OpsCalls.run(call, false, p -> Lifecycle.plan(call.account(), container, policy,
                            plan, call.integer("maxListed", 100), OpsCalls.instant(call, "asOf"), p));
                    return Out.of().put("container", r.container()).put("examined", r.examined())
                            .put("actions", r.actions()).put("total", r.total()).put("bytes", r.bytes())
                            .put("monthlySaving", r.monthlySaving()).put("currency", r.currency())
                            .put("items", r.items().stream().map(InsightTools::tree).toList())
                            .put("planPath", plan == null ? null : plan.toString())
                            .put("interrupted", r.interrupted()).put("notApplied", r.notApplied())
                            .put("nativeRules", nativeRules(call.account().providerId(), policy, container)).build();
                }).build();
    }

    private static Map<String, Object> nativeRules(String provider, LifecyclePolicy policy, String container) {
        if (!provider.equals("aws") && !provider.equals("gcp")) {
            return null;
        }
        NativeLifecycle.Mapping m = NativeLifecycle.map(provider, policy, container);
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("provider", m.provider());
        out.put("document", m.document() == null ? null : JsonMapper.shared().readValue(m.document(), Map.class));
        out.put("keptClientSide", m.keptClientSide());
        return out;
    }

    private static McpTool pushLifecycle() {
        Map<String, Object> rule = anyObject("A rule: {id, prefix, transitions: {COOL|COLD|ARCHIVE: days}, "
                + "deleteAfterDays}");
        return McpTool.builder("push-lifecycle").title("Push lifecycle rules to the service")
                .requires(Capability.BLOBS, Capability.BLOB_CONTAINER_LIFECYCLE).writes(true, true)
                .touches(Touch.writes(NameKind.CONTAINER, "container"))
                .description("Hand lifecycle rules to the bucket's own lifecycle service (S3 bucket lifecycle, "
                        + "Cloud Storage bucket lifecycle), which then moves and deletes blobs by itself, with no "
                        + "process running: the part of 'policy' the service can enforce replaces every rule the "
                        + "container has, and is read back. keptClientSide lists what the service cannot do "
                        + "(compress, last-access conditions, snapshots, versions, S3's STANDARD_IA before 30 days): "
                        + "use plan-lifecycle / apply-lifecycle for those. A policy of which nothing maps removes the "
                        + "container's rules. dryRun shows the rules without sending them. 'policy' is an Azure "
                        + "lifecycle-management policy or an S3 lifecycle configuration, as for plan-lifecycle.")
                .input(ToolSchema.object().required("container", Args.CONTAINER)
                        .required("policy", anyObject("The lifecycle policy (Azure or S3 JSON)"))
                        .optional("dryRun", OpsCalls.DRY_RUN).build())
                .output(ToolSchema.object().required("container", string("The container"))
                        .required("provider", string("The account's provider"))
                        .required("pushed", array("The rules sent (none: the container's rules were removed)", rule))
                        .required("readBack", nullable(array("The rules the service holds now (null on a dry run)",
                                rule)))
                        .required("keptClientSide", array("Parts of the policy the service cannot enforce, and why",
                                string(null)))
                        .required("dryRun", bool("Nothing was sent"))
                        .build())
                .handler(call -> {
                    LifecyclePolicy policy = LifecyclePolicy.parse(JsonMapper.shared()
                            .writeValueAsString(call.object("policy")));
                    String container = call.container("container");
                    boolean dry = call.bool("dryRun", false);
                    List<?> readBack;
                    NativeLifecycle.Mapping m = NativeLifecycle.map(call.account().providerId(), policy, container);
                    if (dry) {
                        readBack = null;
                    } else {
                        call.confirm("replacing the lifecycle rules of container '" + container + "' ("
                                + m.rules().size() + " rules; the service will move and delete blobs by them)");
                        readBack = NativeLifecycle.push(call.account(), container, policy).readBack().stream()
                                .map(LifecycleTools::rule).toList();
                    }
                    return Out.of().put("container", container).put("provider", call.account().providerId())
                            .put("pushed", m.rules().stream().map(LifecycleTools::rule).toList())
                            .put("readBack", readBack).put("keptClientSide", m.keptClientSide())
                            .put("dryRun", dry).build();
                }).build();
    }

    private static Map<String, Object> rule(ContainerLifecycleRule r) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("id", r.id());
        out.put("prefix", r.prefix());
        Map<String, Object> transitions = new java.util.LinkedHashMap<>();
        r.transitions().forEach((tier, days) -> transitions.put(tier.name(), days));
        out.put("transitions", transitions);
        out.put("deleteAfterDays", r.deleteAfterDays());
        return out;
    }

    private static McpTool applyLifecycle() {
        return McpTool.builder("apply-lifecycle").title("Apply a lifecycle plan").requires(Capability.BLOBS)
                .writes(true, true)
                .touches(Touch.writes(NameKind.CONTAINER, "container"), Touch.writes(NameKind.CONTAINER, "container")
                        .as("delete-blob", "its delete actions"))
                .description("Apply exactly the actions of a plan file made by plan-lifecycle on the same "
                        + "container: each only if the blob still has the ETag it was planned with (changed blobs "
                        + "are skipped), tier moves already made are skipped, so running it again does nothing "
                        + "more. checkpointPath makes it resumable after a cancel or crash: run the same call again.")
                .input(ToolSchema.object().required("container", Args.CONTAINER).required("planPath", PLAN_PATH)
                        .optional("checkpointPath", OpsCalls.CHECKPOINT).build())
                .output(ToolSchema.object().required("applied", integer("Actions applied by this run"))
                        .required("skippedChanged", integer("Blobs changed or gone since the plan"))
                        .required("skippedAlready", integer("Actions found already done"))
                        .required("skippedCheckpoint", integer("Actions an earlier run finished"))
                        .required("failed", integer("Actions that failed"))
                        .required("failures", array("The first 100 failures", string(null)))
                        .required("interrupted", bool("Stopped before the end: run again to resume"))
                        .required("durationMs", integer("Duration")).build())
                .handler(call -> {
                    Path plan = call.localPathToRead("planPath");
                    String container = call.container("container");
                    call.confirm("the delete and tier actions of plan " + plan + " on container '" + container + "'");
                    LifecycleApplyResult r = OpsCalls.run(call, false, p -> Lifecycle.apply(call.account(), container,
                            plan, OpsCalls.checkpoint(call), p));
                    return Out.of().put("applied", r.applied()).put("skippedChanged", r.skippedChanged())
                            .put("skippedAlready", r.skippedAlready()).put("skippedCheckpoint", r.skippedCheckpoint())
                            .put("failed", r.failed()).put("failures", r.failures())
                            .put("interrupted", r.interrupted()).put("durationMs", r.duration().toMillis()).build();
                }).build();
    }

    private static McpTool cleanupExpiredEntities() {
        return McpTool.builder("cleanup-expired-entities").title("Delete expired entities").requires(Capability.TABLES)
                .writes(true, true)
                .touches(Touch.reads(NameKind.TABLE, "table"), Touch.writes(NameKind.TABLE, "table")
                        .when(a -> !Boolean.TRUE.equals(a.get("dryRun"))).as("delete-entity", "its deletes"))
                .description("Time to live for a table: delete the entities whose DateTime 'property' (filtered by "
                        + "the service) or Timestamp (the last write; every entity's keys are read) is older than "
                        + "olderThanDays/olderThanHours. Each delete is conditional on the ETag read, so an entity "
                        + "rewritten meanwhile stays. dryRun only counts. Running it again deletes nothing more.")
                .input(ToolSchema.object().required("table", Args.TABLE)
                        .optional("property", ToolSchema.name("A DateTime property holding each entity's date "
                                + "(default: Timestamp)"))
                        .optional("olderThanDays", integer("Expire entities older than this many days", 0, 36_500))
                        .optional("olderThanHours", integer("... or hours", 0, 876_000))
                        .optional("dryRun", OpsCalls.DRY_RUN).build())
                .output(ToolSchema.object().required("examined", integer("Entities read"))
                        .required("expired", integer("Entities found expired"))
                        .required("deleted", integer("Entities deleted"))
                        .required("skippedChanged", integer("Changed or deleted by others meanwhile"))
                        .required("cutoff", string("Entities older than this expired"))
                        .required("interrupted", bool("Stopped before the end"))
                        .required("durationMs", integer("Duration")).build())
                .handler(call -> {
                    if (call.has("olderThanDays") == call.has("olderThanHours")) {
                        throw StorageException.invalidArgument("olderThanDays/olderThanHours", "give exactly one");
                    }
                    Duration age = call.has("olderThanDays") ? Duration.ofDays(call.integer("olderThanDays", 0))
                            : Duration.ofHours(call.integer("olderThanHours", 0));
                    boolean dry = call.bool("dryRun", false);
                    String table = call.table("table");
                    if (!dry) {
                        call.confirm("the entities of table '" + table + "' older than " + age);
                    }
                    TableTtl.Result r = OpsCalls.run(call, false, p -> TableTtl.cleanup(call.account(), table,
                            call.optionalString("property"), age, dry, null, p));
                    return Out.of().put("examined", r.examined()).put("expired", r.expired())
                            .put("deleted", r.deleted()).put("skippedChanged", r.skippedChanged())
                            .put("cutoff", r.cutoff()).put("interrupted", r.interrupted())
                            .put("durationMs", r.duration().toMillis()).build();
                }).build();
    }

    private static McpTool expireQueueMessages() {
        return McpTool.builder("expire-queue-messages").title("Delete old queue messages").requires(Capability.QUEUES)
                .writes(true, true)
                .touches(Touch.reads(NameKind.QUEUE, "queue"), Touch.writes(NameKind.QUEUE, "queue")
                        .when(a -> !Boolean.TRUE.equals(a.get("dryRun"))).as("delete-queue-message", "its deletes"))
                .description("Delete the messages of a queue inserted more than olderThanDays/olderThanHours/"
                        + "olderThanMinutes ago. Peek-based: the head of the queue is peeked, as many old messages "
                        + "are received and deleted, and a young message received meanwhile is made visible again; "
                        + "it stops at the first young message at the head. On a provider that cannot peek (SQS, "
                        + "Service Bus) nothing is done and notDone says why (give messages a time to live when "
                        + "sending instead). dryRun counts the old messages among the first peeked. Running it "
                        + "again deletes nothing more.")
                .input(ToolSchema.object().required("queue", Args.QUEUE)
                        .optional("olderThanDays", integer("Expire messages older than this many days", 0, 36_500))
                        .optional("olderThanHours", integer("... or hours", 0, 876_000))
                        .optional("olderThanMinutes", integer("... or minutes", 0, 52_560_000))
                        .optional("dryRun", OpsCalls.DRY_RUN).build())
                .output(ToolSchema.object().required("peeked", integer("Messages looked at by peeking"))
                        .required("expired", integer("Messages found older than the cut-off"))
                        .required("deleted", integer("Messages deleted"))
                        .required("released", integer("Young messages received and made visible again"))
                        .required("heldUntilTimeout", integer("Young messages received that reappear after 30 s"))
                        .required("skippedChanged", integer("Taken or deleted by another consumer meanwhile"))
                        .required("cutoff", string("Messages inserted before this expired"))
                        .required("notDone", nullable(string("Why nothing was done, if so")))
                        .required("interrupted", bool("Stopped before the end"))
                        .required("durationMs", integer("Duration")).build())
                .handler(call -> {
                    int given = (call.has("olderThanDays") ? 1 : 0) + (call.has("olderThanHours") ? 1 : 0)
                            + (call.has("olderThanMinutes") ? 1 : 0);
                    if (given != 1) {
                        throw StorageException.invalidArgument("olderThanDays/olderThanHours/olderThanMinutes",
                                "give exactly one");
                    }
                    Duration age = call.has("olderThanDays") ? Duration.ofDays(call.integer("olderThanDays", 0))
                            : call.has("olderThanHours") ? Duration.ofHours(call.integer("olderThanHours", 0))
                            : Duration.ofMinutes(call.integer("olderThanMinutes", 0));
                    boolean dry = call.bool("dryRun", false);
                    String queue = call.queue("queue");
                    if (!dry) {
                        call.confirm("the messages of queue '" + queue + "' older than " + age);
                    }
                    QueueExpiry.Result r = OpsCalls.run(call, false, p -> QueueExpiry.expire(call.account(), queue,
                            age, dry, null, p));
                    return Out.of().put("peeked", r.peeked()).put("expired", r.expired()).put("deleted", r.deleted())
                            .put("released", r.released()).put("heldUntilTimeout", r.heldUntilTimeout())
                            .put("skippedChanged", r.skippedChanged()).put("cutoff", r.cutoff())
                            .put("notDone", r.notDone()).put("interrupted", r.interrupted())
                            .put("durationMs", r.duration().toMillis()).build();
                }).build();
    }
}
