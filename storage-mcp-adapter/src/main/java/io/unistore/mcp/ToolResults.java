package io.unistore.mcp;

import io.modelcontextprotocol.spec.McpSchema;
import io.unistore.ErrorCode;
import io.unistore.StorageException;
import io.unistore.spi.Secrets;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** Turns a tool's outcome into a tools/call result: structured content plus the same JSON as text. */
final class ToolResults {
    private static final JsonMapper MAPPER = JsonMapper.shared();

    private ToolResults() {
    }

    static McpSchema.CallToolResult success(Map<String, Object> structured) {
        return McpSchema.CallToolResult.builder().structuredContent(structured)
                .addTextContent(MAPPER.writeValueAsString(structured)).isError(false).build();
    }

    /**
     * An isError result: "[CODE] message. hint", with the code also in {@code _meta} for programs. Never a
     * stack trace; secrets are masked.
     */
    static McpSchema.CallToolResult error(StorageException e) {
        String message = Secrets.redact(e.getMessage());
        String text = "[" + e.code() + "] " + message + (message.endsWith(".") ? " " : ". ") + hint(e.code());
        return McpSchema.CallToolResult.builder().addTextContent(text).isError(true)
                .meta(Map.of("errorCode", e.code().name(), "retryable", e.isRetryable())).build();
    }

    /** What an agent can do about each kind of failure. */
    static String hint(ErrorCode code) {
        return switch (code) {
            case NOT_FOUND -> "Check the name; the list-* tools show what exists.";
            case ALREADY_EXISTS -> "Use the existing item or choose another name.";
            case PRECONDITION_FAILED -> "Someone changed the item: read it again for its current ETag and retry "
                    + "with that.";
            case CONFLICT -> "The item's state forbids this call now (e.g. an archived blob must be moved to another "
                    + "tier first).";
            case INVALID_ARGUMENT -> "Fix the argument named above and call again.";
            case UNAUTHENTICATED -> "The account's credentials are missing or rejected: the user must fix them in "
                    + "the server's configuration.";
            case PERMISSION_DENIED -> "The server's settings, the account's policy or the user forbid this; do not "
                    + "retry unchanged.";
            case THROTTLED, UNAVAILABLE -> "Retry later.";
            case UNSUPPORTED -> "This account cannot do this; use another account or tool.";
            case INTERNAL -> "An unexpected failure; the server's log (stderr) has details.";
        };
    }
}
