package io.unistore.ops;

import io.unistore.blob.AccessTier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Prices the operations of {@link OperationCounts}: each class's count over the log's period, scaled to 30 days,
 * at the price of 10,000 of them in the container's tier that holds the most bytes (an audit line does not say the
 * blob's tier); writes and lists at the write price, reads at the read price, deletes free (as on Azure, S3 and
 * Cloud Storage). Containers the log names but the analysis did not list are priced at HOT.
 */
final class CostOperations {
    static final String NOT_INCLUDED = "not included: operation counts need an audit (request) log, and none was read";

    private CostOperations() {
    }

    static List<CostReport.OperationLine> price(OperationCounts counts, List<CostReport.Line> storage,
                                                PriceTable prices) {
        List<CostReport.OperationLine> out = new ArrayList<>();
        if (counts == null) {
            return out;
        }
        Map<String, CostReport.Line> dominant = new HashMap<>();
        for (CostReport.Line l : storage) {
            dominant.merge(l.container(), l, (a, b) -> b.bytes() > a.bytes() ? b : a);
        }
        double scale = 30 / counts.days();
        counts.counts().forEach((container, byClass) -> byClass.forEach((kind, n) -> {
            CostReport.Line line = dominant.get(container);
            AccessTier tier = line == null ? AccessTier.HOT : AccessTier.valueOf(line.tier());
            PriceTable.TierPrices p = prices.of(tier);
            double per10k = switch (kind) {
                case OperationCounts.WRITE, OperationCounts.LIST -> p.writePer10k().value();
                case OperationCounts.READ -> p.readPer10k().value();
                default -> 0;
            };
            double perMonth = n * scale;
            out.add(new CostReport.OperationLine(container, kind, n, perMonth, tier.name(), per10k,
                    perMonth / 10_000 * per10k));
        }));
        return out;
    }

    static String describe(OperationCounts counts) {
        if (counts == null) {
            return NOT_INCLUDED;
        }
        return String.format("from %s, %s to %s (%.2f days), scaled to 30 days; writes and lists at the write "
                + "price, reads at the read price, deletes free, each at the container's tier holding the most bytes"
                + "%s", counts.source(), counts.from(), counts.to(), counts.days(), counts.readsRecorded() ? ""
                : "; reads not included: the log records writes only (audit.reads=false)");
    }
}
