package io.unistore.table;

/** How a write combines with an existing entity. */
public enum UpdateMode {
    /** Properties given replace those of the same name; others are kept. */
    MERGE,
    /** The entity becomes exactly what is given. */
    REPLACE
}
