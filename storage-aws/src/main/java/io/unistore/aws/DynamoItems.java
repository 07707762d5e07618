package io.unistore.aws;

import io.unistore.table.PropertyType;
import io.unistore.table.TableEntity;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Entities as DynamoDB items, every type exactly. The keys are the string attributes {@code PartitionKey} (hash)
 * and {@code RowKey} (range). Strings are {@code S}, booleans {@code BOOL}, binaries {@code B}, Int32 {@code N};
 * the types DynamoDB has no own type for carry a tag attribute {@code @type:<name>} naming the EDM type:
 * Int64 as {@code N} (38 digits hold every long), Double as {@code N} where DynamoDB's numbers hold it and as
 * {@code S} ({@code NaN}, {@code Infinity}, {@code -Infinity}, {@code -0.0}, or beyond DynamoDB's 1E-130 to
 * 1E126 range) otherwise, DateTime as {@code S} ISO-8601 UTC with 9 fractional digits, Guid as {@code S}. The
 * ETag is the attribute {@code @etag} (a new random value at every write, compared by conditional writes) and
 * the timestamp {@code @ts}. Names starting with {@code @} are never property names (they must be identifiers).
 */
final class DynamoItems {
    static final String PK = TableEntity.PARTITION_KEY;
    static final String RK = TableEntity.ROW_KEY;
    static final String ETAG = "@etag";
    static final String TIMESTAMP = "@ts";
    static final String TYPE_PREFIX = "@type:";

    /** Fixed width, so that stored date-times sort as they compare. */
    static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd'T'HH:mm:ss").appendFraction(ChronoField.NANO_OF_SECOND, 9, 9, true)
            .appendLiteral('Z').toFormatter().withZone(ZoneOffset.UTC);

    private static final double MIN_NUMBER = 1e-130;
    private static final double MAX_NUMBER = 9.9999999999999999e125;

    private DynamoItems() {
    }

    /** The item of an entity, with a new ETag and timestamp. */
    static Map<String, AttributeValue> item(TableEntity entity, String etag, Instant now) {
        Map<String, AttributeValue> item = key(entity.partitionKey(), entity.rowKey());
        entity.properties().forEach((name, value) -> put(item, name, value));
        item.put(ETAG, s(etag));
        item.put(TIMESTAMP, s(DATE_TIME.format(now)));
        return item;
    }

    /** The key of an entity. */
    static Map<String, AttributeValue> key(String partitionKey, String rowKey) {
        Map<String, AttributeValue> key = new HashMap<>();
        key.put(PK, s(partitionKey));
        key.put(RK, s(rowKey));
        return key;
    }

    /** Puts a property's value and, where its type needs one, its tag. */
    static void put(Map<String, AttributeValue> item, String name, Object value) {
        item.put(name, value(value));
        String tag = tag(value);
        if (tag != null) {
            item.put(TYPE_PREFIX + name, s(tag));
        }
    }

    /** The stored value of a property. */
    static AttributeValue value(Object value) {
        return switch (PropertyType.of(value)) {
            case STRING -> s((String) value);
            case BOOLEAN -> AttributeValue.fromBool((Boolean) value);
            case BINARY -> AttributeValue.fromB(SdkBytes.fromByteArray((byte[]) value));
            case INT32, INT64 -> AttributeValue.fromN(value.toString());
            case DOUBLE -> numberFits((Double) value) ? AttributeValue.fromN(value.toString()) : s(value.toString());
            case DATETIME -> s(DATE_TIME.format((Instant) value));
            case GUID -> s(value.toString());
        };
    }

    /** The tag of a value whose DynamoDB type does not say its EDM type, or null. */
    static String tag(Object value) {
        return switch (PropertyType.of(value)) {
            case STRING, BOOLEAN, BINARY, INT32 -> null;
            default -> PropertyType.of(value).edmName();
        };
    }

    /** Whether DynamoDB's numbers hold a double exactly as Java prints it (and keep its sign). */
    static boolean numberFits(double d) {
        if (!Double.isFinite(d) || (d == 0 && 1 / d < 0)) {
            return false;
        }
        double a = Math.abs(d);
        return a == 0 || (a >= MIN_NUMBER && a <= MAX_NUMBER);
    }

    /**
     * The entity of an item. A query maps every item it reads, so this looks up tags only where the item has some
     * and reads its own date-times without the general ISO parser ({@link #instant}).
     */
    static TableEntity entity(Map<String, AttributeValue> item) {
        TableEntity.Builder b = TableEntity.builder(item.get(PK).s(), item.get(RK).s());
        Map<String, String> tags = null;
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            if (e.getKey().startsWith(TYPE_PREFIX)) {
                if (tags == null) {
                    tags = new HashMap<>();
                }
                tags.put(e.getKey().substring(TYPE_PREFIX.length()), e.getValue().s());
            }
        }
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            String name = e.getKey();
            if (!name.startsWith("@") && !name.equals(PK) && !name.equals(RK)) {
                b.put(name, read(name, e.getValue(), tags == null ? null : tags.get(name)));
            }
        }
        AttributeValue etag = item.get(ETAG);
        if (etag != null) {
            b.etag(etag.s());
        }
        AttributeValue ts = item.get(TIMESTAMP);
        if (ts != null) {
            b.timestamp(instant(ts.s()));
        }
        return b.build();
    }

    /**
     * A stored date-time. The fixed-width form {@link #DATE_TIME} writes is read digit by digit (a fifth of
     * {@code Instant.parse}'s time, measured: it is two of the per-item costs of a query); any other text, and
     * anything out of range, goes to {@code Instant.parse}, which decides and reports as before.
     */
    static Instant instant(String text) {
        if (text.length() == 30 && text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == 'T'
                && text.charAt(13) == ':' && text.charAt(16) == ':' && text.charAt(19) == '.'
                && text.charAt(29) == 'Z') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            int day = digits(text, 8, 10);
            int hour = digits(text, 11, 13);
            int minute = digits(text, 14, 16);
            int second = digits(text, 17, 19);
            int nano = digits(text, 20, 29);
            if (year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour >= 0 && hour < 24
                    && minute >= 0 && minute < 60 && second >= 0 && second < 60 && nano >= 0
                    && day <= java.time.Month.of(month).length(java.time.Year.isLeap(year))) {
                long days = java.time.LocalDate.of(year, month, day).toEpochDay();
                return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second, nano);
            }
        }
        return Instant.parse(text);
    }

    /** The decimal number of {@code text[from, to)}, or -1 if a character is not a digit. */
    private static int digits(String text, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** A property's value from its stored form and tag; what other clients wrote reads by DynamoDB's type. */
    static Object read(String name, AttributeValue v, String tag) {
        if (tag != null) {
            switch (tag) {
                case "Edm.Int64":
                    return Long.parseLong(v.n());
                case "Edm.Double":
                    return Double.parseDouble(v.n() != null ? v.n() : v.s());
                case "Edm.DateTime":
                    return instant(v.s());
                case "Edm.Guid":
                    return UUID.fromString(v.s());
                default:
                    break;
            }
        }
        if (v.s() != null) {
            return v.s();
        }
        if (v.bool() != null) {
            return v.bool();
        }
        if (v.b() != null) {
            return v.b().asByteArray();
        }
        if (v.n() != null) {
            return number(v.n());
        }
        // Sets, lists, maps and nulls written by other clients have no entity type: their JSON-like text.
        return v.toString();
    }

    /** An untagged number: Int32 where it fits, else Int64, else Double. */
    private static Object number(String n) {
        try {
            long l = Long.parseLong(n);
            return l == (int) l ? (Object) (int) l : (Object) l;
        } catch (NumberFormatException e) {
            return Double.parseDouble(n);
        }
    }

    static AttributeValue s(String s) {
        return AttributeValue.fromS(s);
    }
}
