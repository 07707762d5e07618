package io.unistore.aws;

import io.unistore.ErrorCode;
import io.unistore.StorageException;
import io.unistore.table.TableAction;
import io.unistore.table.TableActionResult;
import io.unistore.table.TransactionFailedException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * A table transaction as one TransactWriteItems: each action becomes the item the single call would write, with
 * the same condition (insert: the key must not exist; update and delete: it must, with the ETag if given;
 * upsert: none). Every condition asks for the old item on failure, so a cancelled transaction says which action
 * failed and why: ALREADY_EXISTS, NOT_FOUND or PRECONDITION_FAILED, as the other providers do.
 */
final class DynamoTransaction {
    private final String table;
    private final List<TableAction> actions;
    private final List<TransactWriteItem> items;
    private final List<String> etags;

    private DynamoTransaction(String table, List<TableAction> actions, List<TransactWriteItem> items,
                              List<String> etags) {
        this.table = table;
        this.actions = actions;
        this.items = items;
        this.etags = etags;
    }

    static DynamoTransaction of(String table, List<TableAction> actions, Instant now) {
        List<TransactWriteItem> items = new ArrayList<>();
        List<String> etags = new ArrayList<>();
        for (TableAction a : actions) {
            String etag = a.type() == TableAction.Type.DELETE ? null : DynamoTableStore.newEtag();
            etags.add(etag);
            items.add(item(table, a, etag, now));
        }
        return new DynamoTransaction(table, actions, items, etags);
    }

    private static TransactWriteItem item(String table, TableAction a, String etag, Instant now) {
        String match = a.ifMatch() == null || a.ifMatch().equals("*") ? null : a.ifMatch();
        var old = ReturnValuesOnConditionCheckFailure.ALL_OLD;
        return switch (a.type()) {
            case INSERT -> TransactWriteItem.builder().put(Put.builder().tableName(table)
                    .item(DynamoItems.item(a.entity(), etag, now)).conditionExpression("attribute_not_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", DynamoItems.PK))
                    .returnValuesOnConditionCheckFailure(old).build()).build();
            case UPSERT_REPLACE -> put(table, a, etag, now, null, false);
            case UPDATE_REPLACE -> put(table, a, etag, now, match, true);
            case UPSERT_MERGE, UPDATE_MERGE -> {
                DynamoMerge m = DynamoMerge.of(a.entity(), etag, now, match, a.type() == TableAction.Type.UPDATE_MERGE);
                yield TransactWriteItem.builder().update(Update.builder().tableName(table)
                        .key(DynamoItems.key(a.partitionKey(), a.rowKey())).updateExpression(m.expression())
                        .conditionExpression(m.condition()).expressionAttributeNames(m.names())
                        .expressionAttributeValues(m.values()).returnValuesOnConditionCheckFailure(old).build())
                        .build();
            }
            case DELETE -> {
                Map<String, String> names = new HashMap<>();
                Map<String, AttributeValue> values = new HashMap<>();
                String condition = DynamoMerge.existsCondition(match, names, values);
                yield TransactWriteItem.builder().delete(Delete.builder().tableName(table)
                        .key(DynamoItems.key(a.partitionKey(), a.rowKey())).conditionExpression(condition)
                        .expressionAttributeNames(names).expressionAttributeValues(values.isEmpty() ? null : values)
                        .returnValuesOnConditionCheckFailure(old).build()).build();
            }
        };
    }

    private static TransactWriteItem put(String table, TableAction a, String etag, Instant now, String match,
                                         boolean mustExist) {
        Put.Builder p = Put.builder().tableName(table).item(DynamoItems.item(a.entity(), etag, now))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD);
        if (mustExist) {
            Map<String, String> names = new HashMap<>();
            Map<String, AttributeValue> values = new HashMap<>();
            p.conditionExpression(DynamoMerge.existsCondition(match, names, values)).expressionAttributeNames(names)
                    .expressionAttributeValues(values.isEmpty() ? null : values);
        }
        return TransactWriteItem.builder().put(p.build()).build();
    }

    TransactWriteItemsRequest request() {
        return TransactWriteItemsRequest.builder().transactItems(items).build();
    }

    List<TableActionResult> results() {
        List<TableActionResult> results = new ArrayList<>(actions.size());
        for (int i = 0; i < actions.size(); i++) {
            results.add(new TableActionResult(actions.get(i), etags.get(i)));
        }
        return results;
    }

    /**
     * The failure of a cancelled transaction: the first action whose reason is not {@code None}, with the code
     * its condition means (the old item, returned with the reason, tells a missing entity from a changed one).
     */
    StorageException failure(StorageException e) {
        if (!(e.getCause() instanceof TransactionCanceledException tce) || !tce.hasCancellationReasons()) {
            return e;
        }
        List<CancellationReason> reasons = tce.cancellationReasons();
        for (int i = 0; i < reasons.size() && i < actions.size(); i++) {
            CancellationReason r = reasons.get(i);
            if (r.code() == null || r.code().equals("None")) {
                continue;
            }
            ErrorCode code = code(actions.get(i), r);
            return new TransactionFailedException(code, "transaction on table " + table + " failed at action " + i
                    + " (" + actions.get(i).type() + ", " + r.code() + "); nothing was written"
                    + (r.message() == null ? "" : ": " + r.message()), i, e, e.providerStatus(), e.providerCode(),
                    e.requestId());
        }
        return e;
    }

    static ErrorCode code(TableAction action, CancellationReason reason) {
        if (!"ConditionalCheckFailed".equals(reason.code())) {
            return switch (reason.code()) {
                case "ValidationError" -> ErrorCode.INVALID_ARGUMENT;
                case "TransactionConflict" -> ErrorCode.CONFLICT;
                case "ProvisionedThroughputExceeded", "ThrottlingError" -> ErrorCode.THROTTLED;
                default -> ErrorCode.UNAVAILABLE;
            };
        }
        if (action.type() == TableAction.Type.INSERT) {
            return ErrorCode.ALREADY_EXISTS;
        }
        boolean existed = reason.item() != null && !reason.item().isEmpty();
        return existed ? ErrorCode.PRECONDITION_FAILED : ErrorCode.NOT_FOUND;
    }
}
