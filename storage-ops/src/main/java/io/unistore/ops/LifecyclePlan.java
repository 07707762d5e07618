package io.unistore.ops;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The dry run of {@link Lifecycle#plan}: every action a policy makes due now, with its target and saving.
 *
 * @param container the container planned
 * @param examined blobs looked at
 * @param actions how many actions of each kind ({@code tierToCool}, ..., {@code delete})
 * @param bytes the bytes the actions touch
 * @param monthlySaving storage saved per month at the provider's list prices ({@link PriceTable})
 * @param currency the currency of the saving
 * @param items the actions (the first {@code maxListed} of them; all of them are in the plan file)
 * @param total how many actions there are
 * @param planFile the file holding every action, which {@link Lifecycle#apply} applies exactly; null if none
 * @param interrupted whether planning was stopped before the end
 * @param notApplied what of the policy this account cannot do or evaluate, one sentence each (rule, action, why):
 *     snapshot or version actions without snapshots or versions, conditions on the last access time, tier moves
 *     without tiers; those actions are left out, never approximated
 */
public record LifecyclePlan(String container, long examined, Map<String, Long> actions, long bytes,
                            double monthlySaving, String currency, List<Item> items, long total, Path planFile,
                            boolean interrupted, List<String> notApplied) {
    public LifecyclePlan {
        notApplied = List.copyOf(notApplied);
    }

    /**
     * One planned action.
     *
     * @param blob the blob
     * @param etag its ETag when planned: the action applies only to that content
     * @param action {@code tierToCool}, {@code tierToCold}, {@code tierToArchive} or {@code delete}
     * @param fromTier its tier when planned (null when the provider reports none)
     * @param toTier the target tier; null for delete
     * @param size its size
     * @param rule the rule that made it due
     * @param monthlySaving what it saves per month
     * @param target {@code baseBlob}, {@code snapshot} or {@code version} (null in older plans: baseBlob)
     * @param snapshot the snapshot id when the target is a snapshot, else null
     * @param versionId the version id when the target is a previous version, else null
     */
    public record Item(String blob, String etag, String action, String fromTier, String toTier, long size,
                       String rule, double monthlySaving, String target, String snapshot, String versionId) {
        static final String BASE = "baseBlob";
        static final String SNAPSHOT = "snapshot";
        static final String VERSION = "version";

        /** The key of {@link LifecyclePlan#actions()}: the action, prefixed by the target unless a base blob. */
        String kind() {
            return target == null || BASE.equals(target) ? action : target + "." + action;
        }
    }
}
