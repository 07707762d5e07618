package io.unistore.table;

import io.unistore.StorageException;
import java.time.Instant;
import java.util.UUID;

/**
 * The types an entity property can have, with their Java types and Azure EDM names.
 */
public enum PropertyType {
    STRING(String.class, "Edm.String"),
    INT32(Integer.class, "Edm.Int32"),
    INT64(Long.class, "Edm.Int64"),
    DOUBLE(Double.class, "Edm.Double"),
    BOOLEAN(Boolean.class, "Edm.Boolean"),
    /** An instant, kept to the nanosecond locally and to 100 ns on Azure. */
    DATETIME(Instant.class, "Edm.DateTime"),
    /** Bytes; values are {@code byte[]}, copied on the way in and out. */
    BINARY(byte[].class, "Edm.Binary"),
    GUID(UUID.class, "Edm.Guid");

    private final Class<?> javaType;
    private final String edmName;

    PropertyType(Class<?> javaType, String edmName) {
        this.javaType = javaType;
        this.edmName = edmName;
    }

    /** The Java type of values of this type. */
    public Class<?> javaType() {
        return javaType;
    }

    /** The Azure/OData EDM type name, e.g. {@code Edm.Int64}. */
    public String edmName() {
        return edmName;
    }

    /** The type of a value, or INVALID_ARGUMENT for a Java type entities cannot hold. */
    public static PropertyType of(Object value) {
        if (value instanceof String) {
            return STRING;
        } else if (value instanceof Integer) {
            return INT32;
        } else if (value instanceof Long) {
            return INT64;
        } else if (value instanceof Double) {
            return DOUBLE;
        } else if (value instanceof Boolean) {
            return BOOLEAN;
        } else if (value instanceof Instant) {
            return DATETIME;
        } else if (value instanceof byte[]) {
            return BINARY;
        } else if (value instanceof UUID) {
            return GUID;
        }
        throw StorageException.invalidArgument("value",
                "entity properties hold String, Integer, Long, Double, Boolean, Instant, byte[] or UUID, not "
                        + (value == null ? "null" : value.getClass().getName()));
    }

    /** Parses a type by its name ({@code INT64}) or EDM name ({@code Edm.Int64}), case-insensitively. */
    public static PropertyType parse(String name) {
        for (PropertyType t : values()) {
            if (t.name().equalsIgnoreCase(name) || t.edmName.equalsIgnoreCase(name)) {
                return t;
            }
        }
        throw StorageException.invalidArgument("type", "must be one of STRING, INT32, INT64, DOUBLE, BOOLEAN, "
                + "DATETIME, BINARY, GUID (or their Edm.* names); was '" + name + "'");
    }
}
