package io.unistore.ops;

import io.unistore.ErrorCode;
import io.unistore.StorageException;
import io.unistore.blob.AccessTier;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The list prices of one provider in one region, read from the versioned data file of storage-ops
 * ({@code io/unistore/ops/prices-<provider>.json}), with any figure replaced by a user file of the same shape.
 * Every figure carries the date it is from and its source page.
 *
 * @param provider the provider the prices are of
 * @param region the region
 * @param version the price file's version
 * @param currency e.g. {@code USD}
 * @param egressPerGb internet egress per GB
 * @param tiers the figures of each tier the provider has
 */
public record PriceTable(String provider, String region, String version, String currency, Figure egressPerGb,
                         Map<AccessTier, TierPrices> tiers) {
    /** One price: its value, the date it is from, its source and how sure it is. */
    public record Figure(double value, String asOf, String source, String status) {
    }

    /** The prices of one tier; operations are per 10,000. */
    public record TierPrices(String providerClass, Figure storageGbMonth, Figure writePer10k, Figure readPer10k,
                             Figure retrievalPerGb, Figure earlyDeletionDays) {
    }

    /**
     * The prices of {@code provider} in {@code region} (null: the file's default region), with the figures of
     * {@code override} (a JSON file of the same shape, any subset; null for none) replacing the built-in ones.
     *
     * @throws StorageException INVALID_ARGUMENT naming {@code provider}, {@code region} or {@code priceFile}
     */
    public static PriceTable load(String provider, String region, Path override) {
        JsonNode base;
        try (InputStream in = PriceTable.class.getResourceAsStream("prices-" + provider + ".json")) {
            if (in == null || !provider.matches("[a-z0-9]+")) {
                throw StorageException.invalidArgument("provider", "no price table for '" + provider
                        + "'; there are azure, aws, gcp and local");
            }
            base = Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new StorageException(ErrorCode.INTERNAL, "price table of " + provider + " unreadable", e);
        }
        if (override != null) {
            JsonNode user;
            try {
                user = Json.parse(Files.readString(override), "priceFile");
            } catch (IOException e) {
                throw StorageException.invalidArgument("priceFile", "cannot be read: " + e.getMessage());
            }
            if (!user.isObject()) {
                throw StorageException.invalidArgument("priceFile", "must be a JSON object like the built-in tables");
            }
            base = merge((ObjectNode) base.deepCopy(), user);
        }
        String r = region != null ? region : Json.text(base, "defaultRegion");
        JsonNode at = base.path("regions").path(r);
        if (!at.isObject()) {
            throw StorageException.invalidArgument("region", "no prices for region '" + r + "' of " + provider
                    + "; known: " + base.path("regions").propertyNames() + " (add it in a price file)");
        }
        Map<AccessTier, TierPrices> tiers = new EnumMap<>(AccessTier.class);
        for (AccessTier tier : AccessTier.values()) {
            JsonNode t = at.path("tiers").path(tier.name());
            if (t.isObject()) {
                tiers.put(tier, new TierPrices(Json.text(t, "providerClass"), figure(t, "storageGbMonth"),
                        figure(t, "writePer10k"), figure(t, "readPer10k"), figure(t, "retrievalPerGb"),
                        figure(t, "earlyDeletionDays")));
            }
        }
        if (!tiers.containsKey(AccessTier.HOT)) {
            throw StorageException.invalidArgument("priceFile", "region '" + r + "' has no HOT tier");
        }
        return new PriceTable(provider, r, Json.text(base, "version"), Json.text(base, "currency"),
                figure(at, "egressPerGb"), tiers);
    }

    /** The prices of a tier, or of HOT where the provider has no such tier (or reports none). */
    public TierPrices of(AccessTier tier) {
        return tier == null ? tiers.get(AccessTier.HOT) : tiers.getOrDefault(tier, tiers.get(AccessTier.HOT));
    }

    private static Figure figure(JsonNode parent, String field) {
        JsonNode f = parent.path(field);
        if (!f.path("value").isNumber()) {
            throw StorageException.invalidArgument("priceFile", "'" + field + "' needs a numeric value");
        }
        double v = f.path("value").asDouble();
        if (v < 0 || Double.isNaN(v) || Double.isInfinite(v)) {
            throw StorageException.invalidArgument("priceFile", "'" + field + "' must be a price of 0 or more");
        }
        return new Figure(v, Json.text(f, "asOf"), Json.text(f, "source"), Json.text(f, "status"));
    }

    /** Copies every field of {@code user} into {@code base}, objects merged field by field. */
    private static ObjectNode merge(ObjectNode base, JsonNode user) {
        for (Map.Entry<String, JsonNode> e : user.properties()) {
            JsonNode existing = base.get(e.getKey());
            if (existing instanceof ObjectNode o && e.getValue().isObject()) {
                merge(o, e.getValue());
            } else {
                base.set(e.getKey(), e.getValue());
            }
        }
        return base;
    }
}
