package io.unistore.mcp;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a fuzzed call's answer must be: a result (never a JSON-RPC error, except -32602 for an unknown tool and
 * -32700 for a message beyond the parser's limits), an error result starting with a code other than INTERNAL
 * and carrying it in {@code _meta}, INVALID_ARGUMENT whenever the arguments break the schema, no stack trace or
 * exception class in the text, and a success whose structured content fits the output schema and whose text is
 * the same JSON.
 */
final class FuzzOracle {
    private static final JsonMapper JSON = JsonMapper.shared();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(Dialects.getDraft202012());
    private static final Pattern CODE = Pattern.compile("^\\[([A-Z_]+)] ");
    /** A line of a stack trace: a frame, a cause, the "... n more" of a shared tail. */
    static final Pattern STACK_TRACE = Pattern.compile("(?m)(^\\s*at [\\w$./]+(\\.[\\w$<>]+)+\\(.*\\)\\s*$|"
            + "^Caused by: |^\\s*\\.\\.\\. \\d+ more$|^Exception in thread )");
    /** In a tool's answer, also a frame inside a line or a fully qualified exception class (a toString()). */
    static final Pattern INTERNALS = Pattern.compile(STACK_TRACE.pattern() + "|\\bat [\\w$]+(\\.[\\w$<>]+)+\\("
            + "[\\w$]*\\.java:\\d+\\)|\\b(java|javax|jdk|sun|com|org|io|reactor|tools|software)\\.[\\w.$]*"
            + "(Exception|Error)\\b");

    private final Map<String, JsonNode> outputSchemas;
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

    FuzzOracle(Map<String, JsonNode> outputSchemas) {
        this.outputSchemas = outputSchemas;
    }

    /** What is wrong with {@code answer} for {@code c}; empty when it is right. */
    List<String> problems(FuzzCase c, JsonNode answer) {
        List<String> out = new ArrayList<>();
        if (answer == null) {
            out.add("no answer within the timeout");
            return out;
        }
        if (answer.has("unparseable")) {
            out.add("the server wrote something that is not JSON on the MCP channel: " + answer.get("unparseable"));
            return out;
        }
        if (answer.has("httpStatus")) {
            out.add("HTTP " + answer.get("httpStatus") + " instead of a JSON-RPC answer: " + answer.get("body"));
            return out;
        }
        if (answer.has("error")) {
            int code = answer.get("error").path("code").asInt();
            boolean wanted = c.expect() == FuzzCase.Expect.UNKNOWN_TOOL && code == -32602
                    // A message nested beyond the parser's limit is read as far as its envelope: invalid request.
                    || c.expect() == FuzzCase.Expect.PARSE_ERROR && (code == -32700 || code == -32600);
            if (!wanted) {
                out.add("JSON-RPC error " + answer.get("error"));
            }
            return out;
        }
        if (c.expect() == FuzzCase.Expect.UNKNOWN_TOOL || c.expect() == FuzzCase.Expect.PARSE_ERROR) {
            out.add("expected a JSON-RPC error (" + c.expect() + "), got " + shorten(answer.toString()));
            return out;
        }
        JsonNode result = answer.path("result");
        String text = text(result);
        if (INTERNALS.matcher(text).find()) {
            out.add("stack trace or exception class in the result: " + shorten(text));
        }
        if (result.path("isError").asBoolean(false)) {
            Matcher m = CODE.matcher(text);
            String code = m.find() ? m.group(1) : null;
            if (code == null) {
                out.add("error result without a code: " + shorten(text));
            } else if (code.equals("INTERNAL")) {
                out.add("INTERNAL error: " + shorten(text));
            } else if (!code.equals(result.path("_meta").path("errorCode").asString(""))) {
                out.add("_meta.errorCode " + result.path("_meta") + " differs from the text's " + code);
            } else if (c.expect() == FuzzCase.Expect.INVALID_ARGUMENT && !code.equals("INVALID_ARGUMENT")) {
                out.add("arguments break the schema but the answer is " + shorten(text));
            }
        } else {
            if (c.expect() == FuzzCase.Expect.INVALID_ARGUMENT) {
                out.add("arguments break the schema but the call succeeded: " + shorten(text));
            }
            JsonNode structured = result.get("structuredContent");
            JsonNode schema = outputSchemas.get(c.tool());
            if (structured == null) {
                out.add("success without structuredContent");
            } else {
                var errors = compiled.computeIfAbsent(c.tool(), t -> SCHEMAS.getSchema(schema)).validate(structured);
                if (!errors.isEmpty()) {
                    out.add("structuredContent breaks the output schema: " + errors);
                }
                if (!structured.equals(json(text))) {
                    out.add("text content is not the structured JSON: " + shorten(text));
                }
            }
        }
        return out;
    }

    /** How an answer is counted in the run's summary: "success", "[CODE]" or "JSON-RPC error N". */
    static String kind(JsonNode answer) {
        if (answer == null) {
            return "no answer";
        }
        if (answer.has("error")) {
            return "JSON-RPC error " + answer.get("error").path("code").asInt();
        }
        if (answer.has("httpStatus") || answer.has("unparseable")) {
            return "not JSON-RPC";
        }
        if (!answer.path("result").path("isError").asBoolean(false)) {
            return "success";
        }
        Matcher m = CODE.matcher(text(answer.path("result")));
        return m.find() ? "[" + m.group(1) + "]" : "error without code";
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (RuntimeException e) {
            return null;
        }
    }

    static String text(JsonNode result) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode c : result.path("content")) {
            sb.append(c.path("text").asString(""));
        }
        return sb.toString();
    }

    static String shorten(String s) {
        return s.length() > 400 ? s.substring(0, 400) + "...(" + s.length() + " chars)" : s;
    }
}
