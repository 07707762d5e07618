package io.unistore.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import io.unistore.spi.Secrets;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads one inbound JSON-RPC message, for the stdio and the HTTP transport alike: either the message, or the
 * JSON-RPC error to answer instead (-32700 for text that is not JSON, -32600 for JSON that is no acceptable
 * message: too large, nested deeper than the parser allows, not a request, notification or response). The
 * refusal carries the message's id whenever one can be read, so the client's pending request fails at once
 * instead of waiting for a timeout. Nothing of the message's content is echoed or logged.
 */
final class InboundMessage {
    /** The default --max-message-bytes: 16 MiB, as the SDK's transports. */
    static final int DEFAULT_MAX_BYTES = 16 * 1024 * 1024;

    /**
     * A parser only for finding the id of a refused message: it walks tokens without building anything, so it
     * needs no nesting limit (a limit is what refused the message in the first place).
     */
    private static final JsonFactory SCANNER = JsonFactory.builder().streamReadConstraints(StreamReadConstraints
            .builder().maxNestingDepth(Integer.MAX_VALUE).maxStringLength(Integer.MAX_VALUE)
            .maxDocumentLength(-1).maxTokenCount(-1).build()).build();

    /** What reading gave: {@link Accepted} or {@link Refused}. */
    sealed interface Result permits Accepted, Refused {
    }

    /** A message to hand to the session. */
    record Accepted(McpSchema.JSONRPCMessage message) implements Result {
    }

    /**
     * A message refused with a JSON-RPC error.
     *
     * @param id the message's id, or null when it has none or it cannot be read
     */
    record Refused(Object id, int code, String message) implements Result {
        /** The error response, as one line of JSON ({@code "id": null} included, as JSON-RPC asks). */
        String toJson() {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("code", code);
            error.put("message", message);
            Map<String, Object> response = new LinkedHashMap<>();
            response.put("jsonrpc", McpSchema.JSONRPC_VERSION);
            response.put("id", id);
            response.put("error", error);
            return JsonMapper.shared().writeValueAsString(response);
        }
    }

    private final McpJsonMapper json;
    private final int maxBytes;

    InboundMessage(McpJsonMapper json, int maxBytes) {
        this.json = json;
        this.maxBytes = maxBytes;
    }

    int maxBytes() {
        return maxBytes;
    }

    /** Reads a whole message of {@code length} bytes. */
    Result read(byte[] bytes, int length) {
        String text = new String(bytes, 0, length, StandardCharsets.UTF_8);
        try {
            return new Accepted(McpSchema.deserializeJsonRpcMessage(json, text));
        } catch (Exception e) {
            Scan scan = scan(bytes, length);
            if (!scan.wellFormed()) {
                return new Refused(scan.id(), McpSchema.ErrorCodes.PARSE_ERROR, "Parse error: the message is not "
                        + "valid JSON" + (scan.problem() == null ? "" : " (" + scan.problem() + ")"));
            }
            String reason = reason(e);
            return new Refused(scan.id(), McpSchema.ErrorCodes.INVALID_REQUEST, "Invalid Request: "
                    + (reason != null ? reason : "not a JSON-RPC 2.0 request, notification or response"));
        }
    }

    /** The refusal of a message longer than the limit, of which {@code length} bytes were kept. */
    Refused tooLarge(byte[] prefix, int length) {
        return new Refused(scan(prefix, length).id(), McpSchema.ErrorCodes.INVALID_REQUEST, "Invalid Request: the "
                + "message is larger than " + maxBytes + " bytes, the server's limit (--max-message-bytes); send "
                + "less per message (large content goes through localPath)");
    }

    /** Why the mapper refused well-formed JSON, when it is a limit of the parser (nesting, lengths). */
    private static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof tools.jackson.core.exc.StreamConstraintsException c) {
                return Secrets.redact(c.getOriginalMessage());
            }
        }
        return null;
    }

    private record Scan(Object id, boolean wellFormed, String problem) {
    }

    /** Walks the tokens: whether the text is one JSON value, and the top-level "id" if it has a plain one. */
    private static Scan scan(byte[] bytes, int length) {
        Object id = null;
        try (JsonParser p = SCANNER.createParser(ObjectReadContext.empty(), bytes, 0, length)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return new Scan(null, false, "it is empty");
            }
            if (first == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                    String name = p.currentName();
                    JsonToken value = p.nextToken();
                    if ("id".equals(name) && value == JsonToken.VALUE_STRING) {
                        id = p.getString();
                    } else if ("id".equals(name) && value == JsonToken.VALUE_NUMBER_INT) {
                        id = p.getNumberValue();
                    } else {
                        p.skipChildren();
                    }
                }
            } else {
                p.skipChildren();
            }
            if (p.nextToken() != null) {
                return new Scan(id, false, "more than one JSON value");
            }
            return new Scan(id, true, null);
        } catch (JacksonException e) {
            String problem = e.getOriginalMessage();
            int newline = problem == null ? -1 : problem.indexOf('\n');
            return new Scan(id, false, problem == null ? null : Secrets.redact(newline < 0 ? problem
                    : problem.substring(0, newline)));
        }
    }
}
