package io.unistore.ops;

import io.unistore.Capability;
import io.unistore.StorageAccount;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What of a lifecycle policy one account can apply, and a sentence for every part it cannot: actions on snapshots
 * or versions the account does not keep, tier moves of snapshots and versions (the API moves current blobs only)
 * or on an account without tiers. Those actions are left out of the plan. Conditions on the last access time are
 * evaluated on the blobs whose service reports one ({@code BlobProperties.lastAccessedOn}: Azure with last access
 * time tracking on, the local provider) and left out on the others; a condition on the last read is never approximated by the last
 * modification.
 */
final class LifecycleReach {
    final boolean tiers;
    final boolean snapshots;
    final boolean versions;
    final List<String> notApplied;

    LifecycleReach(StorageAccount account, LifecyclePolicy policy) {
        tiers = account.capabilities().has(Capability.BLOB_TIERS);
        snapshots = account.capabilities().has(Capability.BLOB_SNAPSHOTS);
        versions = account.capabilities().has(Capability.BLOB_VERSIONS);
        String provider = account.providerId();
        List<String> notes = new ArrayList<>();
        for (LifecyclePolicy.Rule r : policy.rules()) {
            String rule = "rule '" + r.name() + "': ";
            if (!r.snapshot().isEmpty() && !snapshots) {
                notes.add(rule + "actions.snapshot do not apply: this " + provider + " account keeps no snapshots "
                        + "(no BLOB_SNAPSHOTS)");
            }
            if (!r.version().isEmpty() && !versions) {
                notes.add(rule + "actions.version do not apply: this " + provider + " account keeps no versions "
                        + "(no BLOB_VERSIONS)");
            }
            tierNotes(notes, rule, "snapshot", r.snapshot(), snapshots);
            tierNotes(notes, rule, "version", r.version(), versions);
            for (Map.Entry<LifecyclePolicy.Action, LifecyclePolicy.Condition> e : r.baseBlob().entrySet()) {
                if (e.getValue().byLastAccess()) {
                    notes.add(rule + "baseBlob." + e.getKey().azureName + " after daysAfterLastAccessTimeGreaterThan "
                            + "is evaluated only on blobs whose last access time " + provider + " reports (Azure "
                            + "with last access time tracking on, local); it is not evaluable on the others "
                            + "(the modification time is not used instead)");
                }
                if (e.getKey().tier != null && !tiers) {
                    notes.add(rule + "baseBlob." + e.getKey().azureName + " does not apply: this " + provider
                            + " account has no access tiers (no BLOB_TIERS)");
                }
            }
        }
        notApplied = List.copyOf(notes);
    }

    private static void tierNotes(List<String> notes, String rule, String target,
                                  Map<LifecyclePolicy.Action, LifecyclePolicy.Condition> actions, boolean kept) {
        if (!kept) {
            return;
        }
        for (LifecyclePolicy.Action a : actions.keySet()) {
            if (a.tier != null) {
                notes.add(rule + target + "." + a.azureName + " cannot be applied: tiers are set on current blobs "
                        + "only through this API (delete is)");
            }
        }
    }

    /** Whether a base-blob action is one this account can evaluate and apply. */
    boolean appliesToBase(LifecyclePolicy.Action action, LifecyclePolicy.Condition condition) {
        return action.tier == null || tiers;
    }
}
