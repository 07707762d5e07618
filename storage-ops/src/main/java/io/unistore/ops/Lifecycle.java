package io.unistore.ops;

import io.unistore.ErrorCode;
import io.unistore.StorageAccount;
import io.unistore.StorageException;
import io.unistore.blob.AccessTier;
import io.unistore.blob.BlobItem;
import io.unistore.blob.BlobProperties;
import io.unistore.blob.DeleteBlobOptions;
import io.unistore.blob.ListBlobsOptions;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applies lifecycle rules ({@link LifecyclePolicy}) client-side, on any provider: {@link #plan} lists every action
 * due now (a dry run, optionally written to a plan file), {@link #apply} applies exactly the actions of a plan file.
 *
 * <p>Of several actions due on one blob, the most saving wins, as in Azure: delete, then archive, cold, cool, and
 * last compress (ours, {@link LifecycleCompress}: sampled while planning, rewritten under the planned ETag). A
 * tier move is planned only towards a cooler tier than the blob's, and only where the account has tiers.
 * Days count from the last modification or, for {@code daysAfterCreationGreaterThan}, the creation time where the
 * provider reports one (else the last modification, which is the creation of an object never rewritten).
 * Snapshot and version deletions are planned by {@link LifecycleOlder}; what the account cannot do or evaluate
 * (last access times, say) is stated in {@link LifecyclePlan#notApplied()} by {@link LifecycleReach}.
 *
 * <p>Applying is idempotent and resumable: each action applies only if the blob still has the ETag it was
 * planned with (a delete is conditional on it; a blob changed since is skipped), a tier move already made is
 * skipped, and with a checkpoint every finished action is journaled so a new run skips it.
 */
public final class Lifecycle {
    static final String PLAN_JOB = "lifecycle-plan";

    private Lifecycle() {
    }

    /**
     * Plans the policy on one container.
     *
     * @param planFile where to write every action (for {@link #apply}), or null
     * @param maxListed how many actions the result lists
     * @param now the instant ages are measured from (null: the clock)
     */
    public static LifecyclePlan plan(StorageAccount account, String container, LifecyclePolicy policy, Path planFile,
                                     int maxListed, Instant now, ProgressCallback progress) {
        Instant at = now == null ? Instant.now() : now;
        PriceTable prices = prices(account);
        LifecycleReach reach = new LifecycleReach(account, policy);
        ProgressMeter meter = new ProgressMeter("plan-lifecycle", progress, Duration.ofMillis(500));
        meter.phase("planning");
        Map<String, Long> counts = new TreeMap<>();
        List<LifecyclePlan.Item> listed = new ArrayList<>();
        long examined = 0;
        long total = 0;
        long bytes = 0;
        double saving = 0;
        boolean interrupted = false;
        try (BufferedWriter out = planFile == null ? null : Files.newBufferedWriter(planFile, StandardCharsets.UTF_8)) {
            if (out != null) {
                ObjectNode header = Json.object().put("job", PLAN_JOB).put("account", account.displayName())
                        .put("container", container).put("plannedAt", at.toString());
                out.write(Json.write(header));
                out.write('\n');
            }
            for (BlobItem item : account.blobs().list(container, ListBlobsOptions.defaults().withPageSize(1000))) {
                if (Thread.currentThread().isInterrupted()) {
                    interrupted = true;
                    break;
                }
                examined++;
                meter.done();
                BlobProperties p = item.properties();
                List<LifecyclePolicy.Rule> matching = policy.rules().stream().filter(r -> matches(r, container,
                        p.name())).toList();
                List<LifecyclePlan.Item> due = new ArrayList<>();
                LifecyclePlan.Item base = due(p, matching, at, reach, prices);
                if (base != null && "compress".equals(base.action())) {
                    base = LifecycleCompress.plan(account, container, p, base, prices);
                }
                if (base != null) {
                    due.add(base);
                }
                if (base == null || !"delete".equals(base.action())) { // deleting a blob deletes its snapshots
                    due.addAll(LifecycleOlder.due(account, container, p, matching, reach, at, prices));
                }
                for (LifecyclePlan.Item planned : due) {
                    total++;
                    bytes += planned.size();
                    saving += planned.monthlySaving();
                    counts.merge(planned.kind(), 1L, Long::sum);
                    if (listed.size() < maxListed) {
                        listed.add(planned);
                    }
                    if (out != null) {
                        out.write(Json.write(Json.MAPPER.valueToTree(planned)));
                        out.write('\n');
                    }
                }
            }
        } catch (IOException e) {
            throw StorageException.invalidArgument("planPath", "cannot be written: " + e.getMessage());
        }
        meter.phase(interrupted ? "interrupted" : "done");
        return new LifecyclePlan(container, examined, counts, bytes, saving, prices == null ? null : prices.currency(),
                listed, total, planFile, interrupted, reach.notApplied);
    }

    /** The base-blob action the matching rules make due on this blob now, or null. */
    static LifecyclePlan.Item due(BlobProperties p, List<LifecyclePolicy.Rule> matching, Instant now,
                                  LifecycleReach reach, PriceTable prices) {
        LifecyclePolicy.Action best = null;
        String rule = null;
        for (LifecyclePolicy.Rule r : matching) {
            for (Map.Entry<LifecyclePolicy.Action, LifecyclePolicy.Condition> e : r.baseBlob().entrySet()) {
                LifecyclePolicy.Action a = e.getKey();
                if (!reach.appliesToBase(a, e.getValue()) || !isDue(e.getValue(), p, now)
                        || (a.tier != null && !cooler(a.tier, p.tier()))) {
                    continue;
                }
                if (best == null || a.ordinal() > best.ordinal()) {
                    best = a;
                    rule = r.name();
                }
            }
        }
        if (best == null) {
            return null;
        }
        double saving = 0;
        if (prices != null && best != LifecyclePolicy.Action.COMPRESS) {
            double gib = p.size() / CostAnalysis.GIB;
            double now1 = prices.of(p.tier()).storageGbMonth().value();
            saving = best.tier == null ? gib * now1 : gib * (now1 - prices.of(best.tier).storageGbMonth().value());
        }
        return new LifecyclePlan.Item(p.name(), p.etag(), best.azureName, p.tier() == null ? null : p.tier().name(),
                best.tier == null ? null : best.tier.name(), p.size(), rule, saving, LifecyclePlan.Item.BASE, null,
                null);
    }

    private static boolean cooler(AccessTier target, AccessTier current) {
        return target.ordinal() > (current == null ? AccessTier.HOT : current).ordinal();
    }

    private static boolean matches(LifecyclePolicy.Rule r, String container, String blob) {
        if (r.prefixMatch().isEmpty()) {
            return true;
        }
        for (String m : r.prefixMatch()) {
            int slash = m.indexOf('/');
            String c = slash < 0 ? m : m.substring(0, slash);
            String prefix = slash < 0 ? "" : m.substring(slash + 1);
            if ((c.equals("*") || c.equals(container)) && blob.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDue(LifecyclePolicy.Condition c, BlobProperties p, Instant now) {
        if (c.byLastAccess()) {
            // Only where the service tracks reads: never counted from the modification time instead.
            return p.lastAccessedOn() != null
                    && Duration.between(p.lastAccessedOn(), now).toDays() > c.daysAfterLastAccessTimeGreaterThan();
        }
        Instant from = c.daysAfterModificationGreaterThan() != null || p.createdAt() == null ? p.lastModified()
                : p.createdAt();
        int days = c.daysAfterModificationGreaterThan() != null ? c.daysAfterModificationGreaterThan()
                : c.daysAfterCreationGreaterThan();
        return from != null && Duration.between(from, now).toDays() > days;
    }

    private static PriceTable prices(StorageAccount account) {
        try {
            return PriceTable.load(account.providerId(), null, null);
        } catch (StorageException unknownProvider) {
            return null;
        }
    }

    /**
     * Applies exactly the actions of a plan file, resumably with a checkpoint (null for none).
     *
     * @param container the container the plan is of (a plan of another is refused)
     * @throws StorageException INVALID_ARGUMENT if the file is no plan of this account and container
     */
    public static LifecycleApplyResult apply(StorageAccount account, String container, Path planFile,
                                             Path checkpoint, ProgressCallback progress) {
        return apply(account, container, planFile, checkpoint, progress, Duration.ofMillis(500));
    }

    /** {@link #apply} reporting progress at most every {@code interval}. */
    static LifecycleApplyResult apply(StorageAccount account, String container, Path planFile, Path checkpoint,
                                      ProgressCallback progress, Duration interval) {
        ProgressMeter meter = new ProgressMeter("apply-lifecycle", progress, interval);
        Set<Long> done = new HashSet<>();
        long applied = 0;
        long changed = 0;
        long already = 0;
        long resumed = 0;
        List<String> failures = new ArrayList<>();
        boolean interrupted = false;
        try (BufferedReader in = Files.newBufferedReader(planFile, StandardCharsets.UTF_8)) {
            JsonNode header = Json.parse(String.valueOf(in.readLine()), "planPath");
            if (!PLAN_JOB.equals(Json.text(header, "job"))
                    || !account.displayName().equals(Json.text(header, "account"))) {
                throw StorageException.invalidArgument("planPath", "is not a lifecycle plan of this account ("
                        + account.displayName() + ")");
            }
            if (!container.equals(Json.text(header, "container"))) {
                throw StorageException.invalidArgument("planPath", "is the plan of container '"
                        + Json.text(header, "container") + "', not '" + container + "'");
            }
            ObjectNode job = Json.object().put("job", "apply-lifecycle").put("plan", planFile.toAbsolutePath()
                    .toString()).put("plannedAt", Json.text(header, "plannedAt"));
            try (Checkpoint journal = checkpoint == null ? null
                    : Checkpoint.open(checkpoint, job, r -> done.add(r.path("i").asLong()))) {
                meter.phase("applying");
                long i = 0;
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    i++;
                    if (Thread.currentThread().isInterrupted()) {
                        interrupted = true;
                        break;
                    }
                    if (done.contains(i)) {
                        resumed++;
                        meter.skipped();
                        continue;
                    }
                    LifecyclePlan.Item item = Json.MAPPER.treeToValue(Json.parse(line, "planPath"),
                            LifecyclePlan.Item.class);
                    try {
                        switch (applyOne(account, container, item)) {
                            case APPLIED -> applied++;
                            case CHANGED -> changed++;
                            case ALREADY -> already++;
                        }
                        if (journal != null) {
                            journal.append(Json.object().put("i", i));
                        }
                        meter.done();
                    } catch (StorageException e) {
                        failures.add(item.blob() + ": " + e.getMessage());
                        meter.failed();
                    }
                }
            }
        } catch (IOException e) {
            throw StorageException.invalidArgument("planPath", "cannot be read: " + e.getMessage());
        }
        meter.phase(interrupted ? "interrupted" : "done");
        return new LifecycleApplyResult(applied, changed, already, resumed, List.copyOf(failures.subList(0,
                Math.min(100, failures.size()))), failures.size(), interrupted, meter.elapsed());
    }

    private enum Outcome { APPLIED, CHANGED, ALREADY }

    private static Outcome applyOne(StorageAccount account, String container, LifecyclePlan.Item item) {
        if (item.snapshot() != null || item.versionId() != null) {
            // Snapshots and previous versions never change: the id names the content planned.
            DeleteBlobOptions older = item.snapshot() != null ? DeleteBlobOptions.defaults().withSnapshot(item.snapshot())
                    : DeleteBlobOptions.defaults().withVersionId(item.versionId());
            try {
                return account.blobs().delete(container, item.blob(), older) ? Outcome.APPLIED : Outcome.ALREADY;
            } catch (StorageException e) {
                if (e.code() == ErrorCode.NOT_FOUND) {
                    return Outcome.ALREADY;
                }
                throw e;
            }
        }
        BlobProperties now;
        try {
            now = account.blobs().getProperties(container, item.blob());
        } catch (StorageException e) {
            if (e.code() == ErrorCode.NOT_FOUND) {
                return "delete".equals(item.action()) ? Outcome.ALREADY : Outcome.CHANGED;
            }
            throw e;
        }
        if (!now.etag().equals(item.etag())) {
            return Outcome.CHANGED;
        }
        if ("compress".equals(item.action())) {
            return LifecycleCompress.apply(account, container, item.blob(), item.etag())
                    == LifecycleCompress.Result.APPLIED ? Outcome.APPLIED : Outcome.CHANGED;
        }
        if ("delete".equals(item.action())) {
            account.blobs().delete(container, item.blob(), DeleteBlobOptions.defaults()
                    .withConditions(io.unistore.RequestConditions.ifMatch(item.etag())));
            return Outcome.APPLIED;
        }
        AccessTier target = AccessTier.valueOf(item.toTier());
        if (now.tier() == target) {
            return Outcome.ALREADY;
        }
        account.blobs().setTier(container, item.blob(), target);
        return Outcome.APPLIED;
    }
}
