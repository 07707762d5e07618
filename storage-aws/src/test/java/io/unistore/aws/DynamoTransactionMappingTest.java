package io.unistore.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.ErrorCode;
import io.unistore.StorageException;
import io.unistore.table.TableAction;
import io.unistore.table.TableEntity;
import io.unistore.table.TransactionFailedException;
import io.unistore.table.UpdateMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The transaction mapping, request by request: dynalite has no TransactWriteItems, so what each action becomes
 * (and what a cancellation reason becomes) is checked here as data, and on AWS by {@link DynamoLiveTest}. Each
 * action's item and condition are the ones the single-entity call sends, which the table kit proves on dynalite.
 */
class DynamoTransactionMappingTest {
    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05.123456789Z");
    private static final TableEntity E = TableEntity.builder("p", "r1").put("Big", Long.MAX_VALUE).put("S", "x")
            .build();

    private static TableEntity at(String rowKey) {
        return TableEntity.builder("p", rowKey).putAll(E.properties()).build();
    }

    private static List<TableAction> everyAction() {
        return List.of(TableAction.insert(E),
                TableAction.upsert(at("r2"), UpdateMode.REPLACE),
                TableAction.upsert(at("r3"), UpdateMode.MERGE),
                TableAction.update(at("r4"), UpdateMode.REPLACE, "W/\"e4\""),
                TableAction.update(at("r5"), UpdateMode.MERGE, "*"),
                TableAction.delete("p", "r6", "W/\"e6\""),
                TableAction.delete("p", "r7", null));
    }

    @Test
    void eachActionBecomesTheWriteOfItsSingleCall() {
        DynamoTransaction tx = DynamoTransaction.of("people", everyAction(), NOW);
        List<TransactWriteItem> items = tx.request().transactItems();
        assertThat(items).hasSize(7);

        var insert = items.get(0).put();
        assertThat(insert.tableName()).isEqualTo("people");
        assertThat(insert.conditionExpression()).isEqualTo("attribute_not_exists(#pk)");
        assertThat(insert.item()).containsEntry("PartitionKey", AttributeValue.fromS("p"))
                .containsEntry("RowKey", AttributeValue.fromS("r1"))
                .containsEntry("Big", AttributeValue.fromN("9223372036854775807"))
                .containsEntry("@type:Big", AttributeValue.fromS("Edm.Int64"))
                .containsEntry("S", AttributeValue.fromS("x"))
                .containsEntry("@ts", AttributeValue.fromS("2026-01-02T03:04:05.123456789Z"))
                .containsKey("@etag");
        assertThat(insert.returnValuesOnConditionCheckFailure()).isEqualTo(ReturnValuesOnConditionCheckFailure.ALL_OLD);

        var upsertReplace = items.get(1).put();
        assertThat(upsertReplace.conditionExpression()).isNull();
        assertThat(upsertReplace.item().get("RowKey").s()).isEqualTo("r2");

        var upsertMerge = items.get(2).update();
        assertThat(upsertMerge.conditionExpression()).isNull();
        assertThat(upsertMerge.updateExpression()).startsWith("SET #etag = :etag, #ts = :ts").contains(" REMOVE ");
        assertThat(upsertMerge.key()).isEqualTo(DynamoItems.key("p", "r3"));

        var updateReplace = items.get(3).put();
        assertThat(updateReplace.conditionExpression()).isEqualTo("attribute_exists(#pk) AND #etag = :match");
        assertThat(updateReplace.expressionAttributeValues()).containsEntry(":match", AttributeValue.fromS("W/\"e4\""));
        assertThat(updateReplace.expressionAttributeNames()).containsEntry("#etag", "@etag");

        var updateMergeAny = items.get(4).update();
        assertThat(updateMergeAny.conditionExpression()).as("* matches any ETag").isEqualTo("attribute_exists(#pk)");

        var deleteWithEtag = items.get(5).delete();
        assertThat(deleteWithEtag.key()).isEqualTo(DynamoItems.key("p", "r6"));
        assertThat(deleteWithEtag.conditionExpression()).isEqualTo("attribute_exists(#pk) AND #etag = :match");
        assertThat(items.get(6).delete().conditionExpression()).isEqualTo("attribute_exists(#pk)");
        assertThat(items.get(6).delete().expressionAttributeValues()).isEmpty();

        // Every write carries its own new ETag, reported per action.
        assertThat(tx.results()).hasSize(7);
        assertThat(tx.results().get(0).etag()).isEqualTo(insert.item().get("@etag").s());
        assertThat(tx.results().get(5).etag()).isNull();
    }

    @Test
    void aHundredActionsMakeOneRequest() {
        List<TableAction> actions = new java.util.ArrayList<>();
        for (int i = 0; i < DynamoTableStore.MAX_TRANSACTION_ACTIONS; i++) {
            actions.add(TableAction.upsert(TableEntity.builder("p", "r" + i).put("N", i).build(), UpdateMode.REPLACE));
        }
        assertThat(DynamoTransaction.of("t", actions, NOW).request().transactItems()).hasSize(100);
    }

    @Test
    void aCancellationNamesTheFailedActionAndWhy() {
        List<TableAction> actions = everyAction();
        DynamoTransaction tx = DynamoTransaction.of("people", actions, NOW);
        CancellationReason none = CancellationReason.builder().code("None").build();
        CancellationReason failed = CancellationReason.builder().code("ConditionalCheckFailed")
                .message("The conditional request failed").build();
        CancellationReason failedWithOld = failed.toBuilder().item(Map.of("PartitionKey", AttributeValue.fromS("p")))
                .build();

        assertFailure(tx, List.of(failed), 0, ErrorCode.ALREADY_EXISTS);
        assertFailure(tx, List.of(none, none, none, failed), 3, ErrorCode.NOT_FOUND);
        assertFailure(tx, List.of(none, none, none, failedWithOld), 3, ErrorCode.PRECONDITION_FAILED);
        assertFailure(tx, List.of(none, none, none, none, none, failedWithOld), 5, ErrorCode.PRECONDITION_FAILED);
        assertFailure(tx, List.of(none, CancellationReason.builder().code("ValidationError").build()), 1,
                ErrorCode.INVALID_ARGUMENT);
        assertFailure(tx, List.of(none, none, CancellationReason.builder().code("TransactionConflict").build()), 2,
                ErrorCode.CONFLICT);
    }

    private static void assertFailure(DynamoTransaction tx, List<CancellationReason> reasons, int index,
                                      ErrorCode code) {
        TransactionCanceledException cancelled = (TransactionCanceledException) TransactionCanceledException.builder()
                .cancellationReasons(reasons).statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("TransactionCanceledException")
                        .errorMessage("Transaction cancelled").build()).build();
        StorageException mapped = AwsErrors.map("TransactWriteItems people", cancelled);
        StorageException failure = tx.failure(mapped);
        assertThat(failure).isInstanceOf(TransactionFailedException.class);
        assertThat(((TransactionFailedException) failure).failedActionIndex()).isEqualTo(index);
        assertThat(failure.code()).isEqualTo(code);
        assertThat(failure.getMessage()).contains("action " + index).contains("nothing was written");
    }
}
