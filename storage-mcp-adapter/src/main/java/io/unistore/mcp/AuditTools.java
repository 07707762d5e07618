package io.unistore.mcp;

import static io.unistore.mcp.ToolSchema.array;
import static io.unistore.mcp.ToolSchema.bool;
import static io.unistore.mcp.ToolSchema.integer;
import static io.unistore.mcp.ToolSchema.nullable;
import static io.unistore.mcp.ToolSchema.string;

import io.unistore.StorageException;
import io.unistore.audit.AuditLog;
import io.unistore.audit.AuditQuery;
import io.unistore.audit.AuditRecord;
import io.unistore.audit.AuditVerification;
import io.unistore.ops.OperationCounts;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * verify-audit-log and query-audit-log: the trail the audit layer ({@code layers=audit} in an account's options)
 * writes, opened from the same options. Served only on accounts with that layer.
 */
final class AuditTools implements ToolProvider {
    static final String NOT_AUDITED = "it has no audit layer; add layers: audit and audit.* options to its options in "
            + "the config file (see storage-audit's README)";
    private static final int MAX_LIMIT = 1000;

    @Override
    public List<McpTool> tools() {
        return List.of(verify(), query());
    }

    /** Whether an account opened with these options has the audit layer. */
    static boolean audited(Map<String, String> options) {
        String layers = options.get("layers");
        return layers != null && Arrays.stream(layers.split(",")).map(String::trim).anyMatch("audit"::equals);
    }

    /**
     * The blob operations the account's audit trail holds from {@code from} to {@code to}, counted per container and
     * class (lines of this account's {@code audit.account} label only, when it has one), or null when the account
     * has no audit layer.
     */
    static OperationCounts operations(ToolCall call, Instant from, Instant to) {
        Map<String, String> options = ((ToolInvocation) call).accountOptions();
        if (!audited(options)) {
            return null;
        }
        String label = options.get("audit.account");
        OperationCounts.Tally tally = new OperationCounts.Tally();
        String where;
        try (AuditLog log = open(call)) {
            where = "the audit trail " + log.describe();
            log.forEach(new AuditQuery(from, to, null, null, Integer.MAX_VALUE), r -> {
                if (label == null || label.equals(r.account())) {
                    tally.add(r.targets().isEmpty() ? null : r.targets().get(0), r.store(), r.operation());
                }
            });
        }
        return tally.build(where, from, to, Boolean.parseBoolean(options.getOrDefault("audit.reads", "false")));
    }

    private static AuditLog open(ToolCall call) {
        Map<String, String> own = new LinkedHashMap<>();
        ((ToolInvocation) call).accountOptions().forEach((k, v) -> {
            if (k.startsWith("audit.")) {
                own.put(k.substring("audit.".length()), v);
            }
        });
        return AuditLog.open(own);
    }

    private static McpTool verify() {
        return McpTool.builder("verify-audit-log").title("Verify the audit log").readOnly()
                .servedWhere(AuditTools::audited, NOT_AUDITED)
                .description("Check the account's audit trail line by line: each line's SHA-256 hash must match "
                        + "its text and name the line before, so an edited, removed, inserted or reordered line is "
                        + "found and named (brokenAtLine, problem). Keep the returned lastHash elsewhere: comparing "
                        + "it later also detects lines removed at the end. Served on accounts with the audit layer.")
                .input(ToolSchema.object().build())
                .output(ToolSchema.object().required("valid", bool("Every line is intact and chained"))
                        .required("lines", integer("Lines read"))
                        .required("lastSeq", integer("Sequence number of the last intact line"))
                        .required("lastHash", string("Hash of the last intact line"))
                        .required("brokenAtLine", integer("1-based position of the first bad line, 0 when valid"))
                        .required("problem", nullable(string("What is wrong with that line")))
                        .required("log", string("Where the trail is")).build())
                .handler(call -> {
                    try (AuditLog log = open(call)) {
                        AuditVerification v = log.verify();
                        Map<String, Object> out = new LinkedHashMap<>();
                        out.put("valid", v.valid());
                        out.put("lines", v.lines());
                        out.put("lastSeq", v.lastSeq());
                        out.put("lastHash", v.lastHash());
                        out.put("brokenAtLine", v.brokenAtLine());
                        out.put("problem", v.problem());
                        out.put("log", log.describe());
                        return out;
                    }
                }).build();
    }

    private static McpTool query() {
        Map<String, Object> record = ToolSchema.object().required("seq", integer("Position in the chain"))
                .required("time", string("When the call started (ISO-8601, UTC)"))
                .required("principal", string("Who called")).required("account", string("The account's label"))
                .required("store", string("blob, table, queue or file"))
                .required("operation", string("The operation, e.g. upload"))
                .required("writes", bool("Whether it writes"))
                .required("targets", array("The names it acted on", string(null)))
                .required("outcome", string("OK or the error code"))
                .required("bytes", integer("Content bytes moved"))
                .required("requestId", string("The request it served"))
                .required("durationMicros", integer("How long it took"))
                .required("hash", string("The line's hash")).build();
        return McpTool.builder("query-audit-log").title("Query the audit log").readOnly()
                .servedWhere(AuditTools::audited, NOT_AUDITED)
                .description("Lines of the account's audit trail, oldest first: who did what to which names, when, "
                        + "with what outcome. Filter by time range (from inclusive, to exclusive, ISO-8601), "
                        + "operation ('upload' or 'blob.upload') and target (a container, blob, table, queue, share "
                        + "or path the call named). Lines about names the account's policy hides are left out. "
                        + "Served on accounts with the audit layer.")
                .input(ToolSchema.object()
                        .optional("from", string("Lines at or after this time, e.g. 2026-12-01T00:00:00Z"))
                        .optional("to", string("Lines before this time"))
                        .optional("operation", string("An operation (upload) or store.operation (blob.upload)"))
                        .optional("target", string("A name the call acted on"))
                        .optional("limit", integer("Most lines returned (default 100, max " + MAX_LIMIT + ")", 1,
                                MAX_LIMIT)).build())
                .output(ToolSchema.object().required("records", array("The lines, oldest first", record))
                        .required("more", bool("More lines match beyond the limit")).build())
                .handler(call -> {
                    int limit = call.integer("limit", 100);
                    AuditQuery q = new AuditQuery(time(call, "from"), time(call, "to"), call.optionalString("operation"),
                            call.optionalString("target"), Integer.MAX_VALUE);
                    List<Map<String, Object>> records = new ArrayList<>();
                    boolean[] more = {false};
                    try (AuditLog log = open(call)) {
                        for (AuditRecord r : log.query(q)) {
                            if (!visible((ToolInvocation) call, r)) {
                                continue;
                            }
                            if (records.size() == limit) {
                                more[0] = true;
                                break;
                            }
                            records.add(json(r));
                        }
                    }
                    return Map.of("records", records, "more", more[0]);
                }).build();
    }

    private static Instant time(ToolCall call, String argument) {
        String v = call.optionalString(argument);
        if (v == null) {
            return null;
        }
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw StorageException.invalidArgument(argument, "must be an ISO-8601 instant such as "
                    + "2026-12-01T00:00:00Z");
        }
    }

    /** Whether the policy lets the caller see the container, table, queue or share the line names first. */
    private static boolean visible(ToolInvocation call, AuditRecord r) {
        if (r.targets().isEmpty()) {
            return true;
        }
        NameKind kind = switch (r.store()) {
            case "blob" -> NameKind.CONTAINER;
            case "table" -> NameKind.TABLE;
            case "queue" -> NameKind.QUEUE;
            default -> NameKind.SHARE;
        };
        boolean ok = call.visible(kind, r.targets().get(0));
        // A copy names its target container third.
        if (ok && r.operation().equals("copy") && r.targets().size() >= 3) {
            ok = call.visible(kind, r.targets().get(2));
        }
        return ok;
    }

    private static Map<String, Object> json(AuditRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", r.seq());
        m.put("time", r.time().toString());
        m.put("principal", r.principal());
        m.put("account", r.account());
        m.put("store", r.store());
        m.put("operation", r.operation());
        m.put("writes", r.writes());
        m.put("targets", r.targets());
        m.put("outcome", r.outcome());
        m.put("bytes", r.bytes());
        m.put("requestId", r.requestId());
        m.put("durationMicros", r.durationMicros());
        m.put("hash", r.hash());
        return m;
    }
}
