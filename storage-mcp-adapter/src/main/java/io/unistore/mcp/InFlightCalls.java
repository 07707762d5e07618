package io.unistore.mcp;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The tool calls running now, by session and JSON-RPC request id, so a {@code notifications/cancelled} from
 * the client can stop the right one.
 */
final class InFlightCalls {
    private final Map<String, AtomicBoolean> calls = new ConcurrentHashMap<>();

    /** Registers a call; its flag turns true when the client cancels it. */
    AtomicBoolean start(String sessionId, Object requestId) {
        AtomicBoolean flag = new AtomicBoolean();
        if (requestId != null) {
            calls.put(key(sessionId, requestId), flag);
        }
        return flag;
    }

    void finish(String sessionId, Object requestId) {
        if (requestId != null) {
            calls.remove(key(sessionId, requestId));
        }
    }

    /** Marks the call cancelled; false when no such call runs. */
    boolean cancel(String sessionId, Object requestId) {
        AtomicBoolean flag = requestId == null ? null : calls.get(key(sessionId, requestId));
        if (flag == null) {
            return false;
        }
        flag.set(true);
        return true;
    }

    private static String key(String sessionId, Object requestId) {
        // JSON-RPC ids may be numbers or strings; 7 and 7.0 and "7" from different decoders must meet.
        String id = requestId instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                ? Long.toString(n.longValue()) : String.valueOf(requestId);
        return sessionId + '\u0000' + id;
    }
}
