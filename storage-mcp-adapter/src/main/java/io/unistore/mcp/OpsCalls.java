package io.unistore.mcp;

import static io.unistore.mcp.ToolSchema.bool;
import static io.unistore.mcp.ToolSchema.integer;
import static io.unistore.mcp.ToolSchema.nullable;
import static io.unistore.mcp.ToolSchema.string;

import io.unistore.ProgressListener;
import io.unistore.StorageException;
import io.unistore.ops.OpsProgress;
import io.unistore.ops.ProgressCallback;
import io.unistore.ops.SchemaTransform;
import io.unistore.ops.TableVerification;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import tools.jackson.databind.json.JsonMapper;

/** What the storage-ops tools share: progress and cancellation, common arguments and result shapes. */
final class OpsCalls {
    static final Map<String, Object> TARGET_ACCOUNT = ToolSchema.name("Another served account to write to "
            + "(default: the same account)");
    static final Map<String, Object> BACKUP_ACCOUNT = ToolSchema.name("The served account holding the backup "
            + "container (default: the same account)");
    static final Map<String, Object> CHECKPOINT = ToolSchema.name("Absolute path of a local journal file (inside "
            + "the allowed roots) that makes the operation resumable: run again with the same arguments to resume");
    static final Map<String, Object> DRY_RUN = bool("Only report what would be done; write nothing");
    static final Map<String, Object> POINT_IN_TIME = ToolSchema.name("ISO-8601 instant, e.g. 2026-03-01T00:00:00Z: "
            + "restore the state at that time (default: the newest)");
    static final Map<String, Object> TRANSFORM = ToolSchema.anyObject("A schema transform spec: {\"steps\": [...]} "
            + "with ops rename {from,to}, drop {properties}, cast {property,type,onError}, compute "
            + "{property,template,type,ifMissing}, partitionKey {template}, rowKey {template}, where {filter}; "
            + "templates like \"{Region|upper}-{Id|pad:6}\" (see the storage-ops README)");

    private OpsCalls() {
    }

    /**
     * Runs an operation with a progress callback that sends progress notifications and, once the client cancels
     * the call, interrupts the operation (which then stops cleanly and keeps its checkpoint).
     */
    static <T> T run(ToolCall call, boolean bytes, java.util.function.Function<ProgressCallback, T> operation) {
        Thread worker = Thread.currentThread();
        ProgressListener listener = call.progress(call.toolName());
        ProgressCallback callback = p -> report(listener, p, bytes, worker);
        try {
            return operation.apply(callback);
        } finally {
            Thread.interrupted(); // the worker thread is pooled: leave no interrupt behind
            call.checkCancelled();
        }
    }

    private static void report(ProgressListener listener, OpsProgress p, boolean bytes, Thread worker) {
        try {
            if (bytes && p.bytesTotal() > 0) {
                listener.onProgress(p.bytesDone(), p.bytesTotal());
            } else {
                listener.onProgress(p.itemsDone(), p.itemsTotal());
            }
        } catch (StorageException cancelled) {
            worker.interrupt();
        }
    }

    /** Runs an operation that takes no callback, clearing a stray interrupt afterwards. */
    static <T> T run(Supplier<T> operation) {
        try {
            return operation.get();
        } finally {
            Thread.interrupted();
        }
    }

    static Path checkpoint(ToolCall call) {
        return call.has("checkpointPath") ? call.localPathToWrite("checkpointPath") : null;
    }

    static Instant instant(ToolCall call, String argument) {
        String text = call.optionalString(argument);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw StorageException.invalidArgument(argument, "'" + text + "' is not an ISO-8601 instant such as "
                    + "2026-03-01T00:00:00Z");
        }
    }

    static SchemaTransform transform(ToolCall call, String argument) {
        Map<String, Object> spec = call.object(argument);
        return spec == null ? null : SchemaTransform.parse(JsonMapper.shared().writeValueAsString(spec));
    }

    static Map<String, Object> verification(TableVerification v) {
        if (v == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("expectedCount", v.expectedCount());
        m.put("expectedHash", v.expectedHash());
        m.put("actualCount", v.actualCount());
        m.put("actualHash", v.actualHash());
        m.put("matches", v.matches());
        return m;
    }

    static Map<String, Object> verificationSchema() {
        return nullable(ToolSchema.object().description("Entity count and content hash (EntityHash) compared")
                .required("expectedCount", integer("Entities expected")).required("expectedHash", string("Their hash"))
                .required("actualCount", integer("Entities found")).required("actualHash", string("Their hash"))
                .required("matches", bool("Whether both agree")).build());
    }
}
