package io.unistore.mcp;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.path.NodePath;
import io.unistore.StorageException;
import io.unistore.spi.NameRules;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks tool arguments against the tool's input schema before anything runs, with the JSON Schema
 * validator the MCP SDK ships (networknt, draft 2020-12). Messages name each offending argument.
 */
final class ArgumentValidator {
    private final JsonMapper mapper = JsonMapper.shared();
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

    /** Made on the first call, not at start-up: it loads ~190 classes a client waiting for tools/list does not need. */
    private static final class Registry {
        static final SchemaRegistry INSTANCE = SchemaRegistry.withDefaultDialect(Dialects.getDraft202012());
    }

    /**
     * @throws StorageException INVALID_ARGUMENT listing every broken rule, each with the argument's path
     */
    void validate(String toolName, Map<String, Object> schema, Map<String, Object> arguments) {
        Schema s = compiled.computeIfAbsent(toolName, n -> Registry.INSTANCE.getSchema(mapper.valueToTree(schema)));
        JsonNode node = mapper.valueToTree(arguments == null ? Map.of() : arguments);
        List<Error> errors;
        try {
            errors = s.validate(node);
        } catch (RuntimeException e) {
            // The validator compares a number with an integer bound as a long, and throws on a double beyond
            // 64 bits (1e308, 1e400 read as infinity): such a number is beyond every bound of these schemas.
            throw new StorageException(io.unistore.ErrorCode.INVALID_ARGUMENT, "invalid arguments for " + toolName
                    + ": " + outOfRange(node, ""));
        }
        if (!errors.isEmpty()) {
            String detail = errors.stream().map(ArgumentValidator::describe).distinct()
                    .collect(Collectors.joining("; "));
            throw new StorageException(io.unistore.ErrorCode.INVALID_ARGUMENT, "invalid arguments for " + toolName
                    + ": " + detail);
        }
        wellFormed(node, "");
    }

    /**
     * Refuses text with an unpaired surrogate anywhere in the arguments. JSON can carry one (as an escape), but
     * it is not Unicode: no UTF-8 URL, header, file name or MCP answer can hold it, and the cloud SDKs fail on
     * it with their own exceptions.
     */
    private static void wellFormed(JsonNode node, String path) {
        if (node.isString()) {
            NameRules.wellFormed(path.isEmpty() ? "arguments" : path, node.asString());
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
            NameRules.wellFormed(child + " (its name)", field.getKey());
            wellFormed(field.getValue(), child);
        }
        for (int i = 0; node.isArray() && i < node.size(); i++) {
            wellFormed(node.get(i), path + "[" + i + "]");
        }
    }

    private static String describe(Error e) {
        String path = path(e.getInstanceLocation());
        String prefix = path.isEmpty() ? "" : path + ".";
        if ("additionalProperties".equals(e.getKeyword()) && e.getProperty() != null) {
            return "unknown argument '" + prefix + e.getProperty() + "' is not accepted";
        }
        if ("required".equals(e.getKeyword()) && e.getProperty() != null) {
            return "missing required argument '" + prefix + e.getProperty() + "'";
        }
        String message = e.getMessage();
        // The validator starts messages with the JSON path ("$.top: ..."); say the argument's name instead.
        message = message.replaceFirst("^\\$[^:\\s]*:\\s*", "");
        return (path.isEmpty() ? "arguments" : path) + ": " + message;
    }

    /** The first number beyond 64 bits under {@code node}, named by its argument path. */
    private static String outOfRange(JsonNode node, String path) {
        if (node.isNumber() && !node.canConvertToLong()) {
            return (path.isEmpty() ? "arguments" : path) + ": " + node + " is beyond every allowed range";
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String found = outOfRange(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey());
            if (found != null) {
                return found;
            }
        }
        for (int i = 0; node.isArray() && i < node.size(); i++) {
            String found = outOfRange(node.get(i), path + "[" + i + "]");
            if (found != null) {
                return found;
            }
        }
        return path.isEmpty() ? "a value cannot be checked against the input schema" : null;
    }

    /** The argument path as "entity.properties.x" or "entities[2].action". */
    private static String path(NodePath location) {
        StringBuilder sb = new StringBuilder();
        if (location != null) {
            for (int i = 0; i < location.getNameCount(); i++) {
                Object element = location.getElement(i);
                if (element instanceof Number n) {
                    sb.append('[').append(n).append(']');
                } else {
                    sb.append(sb.length() == 0 ? "" : ".").append(element);
                }
            }
        }
        return sb.toString();
    }
}
