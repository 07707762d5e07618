package io.unistore.testsupport.gcs;

import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A bucket's {@code lifecycle} field as Cloud Storage checks it: {@code null} or no rules clears it; each rule
 * needs an action of a known type ({@code SetStorageClass} with a known class) and a condition with at least
 * one known field, else the request fails 400 as the service's does.
 */
final class BucketLifecycle {
    private static final Set<String> ACTIONS = Set.of("Delete", "SetStorageClass", "AbortIncompleteMultipartUpload");
    private static final Set<String> CLASSES = Set.of("STANDARD", "NEARLINE", "COLDLINE", "ARCHIVE",
            "MULTI_REGIONAL", "REGIONAL", "DURABLE_REDUCED_AVAILABILITY");
    private static final Set<String> CONDITIONS = Set.of("age", "createdBefore", "customTimeBefore",
            "daysSinceCustomTime", "daysSinceNoncurrentTime", "isLive", "matchesPrefix", "matchesStorageClass",
            "matchesSuffix", "noncurrentTimeBefore", "numNewerVersions");

    private BucketLifecycle() {
    }

    /** The field to store, or null for none. */
    static JsonNode check(JsonNode lifecycle) {
        if (lifecycle == null || lifecycle.isNull()) {
            return null;
        }
        JsonNode rules = lifecycle.get("rule");
        if (rules == null || rules.isNull() || (rules.isArray() && rules.isEmpty())) {
            return null;
        }
        if (!rules.isArray() || rules.size() > 100) {
            throw GcsError.invalid("Invalid argument: lifecycle.rule must be a list of at most 100 rules");
        }
        for (JsonNode rule : rules) {
            JsonNode action = rule.path("action");
            String type = action.path("type").asString("");
            if (!ACTIONS.contains(type)) {
                throw GcsError.invalid("Invalid argument: lifecycle action type '" + type + "'");
            }
            if (type.equals("SetStorageClass") && !CLASSES.contains(action.path("storageClass").asString(""))) {
                throw GcsError.invalid("Invalid argument: lifecycle storageClass '"
                        + action.path("storageClass").asString("") + "'");
            }
            JsonNode condition = rule.path("condition");
            if (!condition.isObject() || condition.isEmpty()) {
                throw GcsError.invalid("Invalid argument: a lifecycle rule needs a condition");
            }
            for (String field : condition.propertyNames()) {
                if (!CONDITIONS.contains(field)) {
                    throw GcsError.invalid("Invalid argument: unknown lifecycle condition '" + field + "'");
                }
            }
            if (condition.has("age") && (!condition.get("age").canConvertToInt() || condition.get("age").asInt() < 0)) {
                throw GcsError.invalid("Invalid argument: lifecycle condition age must be a non-negative integer");
            }
        }
        return lifecycle;
    }
}
