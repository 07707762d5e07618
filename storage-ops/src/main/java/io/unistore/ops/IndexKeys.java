package io.unistore.ops;

import io.unistore.table.PropertyType;
import io.unistore.table.TableEntity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * The keys of index rows. An index row's PartitionKey encodes the indexed values so that key order is the order
 * {@link io.unistore.table.Filter} compares them in, with URL-unreserved ASCII characters only, so every provider
 * orders and addresses them alike; its RowKey is a hash of the base entity's keys (base keys may be 1 KiB each).
 *
 * <p>Each value is a type tag and an encoding that is monotone (never decreasing) in the filter's order: Int32,
 * Int64 and Double share one numeric domain (a long beyond 2^53 goes to its nearest double), long strings and
 * binaries are cut. So the rows between the encoded bounds of a filter are a superset of its matches, and every
 * candidate is checked against the base entity. Each part ends with {@code ,}, below every encoding character,
 * so tuples sort part by part.
 */
final class IndexKeys {
    /**
     * Code units of strings (bytes of binaries) kept across all parts of one key: at most 3 characters each, so a
     * key stays under 512 characters (Azure Tables: 1 KiB of UTF-16).
     */
    static final int BUDGET = 160;
    static final char END = ',';
    static final char MISSING = '~';
    private static final String ALPHABET = "-.0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz~";
    private static final int BASE = ALPHABET.length();
    /** Code units below this take two characters; the rest three, led by the characters after the first TWO. */
    private static final int TWO = 50;

    private IndexKeys() {
    }

    /** The tag of a value's comparison domain: the three number types share one. */
    static char tag(PropertyType type) {
        return switch (type) {
            case BINARY -> 'X';
            case BOOLEAN -> 'B';
            case DATETIME -> 'D';
            case GUID -> 'G';
            case INT32, INT64, DOUBLE -> 'N';
            case STRING -> 'S';
        };
    }

    /** The encoded part of one value (tag + encoding + END), or of a missing one. */
    static String part(Object value, int budget) {
        if (value == null) {
            return MISSING + "" + END;
        }
        PropertyType type = PropertyType.of(value);
        return tag(type) + encode(value, budget) + END;
    }

    /** The PartitionKey of the index row of these values (null: the entity lacks that property). */
    static String valueKey(List<Object> values) {
        int budget = Math.max(8, BUDGET / values.size());
        StringBuilder b = new StringBuilder();
        for (Object v : values) {
            b.append(part(v, budget));
        }
        return b.toString();
    }

    /** The values of the properties an index covers, or null when the entity has not the first of them. */
    static List<Object> values(TableEntity entity, List<String> properties) {
        if (entity.get(properties.get(0)) == null) {
            return null;
        }
        return properties.stream().map(entity::get).toList();
    }

    /** The RowKey of the index row of a base entity: SHA-256 of its length-prefixed keys, in hex. */
    static String baseKey(String partitionKey, String rowKey) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String k : List.of(partitionKey, rowKey)) {
                byte[] b = k.getBytes(StandardCharsets.UTF_8);
                md.update(new byte[] {(byte) (b.length >>> 24), (byte) (b.length >>> 16), (byte) (b.length >>> 8),
                        (byte) b.length});
                md.update(b);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The encoding of a value without its tag, monotone in the filter's order. */
    static String encode(Object value, int budget) {
        return switch (PropertyType.of(value)) {
            case INT32, INT64, DOUBLE -> sortableHex(Double.doubleToLongBits(((Number) value).doubleValue()), true);
            case BOOLEAN -> (Boolean) value ? "1" : "0";
            case DATETIME -> {
                Instant t = (Instant) value;
                yield sortableHex(t.getEpochSecond(), false) + String.format("%08x", t.getNano());
            }
            case GUID -> ((UUID) value).toString();
            case BINARY -> {
                byte[] b = (byte[]) value;
                yield HexFormat.of().formatHex(b, 0, Math.min(b.length, budget));
            }
            case STRING -> text((String) value, budget);
        };
    }

    /** A string, one UTF-16 code unit at a time, as a prefix-free code whose order is the code units' order. */
    static String text(String s, int budget) {
        StringBuilder b = new StringBuilder();
        int n = Math.min(s.length(), budget);
        for (int i = 0; i < n; i++) {
            int c = s.charAt(i);
            if (c < TWO * BASE) {
                b.append(ALPHABET.charAt(c / BASE)).append(ALPHABET.charAt(c % BASE));
            } else {
                int d = c - TWO * BASE;
                b.append(ALPHABET.charAt(TWO + d / (BASE * BASE))).append(ALPHABET.charAt(d / BASE % BASE))
                        .append(ALPHABET.charAt(d % BASE));
            }
        }
        return b.toString();
    }

    /** 16 hex digits whose order is the order of the double (bits from doubleToLongBits) or of the long. */
    private static String sortableHex(long bits, boolean isDouble) {
        long sortable = isDouble ? (bits < 0 ? ~bits : bits ^ Long.MIN_VALUE) : bits ^ Long.MIN_VALUE;
        return String.format("%016x", sortable);
    }

    /** The smallest key above every key starting with {@code prefix} (its last character raised by one). */
    static String after(String prefix) {
        return prefix.substring(0, prefix.length() - 1) + (char) (prefix.charAt(prefix.length() - 1) + 1);
    }
}
