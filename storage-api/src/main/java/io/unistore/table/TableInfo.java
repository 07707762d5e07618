package io.unistore.table;

/**
 * A table.
 *
 * @param name the table name
 */
public record TableInfo(String name) {
}
