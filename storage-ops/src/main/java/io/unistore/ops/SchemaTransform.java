package io.unistore.ops;

import io.unistore.NamingRules;
import io.unistore.StorageException;
import io.unistore.table.Filter;
import io.unistore.table.PropertyType;
import io.unistore.table.TableEntity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A declarative schema transform ({@code transform-table-schema}): an ordered list of steps applied to each
 * entity. The JSON spec:
 *
 * <pre>{@code
 * {"steps": [
 *   {"op": "rename", "from": "Old", "to": "New"},
 *   {"op": "drop", "properties": ["Temp", "Debug"]},
 *   {"op": "cast", "property": "Age", "type": "INT64", "onError": "fail"},
 *   {"op": "compute", "property": "Code", "template": "{Region}-{Id|pad:6}", "type": "STRING",
 *    "ifMissing": "fail"},
 *   {"op": "partitionKey", "template": "{Region|upper}"},
 *   {"op": "rowKey", "template": "{Id}"},
 *   {"op": "where", "filter": "Age ge 18"}
 * ]}
 * }</pre>
 *
 * <ul>
 *   <li>{@code rename}: moves a property to a new name (replacing one of that name); absent: nothing.</li>
 *   <li>{@code drop}: removes properties.</li>
 *   <li>{@code cast}: converts a property to a {@link PropertyType}: numbers convert numerically (a double to an
 *       integer only when it is integral and in range), everything else through its canonical text (see
 *       storage-ops README). {@code onError}: {@code fail} (default), {@code drop} the property, or
 *       {@code keep} it unchanged.</li>
 *   <li>{@code compute}: sets a property from a template (see {@link Template}: {@code {Name}},
 *       {@code {Name|upper}}, {@code |lower}, {@code |trim}, {@code |pad:N}), parsed as {@code type} (default
 *       STRING). {@code ifMissing} (a named property is absent): {@code fail} (default), {@code skip} the
 *       step, or {@code empty} (missing names render as "").</li>
 *   <li>{@code partitionKey} / {@code rowKey}: sets a key from a template (same rules, {@code ifMissing} too).</li>
 *   <li>{@code where}: an OData filter; entities that do not match are left out (in place: left unchanged).</li>
 * </ul>
 *
 * <p>There is no scripting: templates and filters are data. A step that fails throws INVALID_ARGUMENT naming
 * the step, the entity's keys and the rule. Immutable and thread-safe.
 */
public final class SchemaTransform {
    private static final SchemaTransform IDENTITY = new SchemaTransform(List.of(), "{\"steps\":[]}");

    private final List<Step> steps;
    private final String spec;

    private SchemaTransform(List<Step> steps, String spec) {
        this.steps = steps;
        this.spec = spec;
    }

    /** The transform that changes nothing. */
    public static SchemaTransform identity() {
        return IDENTITY;
    }

    /**
     * Parses a JSON spec.
     *
     * @throws StorageException INVALID_ARGUMENT naming the step and field that are wrong
     */
    public static SchemaTransform parse(String json) {
        JsonNode root = Json.parse(json, "transform");
        JsonNode stepsNode = root.get("steps");
        if (!root.isObject() || stepsNode == null || !stepsNode.isArray()) {
            throw StorageException.invalidArgument("transform", "must be an object with a \"steps\" array");
        }
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < stepsNode.size(); i++) {
            steps.add(Step.parse(stepsNode.get(i), "transform.steps[" + i + "]"));
        }
        return new SchemaTransform(List.copyOf(steps), Json.write(root));
    }

    /** The spec as compact JSON. */
    public String toJson() {
        return spec;
    }

    /** Whether any step sets a key. */
    public boolean changesKeys() {
        return steps.stream().anyMatch(s -> s instanceof SetKey);
    }

    /** Whether the transform has no step. */
    public boolean isIdentity() {
        return steps.isEmpty();
    }

    /**
     * Applies the steps to an entity.
     *
     * @return the transformed entity (without ETag and timestamp), or null when a {@code where} step leaves it out
     * @throws StorageException INVALID_ARGUMENT when a step fails
     */
    public TableEntity apply(TableEntity entity) {
        TableEntity current = TableEntity.builder(entity.partitionKey(), entity.rowKey())
                .putAll(entity.properties()).build();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            try {
                current = step.apply(current);
            } catch (IllegalArgumentException | StorageException e) {
                throw StorageException.invalidArgument("transform.steps[" + i + "] (" + step + ")",
                        e.getMessage() + " (entity " + entity.partitionKey() + "/" + entity.rowKey() + ")");
            }
            if (current == null) {
                return null;
            }
        }
        return current;
    }

    @Override
    public String toString() {
        return spec;
    }

    /** One step. */
    private sealed interface Step {
        TableEntity apply(TableEntity e);

        static Step parse(JsonNode node, String where) {
            if (node == null || !node.isObject()) {
                throw StorageException.invalidArgument(where, "must be an object with an \"op\"");
            }
            String op = text(node, where, "op");
            if (op == null) {
                throw StorageException.invalidArgument(where + ".op", "is required");
            }
            Step step = switch (op) {
                case "rename" -> new Rename(required(node, where, "from"), required(node, where, "to"));
                case "drop" -> new Drop(names(node, where));
                case "cast" -> new Cast(required(node, where, "property"),
                        type(where, required(node, where, "type")),
                        choice(node, where, "onError", "fail", "drop", "keep"));
                case "compute" -> new Compute(required(node, where, "property"),
                        Template.parse(required(node, where, "template"), where + ".template"),
                        node.has("type") ? type(where, required(node, where, "type")) : PropertyType.STRING,
                        choice(node, where, "ifMissing", "fail", "skip", "empty"));
                case "partitionKey", "rowKey" -> new SetKey(op.equals("partitionKey"),
                        Template.parse(required(node, where, "template"), where + ".template"),
                        choice(node, where, "ifMissing", "fail", "skip", "empty"));
                case "where" -> new Where(filter(where, required(node, where, "filter")));
                default -> throw StorageException.invalidArgument(where + ".op", "'" + op + "' is not one of "
                        + "rename, drop, cast, compute, partitionKey, rowKey, where");
            };
            checkFields(node, where, op);
            return step;
        }

        private static void checkFields(JsonNode node, String where, String op) {
            Set<String> allowed = new HashSet<>(Set.of("op"));
            allowed.addAll(switch (op) {
                case "rename" -> Set.of("from", "to");
                case "drop" -> Set.of("properties");
                case "cast" -> Set.of("property", "type", "onError");
                case "compute" -> Set.of("property", "template", "type", "ifMissing");
                case "where" -> Set.of("filter");
                default -> Set.of("template", "ifMissing");
            });
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (!allowed.contains(field.getKey())) {
                    throw StorageException.invalidArgument(where + "." + field.getKey(),
                            "is not a field of '" + op + "' (fields: " + allowed + ")");
                }
            }
        }

        /**
         * A string field, or null when absent or JSON null. Anything else is refused: a spec comes from a client,
         * and an object where a name belongs is a mistake to name, not a value to coerce.
         */
        private static String text(JsonNode node, String where, String field) {
            JsonNode v = node.get(field);
            if (v == null || v.isNull()) {
                return null;
            }
            if (!v.isString()) {
                throw StorageException.invalidArgument(where + "." + field, "must be a string, was " + kind(v));
            }
            return v.asString();
        }

        private static String kind(JsonNode v) {
            return v.isObject() ? "an object" : v.isArray() ? "an array" : v.isNumber() ? "a number"
                    : v.isBoolean() ? "a boolean" : v.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
        }

        private static String required(JsonNode node, String where, String field) {
            String v = text(node, where, field);
            if (v == null || v.isEmpty()) {
                throw StorageException.invalidArgument(where + "." + field, "is required");
            }
            return v;
        }

        private static String propertyName(String where, String name) {
            // Bounded as every table service bounds names: a megabyte name made a megabyte dry-run preview.
            if (!NamingRules.PORTABLE_PROPERTY_NAMES.allows(name) || name.equals(TableEntity.PARTITION_KEY)
                    || name.equals(TableEntity.ROW_KEY) || name.equals(TableEntity.TIMESTAMP)) {
                String shown = name.length() > 80 ? name.substring(0, 80) + "..." : name;
                throw StorageException.invalidArgument(where, "'" + shown + "' must be a property name, "
                        + NamingRules.PORTABLE_PROPERTY_NAMES.description() + " (keys are set with the partitionKey "
                        + "and rowKey steps)");
            }
            return name;
        }

        private static List<String> names(JsonNode node, String where) {
            JsonNode list = node.get("properties");
            if (list == null || !list.isArray() || list.isEmpty()) {
                throw StorageException.invalidArgument(where + ".properties", "must be a non-empty array of names");
            }
            List<String> names = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                JsonNode n = list.get(i);
                if (!n.isString()) {
                    throw StorageException.invalidArgument(where + ".properties[" + i + "]", "must be a string, was "
                            + kind(n));
                }
                names.add(propertyName(where + ".properties", n.asString()));
            }
            return List.copyOf(names);
        }

        private static PropertyType type(String where, String name) {
            try {
                return PropertyType.parse(name);
            } catch (StorageException e) {
                throw StorageException.invalidArgument(where + ".type", e.getMessage());
            }
        }

        private static Filter filter(String where, String text) {
            try {
                return Filter.parse(text);
            } catch (StorageException e) {
                throw StorageException.invalidArgument(where + ".filter", e.getMessage());
            }
        }

        private static String choice(JsonNode node, String where, String field, String... allowed) {
            String v = text(node, where, field);
            if (v == null) {
                return allowed[0];
            }
            if (!List.of(allowed).contains(v)) {
                throw StorageException.invalidArgument(where + "." + field, "must be one of " + List.of(allowed)
                        + ", was '" + v + "'");
            }
            return v;
        }
    }

    private record Rename(String from, String to) implements Step {
        Rename {
            Step.propertyName("rename.from", from);
            Step.propertyName("rename.to", to);
        }

        @Override
        public TableEntity apply(TableEntity e) {
            if (!e.has(from)) {
                return e;
            }
            Object v = e.get(from);
            return e.toBuilder().remove(from).put(to, v).build();
        }

        @Override
        public String toString() {
            return "rename " + from + " to " + to;
        }
    }

    private record Drop(List<String> properties) implements Step {
        @Override
        public TableEntity apply(TableEntity e) {
            TableEntity.Builder b = e.toBuilder();
            properties.forEach(b::remove);
            return b.build();
        }

        @Override
        public String toString() {
            return "drop " + properties;
        }
    }

    private record Cast(String property, PropertyType type, String onError) implements Step {
        Cast {
            Step.propertyName("cast.property", property);
        }

        @Override
        public TableEntity apply(TableEntity e) {
            Object v = e.get(property);
            if (v == null) {
                return e;
            }
            try {
                return e.toBuilder().put(property, Casts.cast(v, type)).build();
            } catch (IllegalArgumentException ex) {
                return switch (onError) {
                    case "drop" -> e.toBuilder().remove(property).build();
                    case "keep" -> e;
                    default -> throw ex;
                };
            }
        }

        @Override
        public String toString() {
            return "cast " + property + " to " + type;
        }
    }

    private record Compute(String property, Template template, PropertyType type, String ifMissing) implements Step {
        Compute {
            Step.propertyName("compute.property", property);
        }

        @Override
        public TableEntity apply(TableEntity e) {
            String text = render(template, e, ifMissing);
            if (text == null) {
                return e;
            }
            return e.toBuilder().put(property, ValueText.parse(text, type)).build();
        }

        @Override
        public String toString() {
            return "compute " + property + " = \"" + template + "\"";
        }
    }

    private record SetKey(boolean partition, Template template, String ifMissing) implements Step {
        @Override
        public TableEntity apply(TableEntity e) {
            String key = render(template, e, ifMissing);
            if (key == null) {
                return e;
            }
            TableEntity.Builder b = partition ? TableEntity.builder(key, e.rowKey())
                    : TableEntity.builder(e.partitionKey(), key);
            return b.putAll(e.properties()).build();
        }

        @Override
        public String toString() {
            return (partition ? "partitionKey" : "rowKey") + " = \"" + template + "\"";
        }
    }

    private record Where(Filter filter) implements Step {
        @Override
        public TableEntity apply(TableEntity e) {
            return filter.test(e) ? e : null;
        }

        @Override
        public String toString() {
            return "where " + filter.toOData();
        }
    }

    /** Renders, handling missing names: null means skip the step. */
    private static String render(Template template, TableEntity e, String ifMissing) {
        String text = template.render(e);
        if (text != null) {
            return text;
        }
        return switch (ifMissing) {
            case "skip" -> null;
            case "empty" -> {
                TableEntity.Builder filled = e.toBuilder();
                for (String name : template.properties()) {
                    if (!name.equals(TableEntity.PARTITION_KEY) && !name.equals(TableEntity.ROW_KEY) && !e.has(name)) {
                        filled.put(name, "");
                    }
                }
                yield template.render(filled.build());
            }
            default -> throw new IllegalArgumentException("template \"" + template + "\" names a property the "
                    + "entity does not have (" + template.properties() + ")");
        };
    }
}
