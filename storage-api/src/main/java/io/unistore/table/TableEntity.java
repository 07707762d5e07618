package io.unistore.table;

import io.unistore.StorageException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * An entity: a partition key, a row key and typed properties ({@link PropertyType}). Immutable and
 * thread-safe; build with {@link #builder(String, String)}.
 *
 * <p>{@link #equals} compares keys and properties (binary values by content); the ETag and timestamp the
 * service assigned are not part of equality.
 */
public final class TableEntity {
    /** Names the service owns; they are not user properties. */
    public static final String PARTITION_KEY = "PartitionKey";
    public static final String ROW_KEY = "RowKey";
    public static final String TIMESTAMP = "Timestamp";

    private final String partitionKey;
    private final String rowKey;
    private final Map<String, Object> properties;
    private final String etag;
    private final Instant timestamp;

    private TableEntity(String partitionKey, String rowKey, Map<String, Object> properties, String etag,
                        Instant timestamp) {
        this.partitionKey = partitionKey;
        this.rowKey = rowKey;
        this.properties = properties;
        this.etag = etag;
        this.timestamp = timestamp;
    }

    /** A builder for the entity with these keys. */
    public static Builder builder(String partitionKey, String rowKey) {
        return new Builder(partitionKey, rowKey);
    }

    /** An entity with keys only. */
    public static TableEntity of(String partitionKey, String rowKey) {
        return builder(partitionKey, rowKey).build();
    }

    /** A builder holding this entity's keys, properties, ETag and timestamp. */
    public Builder toBuilder() {
        Builder b = new Builder(partitionKey, rowKey);
        b.properties.putAll(properties);
        b.etag = etag;
        b.timestamp = timestamp;
        return b;
    }

    public String partitionKey() {
        return partitionKey;
    }

    public String rowKey() {
        return rowKey;
    }

    /** The ETag the service gave this entity, or null for an entity not read from a store. */
    public String etag() {
        return etag;
    }

    /** When the service last wrote the entity, or null. */
    public Instant timestamp() {
        return timestamp;
    }

    /** The property names, in insertion order. */
    public Set<String> propertyNames() {
        return properties.keySet();
    }

    /** Whether the entity has the property. */
    public boolean has(String name) {
        return properties.containsKey(name);
    }

    /** The properties; binary values are copies. */
    public Map<String, Object> properties() {
        Map<String, Object> copy = new LinkedHashMap<>(properties.size() * 2);
        properties.forEach((k, v) -> copy.put(k, v instanceof byte[] b ? b.clone() : v));
        return Collections.unmodifiableMap(copy);
    }

    /** Number of properties (keys and timestamp not counted). */
    public int size() {
        return properties.size();
    }

    /** The value, or null when absent; binary values are copies. */
    public Object get(String name) {
        Object v = properties.get(name);
        return v instanceof byte[] b ? b.clone() : v;
    }

    /** The type of the property, or null when absent. */
    public PropertyType typeOf(String name) {
        Object v = properties.get(name);
        return v == null ? null : PropertyType.of(v);
    }

    public String getString(String name) {
        return typed(name, String.class);
    }

    public Integer getInt(String name) {
        return typed(name, Integer.class);
    }

    public Long getLong(String name) {
        return typed(name, Long.class);
    }

    public Double getDouble(String name) {
        return typed(name, Double.class);
    }

    public Boolean getBoolean(String name) {
        return typed(name, Boolean.class);
    }

    public Instant getDateTime(String name) {
        return typed(name, Instant.class);
    }

    public UUID getGuid(String name) {
        return typed(name, UUID.class);
    }

    public byte[] getBinary(String name) {
        byte[] v = typed(name, byte[].class);
        return v == null ? null : v.clone();
    }

    private <T> T typed(String name, Class<T> type) {
        Object v = properties.get(name);
        if (v == null) {
            return null;
        }
        if (!type.isInstance(v)) {
            throw StorageException.invalidArgument(name, "is " + PropertyType.of(v) + ", not "
                    + type.getSimpleName());
        }
        return type.cast(v);
    }

    /**
     * A copy holding only the named properties (those it has), with the same keys, ETag and timestamp: what a
     * query's {@code select} returns.
     */
    public TableEntity select(Collection<String> names) {
        Builder b = builder(partitionKey, rowKey).etag(etag).timestamp(timestamp);
        for (String name : names) {
            if (has(name)) {
                b.put(name, get(name));
            }
        }
        return b.build();
    }

    /** A copy with another ETag. */
    public TableEntity withEtag(String newEtag) {
        return new TableEntity(partitionKey, rowKey, properties, newEtag, timestamp);
    }

    /** Whether keys and properties are equal (binary values by content); ETag and timestamp are ignored. */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof TableEntity other)) {
            return false;
        }
        if (!partitionKey.equals(other.partitionKey) || !rowKey.equals(other.rowKey)
                || properties.size() != other.properties.size()) {
            return false;
        }
        for (Map.Entry<String, Object> e : properties.entrySet()) {
            Object theirs = other.properties.get(e.getKey());
            Object mine = e.getValue();
            if (mine instanceof byte[] a && theirs instanceof byte[] b) {
                if (!Arrays.equals(a, b)) {
                    return false;
                }
            } else if (!mine.equals(theirs)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = Objects.hash(partitionKey, rowKey);
        for (Map.Entry<String, Object> e : properties.entrySet()) {
            Object v = e.getValue();
            h += e.getKey().hashCode() ^ (v instanceof byte[] b ? Arrays.hashCode(b) : v.hashCode());
        }
        return h;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("TableEntity{PartitionKey=").append(partitionKey).append(", RowKey=")
                .append(rowKey);
        properties.forEach((k, v) -> sb.append(", ").append(k).append('=')
                .append(v instanceof byte[] b ? "<" + b.length + " bytes>" : v));
        return sb.append('}').toString();
    }

    /** Builds a {@link TableEntity}. Not thread-safe. */
    public static final class Builder {
        private final String partitionKey;
        private final String rowKey;
        private final Map<String, Object> properties = new LinkedHashMap<>();
        private String etag;
        private Instant timestamp;

        private Builder(String partitionKey, String rowKey) {
            if (partitionKey == null) {
                throw StorageException.invalidArgument("partitionKey", "is required");
            }
            if (rowKey == null) {
                throw StorageException.invalidArgument("rowKey", "is required");
            }
            this.partitionKey = partitionKey;
            this.rowKey = rowKey;
        }

        /**
         * Sets a property. Accepts String, Integer, Long, Double, Boolean, Instant (or OffsetDateTime),
         * byte[] (copied) and UUID; a null value removes the property.
         */
        public Builder put(String name, Object value) {
            if (name == null || name.isEmpty()) {
                throw StorageException.invalidArgument("property name", "must not be empty");
            }
            if (name.equals(PARTITION_KEY) || name.equals(ROW_KEY) || name.equals(TIMESTAMP)) {
                throw StorageException.invalidArgument(name, "is a system property; set keys through builder()");
            }
            if (value == null) {
                properties.remove(name);
                return this;
            }
            Object v = value instanceof OffsetDateTime odt ? odt.toInstant() : value;
            try {
                PropertyType.of(v);
            } catch (StorageException e) {
                throw StorageException.invalidArgument(name, e.getMessage().substring("value: ".length()));
            }
            properties.put(name, v instanceof byte[] b ? b.clone() : v);
            return this;
        }

        /** Sets every property of the map. */
        public Builder putAll(Map<String, ?> values) {
            values.forEach(this::put);
            return this;
        }

        /** Removes a property. */
        public Builder remove(String name) {
            properties.remove(name);
            return this;
        }

        /** Sets the ETag (providers set it when reading). */
        public Builder etag(String value) {
            this.etag = value;
            return this;
        }

        /** Sets the service timestamp (providers set it when reading). */
        public Builder timestamp(Instant value) {
            this.timestamp = value;
            return this;
        }

        public TableEntity build() {
            return new TableEntity(partitionKey, rowKey,
                    Collections.unmodifiableMap(new LinkedHashMap<>(properties)), etag, timestamp);
        }
    }
}
