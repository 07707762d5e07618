package io.unistore.ops;

import io.unistore.StorageException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;

/**
 * Options of {@link CostAnalysis#analyze}.
 *
 * @param container analyse only this container, or null for every container
 * @param pricesFor the provider whose prices apply (null: the account's own), e.g. to price a local account as Azure
 * @param region the price region (null: the price file's default)
 * @param priceFile a user JSON file overriding figures of the built-in table, or null
 * @param coolAfterDays recommend Cool for objects not modified in this many days (30, 90, 180 or 365)
 * @param coldAfterDays recommend Cold after this many days
 * @param archiveAfterDays recommend Archive after this many days
 * @param readFractionPerMonth the share of moved bytes expected to be read back each month (0 to 1), priced at the
 *        cooler tier's retrieval price
 * @param horizonMonths the months a recommendation's net saving is counted over
 * @param progress told how the listing advances, or null
 * @param now the instant ages are measured from (null: the clock)
 * @param operations operation counts to price (from an audit log), or null: operations are then not included
 */
public record CostOptions(String container, String pricesFor, String region, Path priceFile, int coolAfterDays,
                          int coldAfterDays, int archiveAfterDays, double readFractionPerMonth, int horizonMonths,
                          ProgressCallback progress, Instant now, OperationCounts operations) {
    /** The age thresholds a recommendation can use: the bounds of the metrics' age buckets. */
    static final Set<Integer> THRESHOLDS = Set.of(30, 90, 180, 365);

    public CostOptions {
        days("coolAfterDays", coolAfterDays);
        days("coldAfterDays", coldAfterDays);
        days("archiveAfterDays", archiveAfterDays);
        if (!(coolAfterDays < coldAfterDays && coldAfterDays < archiveAfterDays)) {
            throw StorageException.invalidArgument("coolAfterDays/coldAfterDays/archiveAfterDays",
                    "must increase: cool < cold < archive");
        }
        if (!(readFractionPerMonth >= 0 && readFractionPerMonth <= 1)) {
            throw StorageException.invalidArgument("readFractionPerMonth", "must be between 0 and 1");
        }
        if (horizonMonths < 1 || horizonMonths > 120) {
            throw StorageException.invalidArgument("horizonMonths", "must be between 1 and 120");
        }
    }

    private static void days(String field, int v) {
        if (!THRESHOLDS.contains(v)) {
            throw StorageException.invalidArgument(field, "must be one of 30, 90, 180, 365 (the age buckets), was " + v);
        }
    }

    /** Every container at the account's own prices: Cool after 30 days, Cold after 90, Archive after 180. */
    public static CostOptions defaults() {
        return new CostOptions(null, null, null, null, 30, 90, 180, 0, 12, null, null, null);
    }

    public CostOptions withContainer(String v) {
        return new CostOptions(v, pricesFor, region, priceFile, coolAfterDays, coldAfterDays, archiveAfterDays,
                readFractionPerMonth, horizonMonths, progress, now, operations);
    }

    public CostOptions withPrices(String provider, String priceRegion, Path file) {
        return new CostOptions(container, provider, priceRegion, file, coolAfterDays, coldAfterDays, archiveAfterDays,
                readFractionPerMonth, horizonMonths, progress, now, operations);
    }

    public CostOptions withThresholds(int cool, int cold, int archive) {
        return new CostOptions(container, pricesFor, region, priceFile, cool, cold, archive, readFractionPerMonth,
                horizonMonths, progress, now, operations);
    }

    public CostOptions withReadFractionPerMonth(double v) {
        return new CostOptions(container, pricesFor, region, priceFile, coolAfterDays, coldAfterDays, archiveAfterDays,
                v, horizonMonths, progress, now, operations);
    }

    public CostOptions withHorizonMonths(int v) {
        return new CostOptions(container, pricesFor, region, priceFile, coolAfterDays, coldAfterDays, archiveAfterDays,
                readFractionPerMonth, v, progress, now, operations);
    }

    public CostOptions withProgress(ProgressCallback v) {
        return new CostOptions(container, pricesFor, region, priceFile, coolAfterDays, coldAfterDays, archiveAfterDays,
                readFractionPerMonth, horizonMonths, v, now, operations);
    }

    /** Prices these operation counts too (null: operations not included). */
    public CostOptions withOperations(OperationCounts v) {
        return new CostOptions(container, pricesFor, region, priceFile, coolAfterDays, coldAfterDays, archiveAfterDays,
                readFractionPerMonth, horizonMonths, progress, now, v);
    }

    public CostOptions withNow(Instant v) {
        return new CostOptions(container, pricesFor, region, priceFile, coolAfterDays, coldAfterDays, archiveAfterDays,
                readFractionPerMonth, horizonMonths, progress, v, operations);
    }
}
