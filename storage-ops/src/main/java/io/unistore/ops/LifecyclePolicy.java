package io.unistore.ops;

import io.unistore.StorageException;
import io.unistore.blob.AccessTier;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Lifecycle rules in the model of Azure Storage lifecycle-management policies: rules with filters
 * ({@code prefixMatch} starting with the container name, {@code blobTypes}) and base-blob actions
 * ({@code tierToCool}, {@code tierToCold}, {@code tierToArchive}, {@code delete}), each after a number of days
 * since modification, creation or the last read, and the same actions on snapshots and previous versions after
 * days since their creation. {@link #parse} reads Azure's JSON, and imports an S3 lifecycle configuration
 * (JSON, {@code Rules} with {@code Transitions} and {@code Expiration}) into the same model.
 *
 * @param rules the enabled rules, in order
 */
public record LifecyclePolicy(List<Rule> rules) {
    /** What an action does, from the least to the most saving (Azure applies the most saving that is due). */
    public enum Action {
        /** Not Azure's: gzip the blob in place ({@code Content-Encoding: gzip}); on base blobs only. */
        COMPRESS("compress", null),
        TIER_TO_COOL("tierToCool", AccessTier.COOL),
        TIER_TO_COLD("tierToCold", AccessTier.COLD),
        TIER_TO_ARCHIVE("tierToArchive", AccessTier.ARCHIVE),
        DELETE("delete", null);

        /** The action's name in Azure's JSON. */
        public final String azureName;
        /** The tier it moves to; null for delete and compress. */
        public final AccessTier tier;

        Action(String azureName, AccessTier tier) {
            this.azureName = azureName;
            this.tier = tier;
        }
    }

    /**
     * When an action is due: more than this many days since modification, creation or the last read (exactly one
     * is set; the others are null).
     */
    public record Condition(Integer daysAfterModificationGreaterThan, Integer daysAfterCreationGreaterThan,
                            Integer daysAfterLastAccessTimeGreaterThan) {
        public Condition(Integer daysAfterModificationGreaterThan, Integer daysAfterCreationGreaterThan) {
            this(daysAfterModificationGreaterThan, daysAfterCreationGreaterThan, null);
        }

        /** Whether it is counted from the last read, which no provider reports through this library. */
        public boolean byLastAccess() {
            return daysAfterLastAccessTimeGreaterThan != null;
        }
    }

    /**
     * One rule.
     *
     * @param name its name
     * @param prefixMatch "container/prefix" filters; empty for every container
     * @param baseBlob the actions on current blobs
     * @param snapshot the actions on snapshots (days after the snapshot was taken)
     * @param version the actions on previous versions (days after the version was written)
     */
    public record Rule(String name, List<String> prefixMatch, Map<Action, Condition> baseBlob,
                       Map<Action, Condition> snapshot, Map<Action, Condition> version) {
        public Rule {
            prefixMatch = List.copyOf(prefixMatch);
            baseBlob = Map.copyOf(baseBlob);
            snapshot = Map.copyOf(snapshot);
            version = Map.copyOf(version);
        }

        /** A rule on base blobs only. */
        public Rule(String name, List<String> prefixMatch, Map<Action, Condition> baseBlob) {
            this(name, prefixMatch, baseBlob, Map.of(), Map.of());
        }
    }

    public LifecyclePolicy {
        rules = List.copyOf(rules);
    }

    /** Parses an Azure lifecycle policy ({@code {"rules": [...]}}) or an S3 lifecycle configuration ({@code Rules}). */
    public static LifecyclePolicy parse(String json) {
        JsonNode root = Json.parse(json, "policy");
        if (root.has("rules")) {
            return azure(root.get("rules"));
        }
        if (root.has("Rules")) {
            return S3Lifecycle.rules(root.get("Rules"));
        }
        throw StorageException.invalidArgument("policy", "needs 'rules' (an Azure lifecycle policy) or 'Rules' (an S3 "
                + "lifecycle configuration)");
    }

    private static LifecyclePolicy azure(JsonNode rules) {
        if (!rules.isArray()) {
            throw StorageException.invalidArgument("policy.rules", "must be an array");
        }
        List<Rule> out = new ArrayList<>();
        int i = 0;
        for (JsonNode r : rules) {
            String where = "policy.rules[" + i++ + "]";
            if (r.has("enabled") && !r.get("enabled").asBoolean(true)) {
                continue;
            }
            JsonNode def = r.path("definition");
            JsonNode filters = def.path("filters");
            List<String> prefixes = strings(filters.path("prefixMatch"), where + ".definition.filters.prefixMatch");
            List<String> types = strings(filters.path("blobTypes"), where + ".definition.filters.blobTypes");
            if (!types.isEmpty() && !types.contains("blockBlob")) {
                continue; // append blobs and the like are not blobs this library writes
            }
            JsonNode actions = def.path("actions");
            Map<Action, Condition> base = actions(actions.path("baseBlob"), where + ".definition.actions.baseBlob",
                    false);
            Map<Action, Condition> snapshot = actions(actions.path("snapshot"), where + ".definition.actions.snapshot",
                    true);
            Map<Action, Condition> version = actions(actions.path("version"), where + ".definition.actions.version",
                    true);
            if (base.isEmpty() && snapshot.isEmpty() && version.isEmpty()) {
                throw StorageException.invalidArgument(where + ".definition.actions", "needs an action in baseBlob, "
                        + "snapshot or version");
            }
            out.add(new Rule(r.path("name").asString("rule" + i), prefixes, base, snapshot, version));
        }
        return new LifecyclePolicy(out);
    }

    private static Map<Action, Condition> actions(JsonNode node, String where, boolean creationOnly) {
        Map<Action, Condition> out = new EnumMap<>(Action.class);
        if (node.isMissingNode() || node.isNull()) {
            return out;
        }
        if (!node.isObject()) {
            throw StorageException.invalidArgument(where, "must be an object of actions");
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            Condition c = condition(e.getValue(), where + "." + e.getKey());
            if (creationOnly && c.daysAfterCreationGreaterThan() == null) {
                throw StorageException.invalidArgument(where + "." + e.getKey(), "snapshot and version actions take "
                        + "daysAfterCreationGreaterThan only (as in Azure)");
            }
            Action a = action(e.getKey(), where);
            if (creationOnly && a == Action.COMPRESS) {
                throw StorageException.invalidArgument(where + "." + e.getKey(), "compress applies to base blobs only");
            }
            out.put(a, c);
        }
        return out;
    }

    private static Action action(String name, String where) {
        for (Action a : Action.values()) {
            if (a.azureName.equals(name)) {
                return a;
            }
        }
        throw StorageException.invalidArgument(where, "unknown action '" + name + "'; use tierToCool, tierToCold, "
                + "tierToArchive, delete or (base blobs only) compress");
    }

    private static Condition condition(JsonNode c, String where) {
        if (!c.isObject()) {
            throw StorageException.invalidArgument(where, "must be an object with a days condition");
        }
        Integer modified = days(c, "daysAfterModificationGreaterThan", where);
        Integer created = days(c, "daysAfterCreationGreaterThan", where);
        Integer accessed = days(c, "daysAfterLastAccessTimeGreaterThan", where);
        int given = (modified == null ? 0 : 1) + (created == null ? 0 : 1) + (accessed == null ? 0 : 1);
        if (given != 1) {
            throw StorageException.invalidArgument(where, "needs exactly one of daysAfterModificationGreaterThan, "
                    + "daysAfterCreationGreaterThan and daysAfterLastAccessTimeGreaterThan");
        }
        return new Condition(modified, created, accessed);
    }

    private static Integer days(JsonNode c, String field, String where) {
        JsonNode v = c.get(field);
        if (v == null) {
            return null;
        }
        if (!v.isIntegralNumber() || v.asLong() < 0 || v.asLong() > 99_999) {
            throw StorageException.invalidArgument(where + "." + field, "must be a whole number of days, 0 to 99999");
        }
        return v.asInt();
    }

    static List<String> strings(JsonNode array, String where) {
        if (array.isMissingNode() || array.isNull()) {
            return List.of();
        }
        if (!array.isArray()) {
            throw StorageException.invalidArgument(where, "must be an array of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode s : array) {
            if (!s.isString()) {
                throw StorageException.invalidArgument(where, "must be an array of strings");
            }
            out.add(s.asString());
        }
        return out;
    }
}
