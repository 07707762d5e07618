package io.unistore.mcp;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes tool calls from the tools' input schemas: case {@code i} of a run depends only on the seed, the
 * transport's name and {@code i}, so any case can be made again alone to replay it. Whether the arguments
 * break the schema is decided by the JSON Schema validator the server itself uses, reading the same text.
 */
final class FuzzCases {
    private static final JsonMapper JSON = JsonMapper.shared();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(Dialects.getDraft202012());

    private final long seed;
    private final String transport;
    private final Map<String, Map<String, Object>> inputSchemas;
    private final Map<String, Schema> compiled = new LinkedHashMap<>();
    private final FuzzSandbox sandbox;
    private final List<String> accounts;
    private final List<FuzzStrategy> strategies;

    FuzzCases(long seed, String transport, Map<String, Map<String, Object>> inputSchemas, FuzzSandbox sandbox,
              List<String> accounts, boolean knownHoles) {
        this.seed = seed;
        this.transport = transport;
        this.inputSchemas = inputSchemas;
        this.sandbox = sandbox;
        this.accounts = accounts;
        this.strategies = List.of(FuzzStrategy.values()).stream().filter(s -> knownHoles || !s.knownHole).toList();
        inputSchemas.forEach((tool, schema) -> compiled.put(tool, SCHEMAS.getSchema(JSON.valueToTree(schema))));
    }

    List<FuzzStrategy> strategies() {
        return strategies;
    }

    FuzzCase generate(int index) {
        long mixed = seed * 0x9E3779B97F4A7C15L + transport.hashCode() * 0xBF58476D1CE4E5B9L + index;
        FuzzValues values = new FuzzValues(new SplittableRandom(mixed), sandbox, accounts);
        FuzzStrategy strategy = pickStrategy(values);
        List<String> tools = List.copyOf(inputSchemas.keySet());
        String tool = values.pick(tools);
        Map<String, Object> schema = inputSchemas.get(tool);
        Map<String, Object> args = copy(values.object(schema, "arguments", 0));
        String note = new FuzzMutation(values, sandbox).apply(strategy, args, schema);
        if (strategy == FuzzStrategy.UNKNOWN_TOOL) {
            tool = values.pick(List.of("drop-everything", "list-containers ", "LIST-CONTAINERS", "", "../list-blobs",
                    "list_containers", "\u0000", tool + "x"));
        }
        Map<String, Object> call = new LinkedHashMap<>();
        call.put("name", tool);
        call.put("arguments", args);
        String params = JsonText.write(call);
        FuzzCase.Expect expect = switch (strategy) {
            case UNKNOWN_TOOL -> FuzzCase.Expect.UNKNOWN_TOOL;
            case UNPARSEABLE -> FuzzCase.Expect.PARSE_ERROR;
            default -> breaksSchema(tool, params) ? FuzzCase.Expect.INVALID_ARGUMENT : FuzzCase.Expect.RESULT;
        };
        return new FuzzCase(seed, transport, index, strategy, tool, params, expect, note);
    }

    private FuzzStrategy pickStrategy(FuzzValues values) {
        int total = strategies.stream().mapToInt(s -> s.weight).sum();
        int n = values.random().nextInt(total);
        for (FuzzStrategy s : strategies) {
            n -= s.weight;
            if (n < 0) {
                return s;
            }
        }
        throw new IllegalStateException();
    }

    /**
     * Whether the server's validator refuses these params' arguments: read as the server reads them. A value
     * the validator cannot even compare (a double beyond 64 bits against an integer bound) breaks the schema too.
     */
    private boolean breaksSchema(String tool, String params) {
        Map<?, ?> parsed = JSON.readValue(params, Map.class);
        try {
            return !compiled.get(tool).validate(JSON.valueToTree(parsed.get("arguments"))).isEmpty();
        } catch (RuntimeException e) {
            return true;
        }
    }

    /** Generated values may share immutable pieces (hints); mutations need their own mutable copy. */
    @SuppressWarnings("unchecked")
    static <T> T copy(T value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put((String) k, copy(v)));
            return (T) out;
        }
        if (value instanceof List<?> l) {
            return (T) l.stream().map(FuzzCases::copy).collect(Collectors.toCollection(ArrayList::new));
        }
        return value;
    }
}
