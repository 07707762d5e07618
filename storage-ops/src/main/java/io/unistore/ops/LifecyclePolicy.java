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
 * since modification or creation. {@link #parse} reads Azure's JSON, and imports an S3 lifecycle configuration
 * (JSON, {@code Rules} with {@code Transitions} and {@code Expiration}) into the same model.
 *
 * @param rules the enabled rules, in order
 */
public record LifecyclePolicy(List<Rule> rules) {
    /** What an action does, from the least to the most saving (Azure applies the most saving that is due). */
    public enum Action {
        TIER_TO_COOL("tierToCool", AccessTier.COOL),
        TIER_TO_COLD("tierToCold", AccessTier.COLD),
        TIER_TO_ARCHIVE("tierToArchive", AccessTier.ARCHIVE),
        DELETE("delete", null);

        /** The action's name in Azure's JSON. */
        public final String azureName;
        /** The tier it moves to; null for delete. */
        public final AccessTier tier;

        Action(String azureName, AccessTier tier) {
            this.azureName = azureName;
            this.tier = tier;
        }
    }

    /** When an action is due: more than this many days since modification or creation (null: not used). */
    public record Condition(Integer daysAfterModificationGreaterThan, Integer daysAfterCreationGreaterThan) {
    }

    /**
     * One rule.
     *
     * @param name its name
     * @param prefixMatch "container/prefix" filters; empty for every container
     * @param baseBlob the actions on current blobs
     */
    public record Rule(String name, List<String> prefixMatch, Map<Action, Condition> baseBlob) {
        public Rule {
            prefixMatch = List.copyOf(prefixMatch);
            baseBlob = Map.copyOf(baseBlob);
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
            for (String unsupported : List.of("snapshot", "version")) {
                if (actions.has(unsupported)) {
                    throw StorageException.invalidArgument(where + ".definition.actions." + unsupported,
                            "actions on " + unsupported + "s are not supported yet; only baseBlob");
                }
            }
            Map<Action, Condition> base = new EnumMap<>(Action.class);
            JsonNode baseBlob = actions.path("baseBlob");
            for (Map.Entry<String, JsonNode> e : baseBlob.properties()) {
                Action a = action(e.getKey(), where + ".definition.actions.baseBlob");
                base.put(a, condition(e.getValue(), where + ".definition.actions.baseBlob." + e.getKey()));
            }
            if (base.isEmpty()) {
                throw StorageException.invalidArgument(where + ".definition.actions.baseBlob", "needs an action");
            }
            out.add(new Rule(r.path("name").asString("rule" + i), prefixes, base));
        }
        return new LifecyclePolicy(out);
    }

    private static Action action(String name, String where) {
        for (Action a : Action.values()) {
            if (a.azureName.equals(name)) {
                return a;
            }
        }
        throw StorageException.invalidArgument(where, "unknown action '" + name + "'; use tierToCool, tierToCold, "
                + "tierToArchive or delete");
    }

    private static Condition condition(JsonNode c, String where) {
        Integer modified = days(c, "daysAfterModificationGreaterThan", where);
        Integer created = days(c, "daysAfterCreationGreaterThan", where);
        if (c.has("daysAfterLastAccessTimeGreaterThan")) {
            throw StorageException.invalidArgument(where + ".daysAfterLastAccessTimeGreaterThan", "no provider "
                    + "reports last access times through this library; use daysAfterModificationGreaterThan");
        }
        if ((modified == null) == (created == null)) {
            throw StorageException.invalidArgument(where, "needs exactly one of daysAfterModificationGreaterThan and "
                    + "daysAfterCreationGreaterThan");
        }
        return new Condition(modified, created);
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
