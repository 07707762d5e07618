package io.unistore.azure;

import io.unistore.table.TableEntity;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

/**
 * Converts entities between the neutral model and the Tables SDK's, so every type round-trips exactly: Int64 and
 * Guid, Binary and DateTime carry their EDM type; every Double is annotated {@code Edm.Double} (the service would
 * read 1.0 back as Int32 otherwise) and NaN / Infinity / -Infinity travel as the strings the OData JSON format
 * uses for them. DateTimes keep Azure's 100 ns precision (finer digits are cut).
 */
final class TableEntities {
    private static final String TYPE_SUFFIX = "@odata.type";
    private static final String EDM_DOUBLE = "Edm.Double";

    private TableEntities() {
    }

    static com.azure.data.tables.models.TableEntity toSdk(TableEntity e) {
        com.azure.data.tables.models.TableEntity sdk = new com.azure.data.tables.models.TableEntity(
                e.partitionKey(), e.rowKey());
        for (Map.Entry<String, Object> p : e.properties().entrySet()) {
            String name = p.getKey();
            Object v = p.getValue();
            if (v instanceof Double d) {
                sdk.addProperty(name, Double.isFinite(d) ? d : nonFinite(d));
                sdk.addProperty(name + TYPE_SUFFIX, EDM_DOUBLE);
            } else if (v instanceof Instant i) {
                sdk.addProperty(name, OffsetDateTime.ofInstant(to100ns(i), ZoneOffset.UTC));
            } else {
                sdk.addProperty(name, v);
            }
        }
        return sdk;
    }

    /** The same keys with an ETag to condition a write or delete on. */
    static com.azure.data.tables.models.TableEntity withEtag(com.azure.data.tables.models.TableEntity sdk,
                                                           String etag) {
        if (etag != null && !etag.equals("*")) {
            sdk.addProperty("odata.etag", etag);
        }
        return sdk;
    }

    static TableEntity fromSdk(com.azure.data.tables.models.TableEntity sdk) {
        TableEntity.Builder b = TableEntity.builder(sdk.getPartitionKey(), sdk.getRowKey()).etag(sdk.getETag())
                .timestamp(sdk.getTimestamp() == null ? null : sdk.getTimestamp().toInstant());
        for (Map.Entry<String, Object> p : sdk.getProperties().entrySet()) {
            String name = p.getKey();
            Object v = p.getValue();
            if (v == null || name.equals(TableEntity.PARTITION_KEY) || name.equals(TableEntity.ROW_KEY)
                    || name.equals(TableEntity.TIMESTAMP) || name.startsWith("odata.") || name.contains("@odata.")) {
                continue;
            }
            b.put(name, fromSdkValue(v, sdk.getProperties().get(name + TYPE_SUFFIX)));
        }
        return b.build();
    }

    private static Object fromSdkValue(Object v, Object edmType) {
        if (v instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        if (v instanceof String s && EDM_DOUBLE.equals(edmType)) {
            return switch (s) {
                case "NaN" -> Double.NaN;
                case "Infinity", "INF" -> Double.POSITIVE_INFINITY;
                case "-Infinity", "-INF" -> Double.NEGATIVE_INFINITY;
                default -> Double.parseDouble(s);
            };
        }
        if (v instanceof Float f) {
            return f.doubleValue();
        }
        if (v instanceof String || v instanceof Integer || v instanceof Long || v instanceof Double
                || v instanceof Boolean || v instanceof byte[] || v instanceof UUID) {
            return v;
        }
        return v.toString();
    }

    private static String nonFinite(double d) {
        return Double.isNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity";
    }

    /** Azure keeps DateTime to 100 ns. */
    static Instant to100ns(Instant i) {
        return i.minusNanos(i.getNano() % 100);
    }
}
