package io.unistore.ops;

import io.unistore.StorageException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Imports an S3 lifecycle configuration (the JSON of {@code get-bucket-lifecycle-configuration}) into
 * {@link LifecyclePolicy}: {@code Transitions} to STANDARD_IA / ONEZONE_IA become tierToCool, GLACIER_IR
 * tierToCold, GLACIER / DEEP_ARCHIVE tierToArchive, and {@code Expiration.Days} delete, all after days since
 * creation (S3 counts from the object's creation, which is its last write). An S3 rule applies to any bucket, so
 * the imported prefix filter is the container's: pass the container the rules are for in the plan.
 */
final class S3Lifecycle {
    private S3Lifecycle() {
    }

    static LifecyclePolicy rules(JsonNode rules) {
        if (!rules.isArray()) {
            throw StorageException.invalidArgument("policy.Rules", "must be an array");
        }
        List<LifecyclePolicy.Rule> out = new ArrayList<>();
        int i = 0;
        for (JsonNode r : rules) {
            String where = "policy.Rules[" + i++ + "]";
            if (!"Enabled".equals(r.path("Status").asString(""))) {
                continue;
            }
            String prefix = r.path("Filter").has("Prefix") ? r.path("Filter").path("Prefix").asString()
                    : r.path("Prefix").asString("");
            if (r.path("Filter").has("Tag") || r.path("Filter").has("And")) {
                throw StorageException.invalidArgument(where + ".Filter", "tag filters cannot be imported; only Prefix");
            }
            Map<LifecyclePolicy.Action, LifecyclePolicy.Condition> base = new EnumMap<>(LifecyclePolicy.Action.class);
            int t = 0;
            for (JsonNode tr : r.path("Transitions")) {
                String w = where + ".Transitions[" + t++ + "]";
                if (!tr.path("Days").isIntegralNumber()) {
                    throw StorageException.invalidArgument(w + ".Days", "needs a number of days (dates are not "
                            + "imported)");
                }
                base.put(action(tr.path("StorageClass").asString(""), w + ".StorageClass"),
                        new LifecyclePolicy.Condition(null, tr.path("Days").asInt()));
            }
            if (r.path("Expiration").has("Days")) {
                base.put(LifecyclePolicy.Action.DELETE,
                        new LifecyclePolicy.Condition(null, r.path("Expiration").path("Days").asInt()));
            }
            if (base.isEmpty()) {
                throw StorageException.invalidArgument(where, "has no Transitions or Expiration.Days to import");
            }
            out.add(new LifecyclePolicy.Rule(r.path("ID").asString("rule" + i), prefix.isEmpty() ? List.of()
                    : List.of("*/" + prefix), base));
        }
        return new LifecyclePolicy(out);
    }

    private static LifecyclePolicy.Action action(String storageClass, String where) {
        return switch (storageClass) {
            case "STANDARD_IA", "ONEZONE_IA" -> LifecyclePolicy.Action.TIER_TO_COOL;
            case "GLACIER_IR" -> LifecyclePolicy.Action.TIER_TO_COLD;
            case "GLACIER", "DEEP_ARCHIVE" -> LifecyclePolicy.Action.TIER_TO_ARCHIVE;
            default -> throw StorageException.invalidArgument(where, "'" + storageClass + "' has no neutral tier; "
                    + "use STANDARD_IA, ONEZONE_IA, GLACIER_IR, GLACIER or DEEP_ARCHIVE");
        };
    }
}
