package io.unistore.ops;

import io.unistore.table.PropertyType;

/** Conversions between property types for the {@code cast} step. */
final class Casts {
    private Casts() {
    }

    /**
     * Converts a value to a type: numbers numerically (a double to an integer only when integral and in range),
     * everything else through its canonical text.
     *
     * @throws IllegalArgumentException saying why the value does not convert
     */
    static Object cast(Object value, PropertyType type) {
        PropertyType from = PropertyType.of(value);
        if (from == type) {
            return value;
        }
        if (value instanceof Number n && (type == PropertyType.INT32 || type == PropertyType.INT64
                || type == PropertyType.DOUBLE)) {
            return numeric(n, type);
        }
        if (type == PropertyType.STRING) {
            return ValueText.format(value);
        }
        return ValueText.parse(ValueText.format(value), type);
    }

    private static Object numeric(Number n, PropertyType type) {
        if (type == PropertyType.DOUBLE) {
            return n.doubleValue();
        }
        long whole;
        if (n instanceof Double d) {
            if (d != Math.rint(d) || d < Long.MIN_VALUE || d > Long.MAX_VALUE) {
                throw new IllegalArgumentException(d + " is not a whole number");
            }
            whole = d.longValue();
        } else {
            whole = n.longValue();
        }
        if (type == PropertyType.INT64) {
            return whole;
        }
        if (whole < Integer.MIN_VALUE || whole > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(whole + " does not fit in a 32-bit integer");
        }
        return (int) whole;
    }
}
