package io.unistore.mcp;

import java.util.Map;

/**
 * Runs one tool call. Arguments were checked against the tool's input schema, the account resolved and
 * the policy applied before it is called.
 */
@FunctionalInterface
public interface ToolHandler {
    /**
     * @return the structured result; it must match the tool's output schema
     * @throws io.unistore.StorageException for any failure: its code and message become the tool error
     */
    Map<String, Object> call(ToolCall call);
}
