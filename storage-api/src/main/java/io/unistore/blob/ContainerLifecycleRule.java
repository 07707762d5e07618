package io.unistore.blob;

import io.unistore.StorageException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * One rule a service enforces on a container itself (S3 bucket lifecycle, Cloud Storage bucket lifecycle): for
 * the blobs under a prefix, moves to cooler tiers and a deletion, each after a number of days counted from the
 * blob's last write. The neutral part of both services' rules; what only one of them has (tag filters,
 * noncurrent versions, size conditions) is not in it.
 *
 * @param id the rule's name (S3 keeps it; Cloud Storage rules have none, so rules read back from it are
 *        numbered {@code rule-1}, {@code rule-2}...)
 * @param prefix the blob name prefix the rule is about ("" for the whole container)
 * @param transitions days after the last write at which blobs move to each tier; HOT is not a target
 * @param deleteAfterDays days after the last write at which blobs are deleted, or null
 */
public record ContainerLifecycleRule(String id, String prefix, Map<AccessTier, Integer> transitions,
                                     Integer deleteAfterDays) {

    public ContainerLifecycleRule {
        if (id == null || id.isBlank() || id.length() > 255) {
            throw StorageException.invalidArgument("id", "a lifecycle rule needs a name of 1-255 characters");
        }
        prefix = prefix == null ? "" : prefix;
        EnumMap<AccessTier, Integer> ordered = new EnumMap<>(AccessTier.class);
        if (transitions != null) {
            for (Map.Entry<AccessTier, Integer> e : transitions.entrySet()) {
                if (e.getKey() == null || e.getKey() == AccessTier.HOT) {
                    throw StorageException.invalidArgument("transitions", "rule '" + id + "': the target tier must "
                            + "be Cool, Cold or Archive (lifecycle rules only move blobs to cooler tiers)");
                }
                ordered.put(e.getKey(), days("transitions." + e.getKey(), id, e.getValue()));
            }
        }
        if (deleteAfterDays != null) {
            days("deleteAfterDays", id, deleteAfterDays);
        }
        if (ordered.isEmpty() && deleteAfterDays == null) {
            throw StorageException.invalidArgument("transitions", "rule '" + id + "' has no action: give a "
                    + "transition or deleteAfterDays");
        }
        transitions = Collections.unmodifiableMap(ordered);
    }

    private static int days(String field, String id, Integer days) {
        if (days == null || days < 0 || days > 36_500) {
            throw StorageException.invalidArgument(field, "rule '" + id + "': days must be 0-36500, was " + days);
        }
        return days;
    }
}
