package io.unistore.table;

import io.unistore.StorageException;
import io.unistore.spi.NameRules;

/**
 * One action of a transaction or bulk write.
 *
 * @param type what to do
 * @param entity the entity (for DELETE only its keys matter)
 * @param ifMatch for UPDATE_* and DELETE: the ETag the entity must have, {@code "*"} or null for any
 */
public record TableAction(Type type, TableEntity entity, String ifMatch) {

    /** The kinds of action. */
    public enum Type {
        /** Insert; fails with ALREADY_EXISTS if the entity exists. */
        INSERT,
        /** Insert or merge into the existing entity. */
        UPSERT_MERGE,
        /** Insert or replace the existing entity. */
        UPSERT_REPLACE,
        /** Merge into an existing entity; NOT_FOUND if absent. */
        UPDATE_MERGE,
        /** Replace an existing entity; NOT_FOUND if absent. */
        UPDATE_REPLACE,
        /** Delete; absent entities are fine unless an ETag is given. */
        DELETE
    }

    public TableAction {
        if (type == null) {
            throw StorageException.invalidArgument("type", "is required");
        }
        if (entity == null) {
            throw StorageException.invalidArgument("entity", "is required");
        }
        NameRules.headerValue("ifMatch", ifMatch);
    }

    public static TableAction insert(TableEntity entity) {
        return new TableAction(Type.INSERT, entity, null);
    }

    public static TableAction upsert(TableEntity entity, UpdateMode mode) {
        return new TableAction(mode == UpdateMode.MERGE ? Type.UPSERT_MERGE : Type.UPSERT_REPLACE, entity, null);
    }

    public static TableAction update(TableEntity entity, UpdateMode mode, String ifMatch) {
        return new TableAction(mode == UpdateMode.MERGE ? Type.UPDATE_MERGE : Type.UPDATE_REPLACE, entity, ifMatch);
    }

    public static TableAction delete(String partitionKey, String rowKey, String ifMatch) {
        return new TableAction(Type.DELETE, TableEntity.of(partitionKey, rowKey), ifMatch);
    }

    public String partitionKey() {
        return entity.partitionKey();
    }

    public String rowKey() {
        return entity.rowKey();
    }
}
