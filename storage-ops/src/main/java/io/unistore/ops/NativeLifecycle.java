package io.unistore.ops;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The part of a {@link LifecyclePolicy} a provider's own lifecycle service can enforce on one container, as the
 * document that service takes, and the rest, which only {@link Lifecycle} applies (client-side). Nothing is sent:
 * the document is for {@code aws s3api put-bucket-lifecycle-configuration --lifecycle-configuration} (S3) or the
 * {@code lifecycle} field of a bucket ({@code gcloud storage buckets update --lifecycle-file}, Cloud Storage).
 *
 * <p>Both services count days from an object's creation, which for an immutable object is its last write, so
 * {@code daysAfterModificationGreaterThan} and {@code daysAfterCreationGreaterThan} both map to it, with the number
 * of days as {@link S3Lifecycle} imports it (S3 {@code Days}, Cloud Storage {@code age}). Kept client-side:
 * {@code compress} (no service has it), last-access conditions (neither counts from reads in a rule), snapshot
 * actions (neither has snapshots), version actions (both count a previous version's days from when it stopped
 * being current, Azure from when it was written), and S3 transitions to STANDARD_IA before 30 days (S3 refuses
 * them).
 */
public final class NativeLifecycle {
    private NativeLifecycle() {
    }

    /**
     * What a service can take.
     *
     * @param provider {@code aws} or {@code gcp}
     * @param document the JSON the service takes (S3: {@code {"Rules": [...]}}; Cloud Storage: {@code {"rule": [...]}}),
     *        or null when nothing maps
     * @param keptClientSide each rule action that does not map, with why
     */
    public record Mapping(String provider, String document, List<String> keptClientSide) {
        public Mapping {
            keptClientSide = List.copyOf(keptClientSide);
        }
    }

    /** The policy's rules for {@code container} as an S3 bucket lifecycle configuration. */
    public static Mapping s3(LifecyclePolicy policy, String container) {
        ObjectNode root = Json.object();
        ArrayNode rules = root.putArray("Rules");
        List<String> kept = new ArrayList<>();
        for (LifecyclePolicy.Rule r : policy.rules()) {
            List<String> prefixes = prefixes(r, container);
            if (prefixes == null) {
                continue;
            }
            kept.addAll(notMapped(r, "S3"));
            int n = 0;
            for (String prefix : prefixes) {
                ObjectNode rule = Json.object().put("ID", prefixes.size() == 1 ? r.name() : r.name() + "-" + n++)
                        .put("Status", "Enabled");
                rule.putObject("Filter").put("Prefix", prefix);
                ArrayNode transitions = Json.MAPPER.createArrayNode();
                for (Map.Entry<LifecyclePolicy.Action, LifecyclePolicy.Condition> e : ordered(r.baseBlob()).entrySet()) {
                    Integer days = days(e.getValue());
                    if (days == null || e.getKey() == LifecyclePolicy.Action.COMPRESS) {
                        continue;
                    }
                    switch (e.getKey()) {
                        case DELETE -> rule.putObject("Expiration").put("Days", days);
                        case TIER_TO_COOL -> {
                            if (days < 30) {
                                kept.add(where(r, "baseBlob.tierToCool") + ": S3 moves to STANDARD_IA after 30 days "
                                        + "at the earliest");
                            } else {
                                transitions.addObject().put("Days", days).put("StorageClass", "STANDARD_IA");
                            }
                        }
                        case TIER_TO_COLD -> transitions.addObject().put("Days", days).put("StorageClass", "GLACIER_IR");
                        case TIER_TO_ARCHIVE -> transitions.addObject().put("Days", days).put("StorageClass", "GLACIER");
                        default -> { }
                    }
                }
                if (!transitions.isEmpty()) {
                    rule.set("Transitions", transitions);
                }
                if (rule.has("Transitions") || rule.has("Expiration")) {
                    rules.add(rule);
                }
            }
        }
        return new Mapping("aws", rules.isEmpty() ? null : Json.write(root), kept);
    }

    /** The policy's rules for {@code container} as the lifecycle of a Cloud Storage bucket. */
    public static Mapping gcs(LifecyclePolicy policy, String container) {
        ObjectNode root = Json.object();
        ArrayNode rules = root.putArray("rule");
        List<String> kept = new ArrayList<>();
        for (LifecyclePolicy.Rule r : policy.rules()) {
            List<String> prefixes = prefixes(r, container);
            if (prefixes == null) {
                continue;
            }
            kept.addAll(notMapped(r, "Cloud Storage"));
            for (Map.Entry<LifecyclePolicy.Action, LifecyclePolicy.Condition> e : ordered(r.baseBlob()).entrySet()) {
                Integer days = days(e.getValue());
                String storageClass = switch (e.getKey()) {
                    case TIER_TO_COOL -> "NEARLINE";
                    case TIER_TO_COLD -> "COLDLINE";
                    case TIER_TO_ARCHIVE -> "ARCHIVE";
                    default -> null;
                };
                if (days == null || e.getKey() == LifecyclePolicy.Action.COMPRESS) {
                    continue;
                }
                ObjectNode rule = rules.addObject();
                ObjectNode action = rule.putObject("action").put("type", storageClass == null ? "Delete"
                        : "SetStorageClass");
                if (storageClass != null) {
                    action.put("storageClass", storageClass);
                }
                ObjectNode condition = rule.putObject("condition").put("age", days);
                if (!prefixes.equals(List.of(""))) {
                    ArrayNode match = condition.putArray("matchesPrefix");
                    prefixes.forEach(match::add);
                }
            }
        }
        return new Mapping("gcp", rules.isEmpty() ? null : Json.write(root), kept);
    }

    /** The rule's prefixes inside {@code container} ("" for all of it), or null when it is not about it. */
    private static List<String> prefixes(LifecyclePolicy.Rule r, String container) {
        if (r.prefixMatch().isEmpty()) {
            return List.of("");
        }
        List<String> out = new ArrayList<>();
        for (String m : r.prefixMatch()) {
            int slash = m.indexOf('/');
            String c = slash < 0 ? m : m.substring(0, slash);
            if (c.equals("*") || c.equals(container)) {
                out.add(slash < 0 ? "" : m.substring(slash + 1));
            }
        }
        return out.isEmpty() ? null : out;
    }

    private static Integer days(LifecyclePolicy.Condition c) {
        return c.daysAfterModificationGreaterThan() != null ? c.daysAfterModificationGreaterThan()
                : c.daysAfterCreationGreaterThan();
    }

    private static List<String> notMapped(LifecyclePolicy.Rule r, String service) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<LifecyclePolicy.Action, LifecyclePolicy.Condition> e : ordered(r.baseBlob()).entrySet()) {
            if (e.getKey() == LifecyclePolicy.Action.COMPRESS) {
                out.add(where(r, "baseBlob.compress") + ": " + service + " has no compress action");
            } else if (e.getValue().byLastAccess()) {
                out.add(where(r, "baseBlob." + e.getKey().azureName) + ": " + service + " rules do not count from "
                        + "the last access");
            }
        }
        ordered(r.snapshot()).keySet().forEach(a -> out.add(where(r, "snapshot." + a.azureName) + ": " + service
                + " has no snapshots"));
        ordered(r.version()).keySet().forEach(a -> out.add(where(r, "version." + a.azureName) + ": " + service
                + " counts a previous version's days from when it stopped being current, not from its creation"));
        return out;
    }

    /** The actions in their enum order (the rule's maps are unordered), so documents are the same every run. */
    private static Map<LifecyclePolicy.Action, LifecyclePolicy.Condition> ordered(
            Map<LifecyclePolicy.Action, LifecyclePolicy.Condition> actions) {
        return actions.isEmpty() ? actions : new EnumMap<>(actions);
    }

    private static String where(LifecyclePolicy.Rule r, String action) {
        return "rule '" + r.name() + "' " + action;
    }
}
