package io.unistore.gcp;

import com.google.cloud.storage.Bucket;
import com.google.cloud.storage.BucketInfo;
import com.google.cloud.storage.BucketInfo.LifecycleRule;
import com.google.cloud.storage.BucketInfo.LifecycleRule.LifecycleAction;
import com.google.cloud.storage.BucketInfo.LifecycleRule.LifecycleCondition;
import com.google.cloud.storage.BucketInfo.LifecycleRule.SetStorageClassLifecycleAction;
import com.google.cloud.storage.Storage;
import io.unistore.StorageException;
import io.unistore.blob.AccessTier;
import io.unistore.blob.ContainerLifecycleRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A bucket's {@code lifecycle} field. Cloud Storage rules hold one action each and have no name, so a neutral
 * rule becomes one Cloud Storage rule per action (condition {@code age}, and {@code matchesPrefix} unless the
 * rule is for the whole bucket), and rules read back are one per Cloud Storage rule, named {@code rule-1},
 * {@code rule-2}... in the bucket's order. Read back, rules with conditions the neutral model has no place for
 * (creation dates, versions, custom times) or other actions are left out. Setting replaces all rules with one
 * bucket patch; an empty list clears them.
 */
final class GcsBucketLifecycle {
    private final Storage storage;

    GcsBucketLifecycle(Storage storage) {
        this.storage = storage;
    }

    void set(String bucket, List<ContainerLifecycleRule> rules) {
        String what = "setting the lifecycle of container " + bucket;
        BucketInfo.Builder patch = BucketInfo.newBuilder(bucket);
        if (rules.isEmpty()) {
            patch.deleteLifecycleRules();
        } else {
            patch.setLifecycleRules(toGcs(rules));
        }
        Bucket updated = GcsErrors.call(what, () -> storage.update(patch.build()));
        if (updated == null) {
            throw StorageException.notFound("container " + bucket);
        }
    }

    List<ContainerLifecycleRule> get(String bucket) {
        Bucket b = GcsErrors.call("reading the lifecycle of container " + bucket, () -> storage.get(bucket));
        if (b == null) {
            throw StorageException.notFound("container " + bucket);
        }
        return fromGcs(b.getLifecycleRules());
    }

    static List<LifecycleRule> toGcs(List<ContainerLifecycleRule> rules) {
        List<LifecycleRule> out = new ArrayList<>();
        for (ContainerLifecycleRule r : rules) {
            for (Map.Entry<AccessTier, Integer> t : r.transitions().entrySet()) {
                out.add(new LifecycleRule(LifecycleAction.newSetStorageClassAction(GcsTiers.toStorageClass(t.getKey())),
                        condition(r, t.getValue())));
            }
            if (r.deleteAfterDays() != null) {
                out.add(new LifecycleRule(LifecycleAction.newDeleteAction(), condition(r, r.deleteAfterDays())));
            }
        }
        return out;
    }

    private static LifecycleCondition condition(ContainerLifecycleRule r, int days) {
        LifecycleCondition.Builder c = LifecycleCondition.newBuilder().setAge(days);
        if (!r.prefix().isEmpty()) {
            c.setMatchesPrefix(List.of(r.prefix()));
        }
        return c.build();
    }

    static List<ContainerLifecycleRule> fromGcs(List<? extends LifecycleRule> rules) {
        List<ContainerLifecycleRule> out = new ArrayList<>();
        int n = 0;
        for (LifecycleRule r : rules == null ? List.<LifecycleRule>of() : rules) {
            n++;
            LifecycleCondition c = r.getCondition();
            if (c == null || c.getAge() == null || !onlyAgeAndPrefix(c)) {
                continue;
            }
            List<String> prefixes = c.getMatchesPrefix() == null || c.getMatchesPrefix().isEmpty() ? List.of("")
                    : c.getMatchesPrefix();
            LifecycleAction action = r.getAction();
            for (String prefix : prefixes) {
                String id = "rule-" + n + (prefixes.size() > 1 ? "-" + prefix : "");
                if (action instanceof SetStorageClassLifecycleAction set) {
                    AccessTier tier = GcsTiers.toTier(set.getStorageClass());
                    if (tier != null && tier != AccessTier.HOT) {
                        out.add(new ContainerLifecycleRule(id, prefix, Map.of(tier, c.getAge()), null));
                    }
                } else if (LifecycleAction.newDeleteAction().getActionType().equals(action.getActionType())) {
                    out.add(new ContainerLifecycleRule(id, prefix, Map.of(), c.getAge()));
                }
            }
        }
        return out;
    }

    private static boolean onlyAgeAndPrefix(LifecycleCondition c) {
        return c.getCreatedBeforeOffsetDateTime() == null && c.getNumberOfNewerVersions() == null
                && c.getIsLive() == null && c.getCustomTimeBeforeOffsetDateTime() == null
                && c.getDaysSinceCustomTime() == null && c.getDaysSinceNoncurrentTime() == null
                && c.getNoncurrentTimeBeforeOffsetDateTime() == null
                && (c.getMatchesSuffix() == null || c.getMatchesSuffix().isEmpty())
                && (c.getMatchesStorageClass() == null || c.getMatchesStorageClass().isEmpty());
    }
}
