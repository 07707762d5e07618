package io.unistore.mcp;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import io.unistore.StorageException;
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
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(Dialects.getDraft202012());
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

    /**
     * @throws StorageException INVALID_ARGUMENT listing every broken rule, each with the argument's path
     */
    void validate(String toolName, Map<String, Object> schema, Map<String, Object> arguments) {
        Schema s = compiled.computeIfAbsent(toolName, n -> registry.getSchema(mapper.valueToTree(schema)));
        JsonNode node = mapper.valueToTree(arguments == null ? Map.of() : arguments);
        List<Error> errors = s.validate(node);
        if (!errors.isEmpty()) {
            String detail = errors.stream().map(ArgumentValidator::describe).distinct()
                    .collect(Collectors.joining("; "));
            throw new StorageException(io.unistore.ErrorCode.INVALID_ARGUMENT, "invalid arguments for " + toolName
                    + ": " + detail + ". Fix them as the tool's input schema says and call again");
        }
    }

    private static String describe(Error e) {
        String path = e.getInstanceLocation() == null ? "$" : e.getInstanceLocation().toString();
        String where = path.equals("$") ? "" : path.replaceFirst("^\\$\\.?", "") + ": ";
        String message = e.getMessage();
        if ("additionalProperties".equals(e.getKeyword()) && e.getProperty() != null) {
            return "unknown argument '" + (where.isEmpty() ? "" : where.replace(": ", ".")) + e.getProperty()
                    + "' is not accepted";
        }
        if ("required".equals(e.getKeyword()) && e.getProperty() != null) {
            return "missing required argument '" + (where.isEmpty() ? "" : where.replace(": ", ".")) + e.getProperty()
                    + "'";
        }
        return where + message;
    }
}
