package io.unistore.table;

/**
 * The outcome of one action of a successful transaction.
 *
 * @param action the action
 * @param etag the entity's new ETag; null for a delete
 */
public record TableActionResult(TableAction action, String etag) {
}
