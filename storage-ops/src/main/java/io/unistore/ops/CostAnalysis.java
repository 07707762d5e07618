package io.unistore.ops;

import io.unistore.StorageAccount;
import io.unistore.blob.AccessTier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The monthly storage cost of an account's containers at list prices ({@link PriceTable}), and tier moves that
 * would save money. It lists every blob once (streaming, as {@link StorageMetrics}) and prices what it found:
 * GB are GiB (2^30 bytes), as the providers bill; blobs reporting no tier are priced as HOT, the default tier.
 *
 * <p>A tier move is recommended for the objects of a tier last modified at least {@code *AfterDays} ago when its
 * net saving over the horizon is positive: months &times; (storage saved - expected retrieval) - the write
 * operations of the moves. The early-deletion charge is not certain (it applies only to objects deleted or
 * moved again before the target tier's minimum days), so it is shown as an exposure beside the saving.
 * Operation costs are priced from {@link CostOptions#operations()} (counts from an audit log) by
 * {@link CostOperations}; without them they are stated as not included.
 */
public final class CostAnalysis {
    static final double GIB = 1L << 30;

    private CostAnalysis() {
    }

    /** Prices the containers the options name (all of them when none) and recommends tier moves. */
    public static CostReport analyze(StorageAccount account, CostOptions o) {
        MetricsOptions mo = new MetricsOptions(o.container(), null, null, null, null, 0, 1, 0, 100, null, null, null, null);
        return analyze(account, o, StorageMetrics.containerNames(account, mo));
    }

    /** Prices these containers of the account (whatever the options name) and recommends tier moves. */
    public static CostReport analyze(StorageAccount account, CostOptions o, List<String> containers) {
        String provider = o.pricesFor() != null ? o.pricesFor() : account.providerId();
        PriceTable prices = PriceTable.load(provider, o.region(), o.priceFile());
        MetricsOptions mo = new MetricsOptions(o.container(), null, null, null, null, 0, 1, 0, 100, o.progress(),
                null, o.now(), null);
        ProgressMeter meter = new ProgressMeter("analyze-storage-costs", o.progress(), mo.progressInterval());
        Walk walk = new Walk(account, mo, mo.clock(), meter);
        List<CostReport.Line> lines = new ArrayList<>();
        Map<String, Double> byTier = new TreeMap<>();
        List<CostReport.Recommendation> recs = new ArrayList<>();
        double total = 0;
        for (String name : containers) {
            if (walk.stopped()) {
                break;
            }
            ContainerMetrics c = walk.container(name);
            for (Map.Entry<String, List<ContainerMetrics.AgeBucket>> e : c.ageByTier().entrySet()) {
                AccessTier tier = tier(e.getKey());
                double price = prices.of(tier).storageGbMonth().value();
                long objects = e.getValue().stream().mapToLong(ContainerMetrics.AgeBucket::objects).sum();
                long bytes = e.getValue().stream().mapToLong(ContainerMetrics.AgeBucket::bytes).sum();
                double monthly = bytes / GIB * price;
                lines.add(new CostReport.Line(name, tier.name(), objects, bytes, price, monthly));
                byTier.merge(tier.name(), monthly, Double::sum);
                total += monthly;
                recs.addAll(moves(name, tier, e.getValue(), prices, o));
            }
        }
        meter.phase(walk.stopped() ? "interrupted" : "done");
        recs.sort(Comparator.comparingDouble(CostReport.Recommendation::netSaving).reversed());
        List<CostReport.OperationLine> ops = CostOperations.price(o.operations(), lines, prices);
        return new CostReport(provider, prices.region(), prices.version(), prices.currency(), total, lines, byTier,
                CostOperations.describe(o.operations()), ops.stream().mapToDouble(CostReport.OperationLine::monthly)
                .sum(), ops, recs, policy(recs), walk.stopped());
    }

    private static AccessTier tier(String name) {
        return BlobTally.NO_TIER.equals(name) ? AccessTier.HOT : AccessTier.valueOf(name);
    }

    /** The best move of each age bucket old enough, summed per target tier. */
    private static List<CostReport.Recommendation> moves(String container, AccessTier from,
                                                         List<ContainerMetrics.AgeBucket> ages, PriceTable prices,
                                                         CostOptions o) {
        Map<AccessTier, double[]> sums = new TreeMap<>();
        for (ContainerMetrics.AgeBucket b : ages) {
            AccessTier best = null;
            double bestNet = 0;
            for (AccessTier to : AccessTier.values()) {
                if (to.ordinal() <= from.ordinal() || !prices.tiers().containsKey(to) || b.minDays() < after(to, o)
                        || b.objects() == 0) {
                    continue;
                }
                double net = figures(prices, from, to, b.objects(), b.bytes(), o)[4];
                if (net > bestNet) {
                    best = to;
                    bestNet = net;
                }
            }
            if (best != null) {
                double[] s = sums.computeIfAbsent(best, t -> new double[2]);
                s[0] += b.objects();
                s[1] += b.bytes();
            }
        }
        List<CostReport.Recommendation> out = new ArrayList<>();
        sums.forEach((to, s) -> {
            long objects = (long) s[0];
            long bytes = (long) s[1];
            double[] f = figures(prices, from, to, objects, bytes, o);
            int days = after(to, o);
            out.add(new CostReport.Recommendation("tier-move", container, from.name(), to.name(), days, objects, bytes,
                    f[0], f[1], f[2], f[3], f[4], String.format("%d objects (%.3f GiB) in %s of '%s' not modified for "
                            + "%d days or more; %s costs %s/GiB-month there, %s %s", objects, bytes / GIB,
                            from, container, days, to, prices.of(to).storageGbMonth().value(), from,
                            prices.of(from).storageGbMonth().value())));
        });
        return out;
    }

    private static int after(AccessTier to, CostOptions o) {
        return switch (to) {
            case COOL -> o.coolAfterDays();
            case COLD -> o.coldAfterDays();
            case ARCHIVE -> o.archiveAfterDays();
            case HOT -> 0;
        };
    }

    /** {monthly saving, transition cost, retrieval per month, early-deletion exposure, net saving}. */
    static double[] figures(PriceTable prices, AccessTier from, AccessTier to, long objects, long bytes,
                            CostOptions o) {
        double gib = bytes / GIB;
        PriceTable.TierPrices target = prices.of(to);
        double saving = gib * (prices.of(from).storageGbMonth().value() - target.storageGbMonth().value());
        double transition = objects / 10_000.0 * target.writePer10k().value();
        double retrieval = gib * o.readFractionPerMonth() * target.retrievalPerGb().value();
        double exposure = gib * target.storageGbMonth().value() * target.earlyDeletionDays().value() / 30.0;
        double net = o.horizonMonths() * (saving - retrieval) - transition;
        return new double[] {saving, transition, retrieval, exposure, net};
    }

    /** The moves as an Azure lifecycle-management policy: one rule per container. */
    private static String policy(List<CostReport.Recommendation> recs) {
        Map<String, ObjectNode> actions = new LinkedHashMap<>();
        for (CostReport.Recommendation r : recs) {
            ObjectNode baseBlob = actions.computeIfAbsent(r.container(), c -> Json.object());
            String action = switch (r.toTier()) {
                case "COOL" -> "tierToCool";
                case "COLD" -> "tierToCold";
                default -> "tierToArchive";
            };
            baseBlob.putObject(action).put("daysAfterModificationGreaterThan", r.notModifiedDays());
        }
        if (actions.isEmpty()) {
            return null;
        }
        ObjectNode policy = Json.object();
        ArrayNode rules = policy.putArray("rules");
        actions.forEach((container, baseBlob) -> {
            ObjectNode rule = rules.addObject().put("enabled", true).put("name", container + "-tiering")
                    .put("type", "Lifecycle");
            ObjectNode def = rule.putObject("definition");
            ObjectNode filters = def.putObject("filters");
            filters.putArray("blobTypes").add("blockBlob");
            filters.putArray("prefixMatch").add(container + "/");
            def.putObject("actions").set("baseBlob", baseBlob);
        });
        return Json.write(policy);
    }
}
