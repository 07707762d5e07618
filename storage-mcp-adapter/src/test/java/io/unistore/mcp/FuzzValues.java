package io.unistore.mcp;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Values for one tool's arguments, made from its input schema: types, enums, minimum/maximum, minLength,
 * properties/required/additionalProperties, items/minItems/maxItems, anyOf. For strings whose argument name
 * says what they hold (a container, a table, a local path...) half the values come from a small pool of
 * plausible ones instead, so calls get past name rules and act on what earlier calls created; the pool is
 * chosen by the name, never by the tool, so a new tool is fuzzed without touching this class.
 */
final class FuzzValues {
    private final SplittableRandom random;
    private final FuzzSandbox sandbox;
    private final List<String> accounts;

    FuzzValues(SplittableRandom random, FuzzSandbox sandbox, List<String> accounts) {
        this.random = random;
        this.sandbox = sandbox;
        this.accounts = accounts;
    }

    SplittableRandom random() {
        return random;
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    /** A value valid for {@code schema}, for an argument called {@code name}. */
    Object valid(Map<String, Object> schema, String name, int depth) {
        List<Object> enumValues = Schemas.list(schema.get("enum"));
        if (!enumValues.isEmpty()) {
            return pick(enumValues);
        }
        List<Object> anyOf = Schemas.list(schema.get("anyOf"));
        if (!anyOf.isEmpty()) {
            return valid(Schemas.map(pick(anyOf)), name, depth);
        }
        List<String> types = Schemas.types(schema);
        String type = types.isEmpty() ? null : pick(types);
        if (type == null) {
            return untyped(name, depth);
        }
        return switch (type) {
            case "string" -> string(schema, name);
            case "integer" -> integer(schema);
            case "number" -> chance(50) ? (Object) (random.nextInt(2000) - 1000) : (Object) (random.nextDouble() * 1e6);
            case "boolean" -> random.nextBoolean();
            case "object" -> object(schema, name, depth);
            case "array" -> array(schema, name, depth);
            default -> null;
        };
    }

    /** An object with every required property, some optional ones, and extra keys where the schema allows. */
    Map<String, Object> object(Map<String, Object> schema, String name, int depth) {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> props = Schemas.map(schema.get("properties"));
        List<Object> required = Schemas.list(schema.get("required"));
        for (Map.Entry<String, Object> p : props.entrySet()) {
            if (required.contains(p.getKey()) || chance(35)) {
                out.put(p.getKey(), valid(Schemas.map(p.getValue()), p.getKey(), depth + 1));
            }
        }
        Object extra = schema.get("additionalProperties");
        if (extra instanceof Map<?, ?> extraSchema) {
            int n = random.nextInt(4);
            for (int i = 0; i < n; i++) {
                out.put(pick(List.of("Age", "Name", "k" + i, "Active", "Score", "When")),
                        valid(Schemas.map(extraSchema), name + ".value", depth + 1));
            }
        } else if (props.isEmpty() && !Boolean.FALSE.equals(extra)) {
            Object hinted = hint(name);
            return hinted instanceof Map<?, ?> ? Schemas.map(hinted) : out;
        }
        return out;
    }

    private List<Object> array(Map<String, Object> schema, String name, int depth) {
        int min = Schemas.intOr(schema.get("minItems"), 0);
        int max = Math.min(Schemas.intOr(schema.get("maxItems"), 6), min + 4);
        int n = min + random.nextInt(Math.max(1, max - min + 1));
        Object items = schema.get("items");
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(items instanceof Map<?, ?> m ? valid(Schemas.map(m), name, depth + 1)
                    : pick(List.of("PartitionKey", "RowKey", "Age", "Name", "Timestamp")));
        }
        return out;
    }

    private Object integer(Map<String, Object> schema) {
        long min = Schemas.longOr(schema.get("minimum"), -1000);
        long max = Schemas.longOr(schema.get("maximum"), 1000);
        return switch (random.nextInt(4)) {
            case 0 -> min;
            case 1 -> Math.min(max, min + 1 + random.nextInt(5));
            default -> min + (long) (random.nextDouble() * Math.min(max - min, 200));
        };
    }

    private Object untyped(String name, int depth) {
        Object hinted = hint(name);
        if (hinted != null && chance(70)) {
            return hinted;
        }
        return switch (random.nextInt(5)) {
            case 0 -> "text";
            case 1 -> random.nextInt(100);
            case 2 -> depth > 3 ? List.of() : List.of(untyped(name, depth + 1));
            case 3 -> depth > 3 ? Map.of() : new LinkedHashMap<>(Map.of("steps", List.of(untyped(name, depth + 1))));
            default -> random.nextBoolean();
        };
    }

    private String string(Map<String, Object> schema, String name) {
        int minLength = Schemas.intOr(schema.get("minLength"), 0);
        Object hinted = hint(name);
        if (hinted instanceof String s && s.length() >= minLength && chance(75)) {
            return s;
        }
        StringBuilder sb = new StringBuilder();
        int n = minLength + random.nextInt(12);
        String alphabet = pick(List.of("abcdefghijklmnopqrstuvwxyz0123456789", "ABCxyz019-_./ ", "abc-"));
        for (int i = 0; i < n; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    /** A plausible value for an argument of this name, or null when the name says nothing. */
    Object hint(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        if (n.endsWith("account")) {
            return pick(accounts);
        }
        if (n.endsWith("path") && !n.equals("path")) {
            return sandbox.allowed.resolve(pick(List.of("in.txt", "data.csv", "out-" + random.nextInt(4) + ".bin",
                    "sub/out.txt", "journal-" + random.nextInt(3) + ".json"))).toString();
        }
        if (n.endsWith("container")) {
            return pick(List.of("fz-a", "fz-b", "fz-c"));
        }
        if (n.endsWith("table")) {
            return pick(List.of("Fza", "Fzb", "Fzc"));
        }
        if (n.endsWith("blob")) {
            return pick(List.of("a.txt", "dir/b.bin", "dir/sub/c.json", "d.csv"));
        }
        return switch (n) {
            case "queue" -> pick(List.of("fz-q1", "fz-q2"));
            case "share" -> pick(List.of("fz-s1", "fz-s2"));
            case "path" -> pick(List.of("dir", "dir/f.txt", "f.txt", "dir/sub"));
            case "prefix", "sourceprefix", "targetprefix" -> pick(List.of("", "dir/", "a", "fz-", "F"));
            case "delimiter" -> "/";
            case "partitionkey" -> pick(List.of("p1", "p2", ""));
            case "rowkey" -> pick(List.of("r1", "r2", "r3"));
            case "filter" -> pick(List.of("PartitionKey eq 'p1'", "RowKey gt 'r1' and Age lt 30", "Age ge 1",
                    "not (Active eq true)", "Name eq 'O''Brien'", "When lt datetime'2030-01-01T00:00:00Z'"));
            case "pointintime" -> pick(List.of("2020-01-01T00:00:00Z", java.time.Instant.now().toString()));
            case "content" -> pick(List.of("hello", "PartitionKey,RowKey,Age\np1,r9,40\n", "aGVsbG8=", ""));
            case "message" -> pick(List.of("hello", "aGVsbG8=", "{\"a\":1}"));
            case "contenttype" -> pick(List.of("text/plain", "application/json", "text/csv",
                    "application/octet-stream"));
            case "ifmatch" -> pick(List.of("*", "\"0x1\"", "W/\"datetime'2020-01-01T00%3A00%3A00Z'\""));
            case "versionid", "snapshot" -> pick(List.of("2020-01-01T00:00:00Z", "1", java.time.Instant.now()
                    .toString()));
            case "messageid", "popreceipt" -> UUID.randomUUID().toString();
            case "continuationtoken" -> Base64.getEncoder().encodeToString(("fz" + random.nextInt(1000)).getBytes());
            case "backuproot" -> pick(List.of("tables/Fza", "containers/fz-a", "backups"));
            case "type" -> pick(List.of("Int64", "DateTime", "Binary", "Guid", "Double", "Edm.String", "Int32",
                    "Boolean", "Edm.Int64"));
            case "value" -> pick(List.of("9007199254740993", "2020-01-01T00:00:00Z", "AAEC",
                    "6f0c0a5e-1b9a-4c4e-9d2b-0c1d2e3f4a5b", "NaN", "1.5"));
            case "transform" -> Map.of("steps", List.of(pick(List.of(
                    Map.of("op", "rename", "from", "Age", "to", "Years"),
                    Map.of("op", "drop", "properties", List.of("Name")),
                    Map.of("op", "cast", "property", "Age", "type", "INT64", "onError", "keep"),
                    Map.of("op", "compute", "property", "Code", "template", "{PartitionKey|upper}-{RowKey|pad:6}"),
                    Map.of("op", "where", "filter", "Age ge 18")))));
            case "metadata" -> Map.of("k1", "v1");
            default -> null;
        };
    }
}
