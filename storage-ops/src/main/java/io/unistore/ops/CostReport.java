package io.unistore.ops;

import java.util.List;
import java.util.Map;

/**
 * The result of {@link CostAnalysis#analyze}: the monthly storage cost now and what could be saved.
 *
 * @param provider the provider whose prices were used
 * @param region the price region
 * @param priceVersion the price file's version
 * @param currency the currency of every amount
 * @param monthlyStorage the storage cost per month of everything analysed
 * @param byContainer cost lines per container and tier
 * @param byTier storage cost per month per tier
 * @param operations how operations are counted, in words: the log, the period and its scaling, or that they are not
 *        included (no log given)
 * @param monthlyOperations the operations' cost per month (0 when not included)
 * @param byOperation cost lines per container and operation class (empty when not included)
 * @param recommendations what to change, each with its saving and evidence, largest net saving first
 * @param lifecyclePolicy the Azure lifecycle-management policy (JSON) that makes the tier moves, or null
 * @param interrupted whether the listing was stopped before the end: the figures are partial
 */
public record CostReport(String provider, String region, String priceVersion, String currency, double monthlyStorage,
                         List<Line> byContainer, Map<String, Double> byTier, String operations,
                         double monthlyOperations, List<OperationLine> byOperation, List<Recommendation> recommendations, String lifecyclePolicy, boolean interrupted) {
    /** The storage cost of one tier of one container. */
    public record Line(String container, String tier, long objects, long bytes, double pricePerGbMonth,
                       double monthly) {
    }

    /**
     * The operations of one class on one container.
     *
     * @param container the container
     * @param operationClass {@code write}, {@code list}, {@code read} or {@code delete} ({@link OperationCounts})
     * @param counted how many the log holds over its period
     * @param perMonth that count scaled to 30 days
     * @param tier the tier priced at: the container's tier holding the most bytes
     * @param pricePer10k the price of 10,000 of them there
     * @param monthly their cost per month
     */
    public record OperationLine(String container, String operationClass, long counted, double perMonth, String tier,
                                double pricePer10k, double monthly) {
    }

    /**
     * One recommendation.
     *
     * @param kind {@code tier-move}
     * @param container the container
     * @param fromTier the tier the objects are in
     * @param toTier the tier to move them to
     * @param notModifiedDays the objects were not modified for at least this many days
     * @param objects how many
     * @param bytes their size
     * @param monthlySaving storage saved per month
     * @param transitionCost the one-off cost of the moves (write operations at the target tier)
     * @param retrievalPerMonth the expected monthly retrieval cost at the target tier (readFractionPerMonth)
     * @param earlyDeletionExposure what the minimum-days charge would be if every moved object were deleted or
     *        moved again at once (storage at the target tier for its minimum days)
     * @param netSaving over the horizon: months &times; (monthlySaving - retrievalPerMonth) - transitionCost
     * @param evidence what was measured, in words
     */
    public record Recommendation(String kind, String container, String fromTier, String toTier, int notModifiedDays,
                                 long objects, long bytes, double monthlySaving, double transitionCost,
                                 double retrievalPerMonth, double earlyDeletionExposure, double netSaving,
                                 String evidence) {
    }
}
