package io.unistore.ops;

import io.unistore.ListOptions;
import io.unistore.StorageAccount;
import io.unistore.blob.BlobProperties;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Plans the snapshot and version actions of a lifecycle policy on one current blob: its snapshots (by the time each
 * was taken) and its previous versions (by the time each was written) older than a rule's
 * {@code daysAfterCreationGreaterThan} are deleted. Only delete applies: the API sets tiers on current blobs only
 * ({@link LifecycleReach} says so in the plan). Versions of a blob that no longer has a current version are not
 * listed by a container listing and so not planned.
 */
final class LifecycleOlder {
    private LifecycleOlder() {
    }

    /** The snapshot and version deletions due on {@code current}'s older states. */
    static List<LifecyclePlan.Item> due(StorageAccount account, String container, BlobProperties current,
                                        List<LifecyclePolicy.Rule> matching, LifecycleReach reach, Instant now,
                                        PriceTable prices) {
        List<LifecyclePlan.Item> out = new ArrayList<>();
        if (reach.snapshots && any(matching, LifecyclePolicy.Rule::snapshot)) {
            for (BlobProperties s : account.blobs().listSnapshots(container, current.name())) {
                String rule = dueRule(matching, LifecyclePolicy.Rule::snapshot, taken(s), now);
                if (rule != null) {
                    out.add(item(s, rule, LifecyclePlan.Item.SNAPSHOT, prices));
                }
            }
        }
        if (reach.versions && any(matching, LifecyclePolicy.Rule::version)) {
            for (BlobProperties v : account.blobs().listVersions(container, current.name(), ListOptions.defaults())) {
                if (v.currentVersion()) {
                    continue;
                }
                String rule = dueRule(matching, LifecyclePolicy.Rule::version, v.lastModified(), now);
                if (rule != null) {
                    out.add(item(v, rule, LifecyclePlan.Item.VERSION, prices));
                }
            }
        }
        return out;
    }

    private static boolean any(List<LifecyclePolicy.Rule> rules,
                               Function<LifecyclePolicy.Rule, Map<LifecyclePolicy.Action, LifecyclePolicy.Condition>> of) {
        return rules.stream().anyMatch(r -> of.apply(r).containsKey(LifecyclePolicy.Action.DELETE));
    }

    /** The first rule whose delete is due at an age counted from {@code from}, or null. */
    private static String dueRule(List<LifecyclePolicy.Rule> rules,
                                  Function<LifecyclePolicy.Rule, Map<LifecyclePolicy.Action, LifecyclePolicy.Condition>> of,
                                  Instant from, Instant now) {
        for (LifecyclePolicy.Rule r : rules) {
            LifecyclePolicy.Condition c = of.apply(r).get(LifecyclePolicy.Action.DELETE);
            if (c != null && from != null && Duration.between(from, now).toDays() > c.daysAfterCreationGreaterThan()) {
                return r.name();
            }
        }
        return null;
    }

    /** When a snapshot was taken: its id where that is a timestamp (Azure, local), else its creation or write. */
    static Instant taken(BlobProperties s) {
        try {
            return Instant.parse(s.snapshot());
        } catch (DateTimeParseException | NullPointerException notATime) {
            return s.createdAt() != null ? s.createdAt() : s.lastModified();
        }
    }

    private static LifecyclePlan.Item item(BlobProperties p, String rule, String target, PriceTable prices) {
        double saving = prices == null ? 0 : p.size() / CostAnalysis.GIB * prices.of(p.tier()).storageGbMonth().value();
        return new LifecyclePlan.Item(p.name(), p.etag(), LifecyclePolicy.Action.DELETE.azureName,
                p.tier() == null ? null : p.tier().name(), null, p.size(), rule, saving, target, p.snapshot(),
                LifecyclePlan.Item.VERSION.equals(target) ? p.versionId() : null);
    }
}
