package io.unistore.ops;

import io.unistore.StorageException;
import io.unistore.table.PropertyType;
import io.unistore.table.TableEntity;

/**
 * One CSV column: a property name and its type. In a header it reads {@code Name@TYPE} (TYPE a
 * {@link PropertyType} name or Edm name); {@code PartitionKey}, {@code RowKey} and {@code Timestamp} are the
 * entity's keys and service time.
 */
record CsvColumn(String name, PropertyType type) {

    boolean isPartitionKey() {
        return name.equals(TableEntity.PARTITION_KEY);
    }

    boolean isRowKey() {
        return name.equals(TableEntity.ROW_KEY);
    }

    boolean isTimestamp() {
        return name.equals(TableEntity.TIMESTAMP);
    }

    boolean isSystem() {
        return isPartitionKey() || isRowKey() || isTimestamp();
    }

    /** The typed header text. */
    String header() {
        return isSystem() ? name : name + "@" + type.name();
    }

    /** Reads {@code Name@TYPE}; a bare name has a null type. */
    static CsvColumn parseHeader(String cell, int index) {
        String text = cell == null ? "" : cell.trim();
        int at = text.lastIndexOf('@');
        String name = at < 0 ? text : text.substring(0, at);
        PropertyType type = null;
        if (at >= 0) {
            try {
                type = PropertyType.parse(text.substring(at + 1));
            } catch (StorageException e) {
                throw StorageException.invalidArgument("header column " + (index + 1), "'" + text + "': "
                        + e.getMessage());
            }
        }
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw StorageException.invalidArgument("header column " + (index + 1), "'" + text
                    + "' is not a property name (letters, digits, underscore)");
        }
        if (name.equals(TableEntity.PARTITION_KEY) || name.equals(TableEntity.ROW_KEY)) {
            type = PropertyType.STRING;
        } else if (name.equals(TableEntity.TIMESTAMP)) {
            type = PropertyType.DATETIME;
        }
        return new CsvColumn(name, type);
    }
}
