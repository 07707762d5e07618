package io.unistore.ops;

import io.unistore.Capability;
import io.unistore.StorageAccount;
import io.unistore.StorageException;
import io.unistore.blob.AccessTier;
import io.unistore.blob.ContainerLifecycleRule;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The part of a {@link LifecyclePolicy} a provider's own lifecycle service can enforce on one container, and the
 * rest, which only {@link Lifecycle} applies (client-side). {@link #s3} and {@link #gcs} say what maps, with the
 * document that service takes (for {@code aws s3api put-bucket-lifecycle-configuration} or
 * {@code gcloud storage buckets update --lifecycle-file}); {@link #push} sends it through
 * {@link io.unistore.blob.BlobStore#setContainerLifecycle} and reads it back.
 *
 * <p>Both services count days from an object's creation, which for an immutable object is its last write, so
 * {@code daysAfterModificationGreaterThan} and {@code daysAfterCreationGreaterThan} both map to it, with the number
 * of days as {@link S3Lifecycle} imports it (S3 {@code Days}, Cloud Storage {@code age}). Kept client-side:
 * {@code compress} (no service has it), last-access conditions (neither counts from reads in a rule), snapshot
 * actions (neither has snapshots), version actions (both count a previous version's days from when it stopped
 * being current, Azure from when it was written), and S3 transitions to STANDARD_IA before 30 days (S3 refuses
 * them). Azure's own lifecycle policies are a management-plane resource of the storage account, which storage
 * keys and SAS cannot reach, so Azure accounts keep every rule client-side.
 */
public final class NativeLifecycle {
    private NativeLifecycle() {
    }

    /**
     * What a service can take.
     *
     * @param provider {@code aws} or {@code gcp}
     * @param rules the rules it enforces, one per policy rule and prefix
     * @param document the JSON the service takes (S3: {@code {"Rules": [...]}}; Cloud Storage: {@code {"rule": [...]}}),
     *        or null when nothing maps
     * @param keptClientSide each rule action that does not map, with why
     */
    public record Mapping(String provider, List<ContainerLifecycleRule> rules, String document,
                          List<String> keptClientSide) {
        public Mapping {
            rules = List.copyOf(rules);
            keptClientSide = List.copyOf(keptClientSide);
        }
    }

    /**
     * What a push did.
     *
     * @param container the container
     * @param provider the account's provider
     * @param pushed the rules sent (an empty list removed the container's rules)
     * @param readBack the rules the service holds afterwards, as read back
     * @param keptClientSide each rule action that does not map, with why (apply-lifecycle still acts on them)
     */
    public record Push(String container, String provider, List<ContainerLifecycleRule> pushed,
                       List<ContainerLifecycleRule> readBack, List<String> keptClientSide) {
        public Push {
            pushed = List.copyOf(pushed);
            readBack = List.copyOf(readBack);
            keptClientSide = List.copyOf(keptClientSide);
        }
    }

    /**
     * Replaces the container's service-side lifecycle rules by what the policy maps to, and reads them back.
     * A policy of which nothing maps removes the container's rules.
     *
     * @throws StorageException UNSUPPORTED where the account does not declare
     *         {@link Capability#BLOB_CONTAINER_LIFECYCLE} (Azure, local), naming what to use instead
     */
    public static Push push(StorageAccount account, String container, LifecyclePolicy policy) {
        if (!account.capabilities().has(Capability.BLOB_CONTAINER_LIFECYCLE)) {
            throw StorageException.unsupported("the " + account.providerId() + " account has no lifecycle service "
                    + "this library can set (no BLOB_CONTAINER_LIFECYCLE): apply the policy client-side with "
                    + "apply-lifecycle" + ("azure".equals(account.providerId()) ? ", or set the account's "
                    + "management policy in Azure (it needs management-plane rights, not storage keys)" : ""));
        }
        Mapping m = map(account.providerId(), policy, container);
        account.blobs().setContainerLifecycle(container, m.rules());
        return new Push(container, account.providerId(), m.rules(), account.blobs().getContainerLifecycle(container),
                m.keptClientSide());
    }

    /** The mapping for the account's provider: {@link #s3} for {@code aws}, else {@link #gcs}'s rules. */
    public static Mapping map(String provider, LifecyclePolicy policy, String container) {
        return "aws".equals(provider) ? s3(policy, container) : gcs(policy, container);
    }

    /** The policy's rules for {@code container} as an S3 bucket lifecycle configuration. */
    public static Mapping s3(LifecyclePolicy policy, String container) {
        List<String> kept = new ArrayList<>();
        List<ContainerLifecycleRule> rules = rules(policy, container, "S3", true, kept);
        ObjectNode root = Json.object();
        ArrayNode out = root.putArray("Rules");
        for (ContainerLifecycleRule r : rules) {
            ObjectNode rule = out.addObject().put("ID", r.id()).put("Status", "Enabled");
            rule.putObject("Filter").put("Prefix", r.prefix());
            if (r.deleteAfterDays() != null) {
                rule.putObject("Expiration").put("Days", r.deleteAfterDays());
            }
            if (!r.transitions().isEmpty()) {
                ArrayNode transitions = rule.putArray("Transitions");
                r.transitions().forEach((tier, days) -> transitions.addObject().put("Days", days)
                        .put("StorageClass", switch (tier) {
                            case COOL -> "STANDARD_IA";
                            case COLD -> "GLACIER_IR";
                            default -> "GLACIER";
                        }));
            }
        }
        return new Mapping("aws", rules, rules.isEmpty() ? null : Json.write(root), kept);
    }

    /** The policy's rules for {@code container} as the lifecycle of a Cloud Storage bucket (one rule per action). */
    public static Mapping gcs(LifecyclePolicy policy, String container) {
        List<String> kept = new ArrayList<>();
        List<ContainerLifecycleRule> rules = rules(policy, container, "Cloud Storage", false, kept);
        ObjectNode root = Json.object();
        ArrayNode out = root.putArray("rule");
        for (ContainerLifecycleRule r : rules) {
            r.transitions().forEach((tier, days) -> gcsRule(out, r, days).put("type", "SetStorageClass")
                    .put("storageClass", switch (tier) {
                        case COOL -> "NEARLINE";
                        case COLD -> "COLDLINE";
                        default -> "ARCHIVE";
                    }));
            if (r.deleteAfterDays() != null) {
                gcsRule(out, r, r.deleteAfterDays()).put("type", "Delete");
            }
        }
        return new Mapping("gcp", rules, rules.isEmpty() ? null : Json.write(root), kept);
    }

    /** Adds a rule with the condition; returns its action to fill. */
    private static ObjectNode gcsRule(ArrayNode out, ContainerLifecycleRule r, int days) {
        ObjectNode rule = out.addObject();
        ObjectNode action = rule.putObject("action");
        ObjectNode condition = rule.putObject("condition").put("age", days);
        if (!r.prefix().isEmpty()) {
            condition.putArray("matchesPrefix").add(r.prefix());
        }
        return action;
    }

    /** One neutral rule per policy rule and prefix inside the container, with what stays client-side in kept. */
    private static List<ContainerLifecycleRule> rules(LifecyclePolicy policy, String container, String service,
                                                      boolean s3, List<String> kept) {
        List<ContainerLifecycleRule> out = new ArrayList<>();
        for (LifecyclePolicy.Rule r : policy.rules()) {
            List<String> prefixes = prefixes(r, container);
            if (prefixes == null) {
                continue;
            }
            kept.addAll(notMapped(r, service));
            Map<AccessTier, Integer> transitions = new EnumMap<>(AccessTier.class);
            Integer delete = null;
            for (Map.Entry<LifecyclePolicy.Action, LifecyclePolicy.Condition> e : ordered(r.baseBlob()).entrySet()) {
                Integer days = days(e.getValue());
                LifecyclePolicy.Action a = e.getKey();
                if (days == null || a == LifecyclePolicy.Action.COMPRESS) {
                    continue;
                }
                if (a == LifecyclePolicy.Action.DELETE) {
                    delete = days;
                } else if (s3 && a.tier == AccessTier.COOL && days < 30) {
                    kept.add(where(r, "baseBlob.tierToCool") + ": S3 moves to STANDARD_IA after 30 days at the "
                            + "earliest");
                } else {
                    transitions.put(a.tier, days);
                }
            }
            if (transitions.isEmpty() && delete == null) {
                continue;
            }
            int n = 0;
            for (String prefix : prefixes) {
                out.add(new ContainerLifecycleRule(prefixes.size() == 1 ? r.name() : r.name() + "-" + n++, prefix,
                        transitions, delete));
            }
        }
        return out;
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
