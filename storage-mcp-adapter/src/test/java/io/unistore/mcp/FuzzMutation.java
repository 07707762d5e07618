package io.unistore.mcp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Applies a {@link FuzzStrategy} to valid arguments, in place, and says what it did. A strategy with nowhere
 * to apply (no integer to make huge, no required argument to drop) leaves the arguments valid and says so.
 */
final class FuzzMutation {
    /** How deep the arguments object itself sits in a tools/call message (message, params, arguments). */
    private static final int ENVELOPE_DEPTH = 3;
    /** The nesting the server's JSON parser accepts (Jackson's default). */
    private static final int PARSER_DEPTH_LIMIT = 500;

    private final FuzzValues values;
    private final FuzzSandbox sandbox;

    FuzzMutation(FuzzValues values, FuzzSandbox sandbox) {
        this.values = values;
        this.sandbox = sandbox;
    }

    String apply(FuzzStrategy strategy, Map<String, Object> args, Map<String, Object> schema) {
        List<FuzzSite> sites = FuzzSite.all(args, schema);
        return switch (strategy) {
            case VALID, UNKNOWN_TOOL -> "";
            case BOUNDARY -> boundary(sites);
            case WRONG_TYPE -> wrongType(sites);
            case UNKNOWN_FIELD -> unknownField(args, schema);
            case MISSING_REQUIRED -> missingRequired(args, schema);
            case DEEP_NESTING -> deepNesting(args, schema, sites);
            case HUGE_STRING -> hugeString(args, schema, sites);
            case UNICODE -> unicode(sites);
            case PATH_TRICK -> pathTrick(sites);
            case HUGE_NUMBER -> hugeNumber(sites);
            case UNPARSEABLE -> unparseable(args, schema, sites);
            case DEEP_EXPRESSION -> deepExpression(args, schema, sites);
            case DANGLING_LINK -> danglingLink(args, schema, sites);
        };
    }

    private FuzzSite site(List<FuzzSite> sites, Predicate<FuzzSite> filter) {
        List<FuzzSite> matching = sites.stream().filter(filter).toList();
        return matching.isEmpty() ? null : values.pick(matching);
    }

    private String boundary(List<FuzzSite> sites) {
        FuzzSite s = site(sites, x -> x.schema.containsKey("minimum") || x.schema.containsKey("maximum")
                || x.isString() || x.schema.containsKey("minItems") || x.get() instanceof Map<?, ?>);
        if (s == null) {
            return "no bounded value: valid";
        }
        Object value;
        if (s.schema.containsKey("minimum") || s.schema.containsKey("maximum")) {
            long min = Schemas.longOr(s.schema.get("minimum"), Integer.MIN_VALUE);
            long max = Schemas.longOr(s.schema.get("maximum"), Integer.MAX_VALUE);
            value = values.pick(List.of(min, max, min - 1, max + 1, 0L));
        } else if (s.isString()) {
            int length = values.pick(List.of(0, 1, 2, 3, 62, 63, 64, 255, 256, 1024, 1025, 4096));
            value = ((String) s.get()).isEmpty() ? "a".repeat(length)
                    : ((String) s.get()).repeat(length / ((String) s.get()).length() + 1).substring(0, length);
        } else if (s.schema.containsKey("minItems")) {
            List<?> l = (List<?>) s.get();
            int n = values.pick(List.of(0, Schemas.intOr(s.schema.get("maxItems"), 10),
                    Schemas.intOr(s.schema.get("maxItems"), 10) + 1));
            List<Object> items = new ArrayList<>();
            for (int i = 0; i < n && !l.isEmpty(); i++) {
                items.add(FuzzCases.copy(l.get(i % l.size())));
            }
            value = items;
        } else {
            value = new java.util.LinkedHashMap<>();
        }
        s.set(value);
        return s.name + " = " + shorten(value);
    }

    private String wrongType(List<FuzzSite> sites) {
        FuzzSite s = site(sites, x -> !Schemas.types(x.schema).isEmpty());
        if (s == null) {
            return "no typed value: valid";
        }
        List<String> allowed = Schemas.types(s.schema);
        List<Object> candidates = new ArrayList<>();
        if (!allowed.contains("string")) {
            candidates.addAll(List.of("12", "true", "", "null"));
        }
        if (!allowed.contains("integer") && !allowed.contains("number")) {
            candidates.addAll(List.of(7, 0, -1));
        }
        if (!allowed.contains("number")) {
            candidates.add(1.5);
        }
        if (!allowed.contains("boolean")) {
            candidates.add(values.random().nextBoolean());
        }
        if (!allowed.contains("object")) {
            candidates.add(new java.util.LinkedHashMap<>(Map.of("a", 1)));
        }
        if (!allowed.contains("array")) {
            candidates.add(new ArrayList<>(List.of(1, "a")));
        }
        candidates.add(null);
        Object value = values.pick(candidates);
        s.set(value);
        return s.name + " (" + allowed + ") = " + shorten(value);
    }

    private String unknownField(Map<String, Object> args, Map<String, Object> schema) {
        var target = values.pick(FuzzSite.objects(args, schema));
        String key = values.pick(List.of("bogus", "__proto__", "constructor", "Account", "account ", "", "\u0000",
                "containerName", "$ref", "k".repeat(1000), "\uD800", "prototype", "arguments"));
        target.getKey().put(key, values.pick(List.of("x", 1, true)));
        return "unknown '" + shorten(key) + "'";
    }

    private String missingRequired(Map<String, Object> args, Map<String, Object> schema) {
        List<String> done = new ArrayList<>();
        List<Map.Entry<Map<String, Object>, Map<String, Object>>> objects = new ArrayList<>(
                FuzzSite.objects(args, schema));
        Collections.shuffle(objects, new java.util.Random(values.random().nextLong()));
        for (var o : objects) {
            List<Object> required = Schemas.list(o.getValue().get("required"));
            if (!required.isEmpty()) {
                String key = (String) values.pick(required);
                o.getKey().remove(key);
                done.add(key);
                break;
            }
        }
        return done.isEmpty() ? "nothing required: valid" : "without " + done;
    }

    private String deepNesting(Map<String, Object> args, Map<String, Object> schema, List<FuzzSite> sites) {
        FuzzSite s = sites.isEmpty() ? null : values.pick(sites);
        int room = PARSER_DEPTH_LIMIT - ENVELOPE_DEPTH - (s == null ? 1 : s.depth) - 2;
        int depth = 10 + values.random().nextInt(Math.max(1, room - 10));
        Object leaf = s == null ? "x" : s.get();
        Object deep = FuzzTricks.nested(depth, leaf instanceof Map<?, ?> || leaf instanceof List<?> ? "x" : leaf,
                values.random().nextInt(3));
        return put(args, s, "transform", deep, "nested " + depth);
    }

    /** Puts {@code value} at the site, or under {@code fallback} when there is none; says what was done. */
    private static String put(Map<String, Object> args, FuzzSite s, String fallback, Object value, String what) {
        if (s == null) {
            args.put(fallback, value);
            return fallback + " = " + what;
        }
        s.set(value);
        return s.name + " = " + what;
    }

    private String hugeString(Map<String, Object> args, Map<String, Object> schema, List<FuzzSite> sites) {
        FuzzSite s = site(sites, FuzzSite::isString);
        int size = 1 << 20;
        String huge = switch (values.random().nextInt(4)) {
            case 0 -> "a".repeat(size);
            case 1 -> {
                StringBuilder sb = new StringBuilder(size);
                for (int i = 0; i < size; i++) {
                    sb.append((char) (0x20 + values.random().nextInt(0x5f)));
                }
                yield sb.toString();
            }
            case 2 -> "\u20AC".repeat(size / 3);
            default -> s == null || ((String) s.get()).isEmpty() ? "fz-a".repeat(size / 4)
                    : ((String) s.get()).repeat(size / ((String) s.get()).length());
        };
        return put(args, s, "bogus", huge, "a megabyte (" + shorten(huge) + ")");
    }

    private String unicode(List<FuzzSite> sites) {
        List<FuzzSite> strings = sites.stream().filter(FuzzSite::isString).toList();
        if (strings.isEmpty()) {
            return "no string: valid";
        }
        StringBuilder note = new StringBuilder();
        for (int i = 0; i < 1 + values.random().nextInt(3); i++) {
            FuzzSite s = values.pick(strings);
            String trick = values.pick(FuzzTricks.UNICODE);
            String old = (String) s.get();
            String value = switch (values.random().nextInt(3)) {
                case 0 -> trick;
                case 1 -> old + trick;
                default -> trick + old;
            };
            s.set(value);
            note.append(s.name).append(" = ").append(shorten(value)).append("; ");
        }
        return note.toString();
    }

    private String pathTrick(List<FuzzSite> sites) {
        FuzzSite s = site(sites, x -> x.isString() && x.name.endsWith("Path"));
        if (s == null || values.chance(40)) {
            FuzzSite named = site(sites, FuzzSite::isString);
            if (named != null) {
                s = named;
            }
        }
        if (s == null) {
            return "no string: valid";
        }
        String value = s.name.endsWith("Path") ? values.pick(FuzzTricks.paths(sandbox))
                : values.pick(FuzzTricks.names(sandbox));
        s.set(value);
        return s.name + " = " + shorten(value);
    }

    private String hugeNumber(List<FuzzSite> sites) {
        FuzzSite s = site(sites, x -> x.get() instanceof Number);
        if (s == null) {
            s = site(sites, x -> Schemas.types(x.schema).contains("integer")
                    || Schemas.types(x.schema).contains("number"));
        }
        if (s == null) {
            return "no number: valid";
        }
        Object value = values.pick(FuzzTricks.numbers());
        s.set(value);
        return s.name + " = " + shorten(value);
    }

    private String unparseable(Map<String, Object> args, Map<String, Object> schema, List<FuzzSite> sites) {
        int shape = values.random().nextInt(3);
        int size = shape == 2 ? 1001 + values.random().nextInt(4000) : 501 + values.random().nextInt(20000);
        JsonText.Raw raw = FuzzTricks.unparseable(size, shape);
        return put(args, sites.isEmpty() ? null : values.pick(sites), "bogus", raw, raw.toString());
    }

    private String deepExpression(Map<String, Object> args, Map<String, Object> schema, List<FuzzSite> sites) {
        String deep = FuzzTricks.deepExpression(1000 + values.random().nextInt(50_000), values.random().nextInt(4));
        FuzzSite s = site(sites, x -> x.isString() && x.name.equals("filter"));
        if (s == null && schema.containsKey("properties") && Schemas.map(schema.get("properties"))
                .containsKey("transform")) {
            args.put("transform", new java.util.LinkedHashMap<>(Map.of("steps", new ArrayList<>(List.of(
                    new java.util.LinkedHashMap<>(Map.of("op", "where", "filter", deep)))))));
            return "transform where " + shorten(deep);
        }
        if (s == null) {
            s = site(sites, FuzzSite::isString);
        }
        if (s == null) {
            return "no string: valid";
        }
        s.set(deep);
        return s.name + " = " + shorten(deep);
    }

    private String danglingLink(Map<String, Object> args, Map<String, Object> schema, List<FuzzSite> sites) {
        FuzzSite s = site(sites, x -> x.isString() && x.name.endsWith("Path"));
        String link = sandbox.allowed.resolve("dangling-" + values.random().nextInt(FuzzSandbox.DANGLING_LINKS))
                .toString();
        // Checkpoints are written through the link (downloads replace it): aim there first.
        if (Schemas.map(schema.get("properties")).containsKey("checkpointPath")) {
            args.put("checkpointPath", link);
            return "checkpointPath = " + link;
        }
        if (s == null) {
            for (String name : List.of("localPath", "checkpointPath")) {
                if (Schemas.map(schema.get("properties")).containsKey(name)) {
                    args.put(name, link);
                    return name + " = " + link;
                }
            }
            return "no local path: valid";
        }
        s.set(link);
        return s.name + " = " + link;
    }

    private static final int LIMIT = 300;

    static String shorten(Object value) {
        String s = String.valueOf(value);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.min(s.length(), LIMIT); i++) {
            char c = s.charAt(i);
            out.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return s.length() > LIMIT ? out + "...(" + s.length() + " chars)" : out.toString();
    }
}
