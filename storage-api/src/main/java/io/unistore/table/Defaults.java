package io.unistore.table;

/** The default instances of the options types of this package, made once. */
final class Defaults {
    static final TableQuery QUERY = TableQuery.builder().build();
    static final BulkWriteOptions BULK = BulkWriteOptions.builder().build();

    private Defaults() {
    }
}
