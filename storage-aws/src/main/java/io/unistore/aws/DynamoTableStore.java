package io.unistore.aws;

import io.unistore.ErrorCode;
import io.unistore.ListOptions;
import io.unistore.Page;
import io.unistore.PagedIterable;
import io.unistore.StorageException;
import io.unistore.spi.ContinuationTokens;
import io.unistore.spi.TableBackend;
import io.unistore.table.TableAction;
import io.unistore.table.TableActionResult;
import io.unistore.table.TableEntity;
import io.unistore.table.TableInfo;
import io.unistore.table.TableQuery;
import io.unistore.table.UpdateMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * DynamoDB as a {@link TableBackend}: a table's hash key is the string {@code PartitionKey}, its range key the
 * string {@code RowKey}; items as {@link DynamoItems} says. Writes are conditional on {@code @etag} where the API
 * asks for an ETag, and on the key's existence for inserts and updates. Queries use a Query with key conditions
 * where the filter names a partition ({@link DynamoKeyRange}), else a Scan; what DynamoDB can evaluate of the rest is
 * its FilterExpression ({@link DynamoFilter}), and the whole filter is evaluated here on every item returned. Pages continue from the last key returned, which is DynamoDB's own {@code ExclusiveStartKey}; a scan is
 * read whole and sorted, as DynamoDB scans in no key order. Reads are strongly consistent.
 */
final class DynamoTableStore implements TableBackend {
    /** DynamoDB's most actions in one TransactWriteItems. */
    static final int MAX_TRANSACTION_ACTIONS = 100;
    /** Row keys compare as DynamoDB compares strings: by UTF-8 bytes, which is by code point. */
    static final Comparator<String> KEY_ORDER = DynamoTableStore::compareCodePoints;
    private static final Comparator<TableEntity> ENTITY_ORDER = Comparator.comparing(TableEntity::partitionKey,
            KEY_ORDER).thenComparing(TableEntity::rowKey, KEY_ORDER);

    /** The most items one Query request reads when a pushed filter leaves pages short (DynamoDB reads 1 MB). */
    static final int MAX_READ = 1000;

    /** How long createTable waits for a new table to become ACTIVE. */
    private static final java.time.Duration ACTIVE_TIMEOUT = java.time.Duration.ofMinutes(5);

    private final DynamoDbClient dynamo;
    private final boolean transactions;
    /**
     * Tables this store created or saw: a query checks a table once (so a missing one fails the call, not the
     * iteration) rather than asking DescribeTable before every Query. One deleted elsewhere since fails with
     * NOT_FOUND at its first page.
     */
    private final java.util.Set<String> known = java.util.concurrent.ConcurrentHashMap.newKeySet();

    DynamoTableStore(DynamoDbClient dynamo, boolean transactions) {
        this.dynamo = dynamo;
        this.transactions = transactions;
    }

    private static <T> T call(String what, java.util.function.Supplier<T> call) {
        return AwsErrors.call(what, call);
    }

    // ---- tables ------------------------------------------------------------------------------------

    /** On demand, so that an empty table costs nothing; waits until it is ACTIVE. */
    @Override
    public void createTable(String table) {
        try {
            call("CreateTable " + table, () -> dynamo.createTable(r -> r.tableName(table)
                    .keySchema(KeySchemaElement.builder().attributeName(DynamoItems.PK).keyType(KeyType.HASH).build(),
                            KeySchemaElement.builder().attributeName(DynamoItems.RK).keyType(KeyType.RANGE).build())
                    .attributeDefinitions(
                            AttributeDefinition.builder().attributeName(DynamoItems.PK)
                                    .attributeType(ScalarAttributeType.S).build(),
                            AttributeDefinition.builder().attributeName(DynamoItems.RK)
                                    .attributeType(ScalarAttributeType.S).build())
                    .billingMode(BillingMode.PAY_PER_REQUEST)));
        } catch (StorageException e) {
            if ("ResourceInUseException".equals(e.providerCode())) {
                throw new StorageException(ErrorCode.ALREADY_EXISTS, "create of table " + table
                        + " failed: it already exists", e, e.providerStatus(), e.providerCode(), e.requestId());
            }
            throw e;
        }
        awaitActive(table);
        known.add(table);
    }

    /**
     * Polls DescribeTable until the table is ACTIVE: a new table takes seconds on AWS; the SDK's waiter would
     * wait 20 s between looks, too long for a table that is ready at once (look-alikes, small tables).
     */
    private void awaitActive(String table) {
        long end = System.nanoTime() + ACTIVE_TIMEOUT.toNanos();
        long pause = 50;
        while (true) {
            TableStatus status = call("DescribeTable " + table, () -> dynamo.describeTable(r -> r.tableName(table))
                    .table().tableStatus());
            if (status == TableStatus.ACTIVE) {
                return;
            }
            if (System.nanoTime() > end) {
                throw new StorageException(ErrorCode.UNAVAILABLE, "table " + table + " was created but is still "
                        + status + " after " + ACTIVE_TIMEOUT.toSeconds() + " s");
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StorageException(ErrorCode.UNAVAILABLE, "interrupted while table " + table
                        + " was being created", e);
            }
            pause = Math.min(pause * 2, 1000);
        }
    }

    @Override
    public boolean deleteTable(String table) {
        known.remove(table);
        return found(() -> call("DeleteTable " + table, () -> dynamo.deleteTable(r -> r.tableName(table))));
    }

    @Override
    public boolean tableExists(String table) {
        // A deleted table is described as DELETING for a while (on AWS and on dynalite alike): it is gone.
        boolean[] deleting = {false};
        boolean exists = found(() -> call("DescribeTable " + table, () -> deleting[0] = dynamo.describeTable(r -> r
                .tableName(table)).table().tableStatus() == TableStatus.DELETING)) && !deleting[0];
        if (exists) {
            known.add(table);
        } else {
            known.remove(table);
        }
        return exists;
    }

    /** True if the call succeeds, false if it fails with NOT_FOUND. */
    private static boolean found(Runnable call) {
        try {
            call.run();
            return true;
        } catch (StorageException e) {
            if (e.code() == ErrorCode.NOT_FOUND) {
                return false;
            }
            throw e;
        }
    }

    /** ListTables returns names in order; the prefix is applied here, the token is the last name returned. */
    @Override
    public PagedIterable<TableInfo> listTables(ListOptions options) {
        String prefix = options.prefix() == null ? "" : options.prefix();
        return PagedIterable.of((token, size) -> {
            String after = ContinuationTokens.decode(token);
            String start = after;
            List<TableInfo> items = new ArrayList<>();
            while (true) {
                String from = start;
                var r = call("ListTables", () -> dynamo.listTables(b -> b.exclusiveStartTableName(from).limit(100)));
                for (String name : r.tableNames()) {
                    if (!name.startsWith(prefix)) {
                        if (name.compareTo(prefix) > 0) {
                            return Page.last(items);
                        }
                        continue;
                    }
                    if (items.size() == size) {
                        return new Page<>(items, ContinuationTokens.encode(items.get(size - 1).name()));
                    }
                    items.add(new TableInfo(name));
                }
                if (r.lastEvaluatedTableName() == null) {
                    return Page.last(items);
                }
                start = r.lastEvaluatedTableName();
            }
        }, options.continuationToken(), options.pageSize());
    }

    // ---- entities ----------------------------------------------------------------------------------

    @Override
    public TableEntity getEntity(String table, String partitionKey, String rowKey, List<String> select) {
        Map<String, AttributeValue> item = call("GetItem " + table, () -> dynamo.getItem(r -> r.tableName(table)
                .key(DynamoItems.key(partitionKey, rowKey)).consistentRead(true)).item());
        if (item == null || item.isEmpty()) {
            throw StorageException.notFound("entity (" + partitionKey + ", " + rowKey + ") of table " + table);
        }
        TableEntity e = DynamoItems.entity(item);
        return select == null ? e : e.select(select);
    }

    @Override
    public String insertEntity(String table, TableEntity entity) {
        String etag = newEtag();
        try {
            call("PutItem " + table, () -> dynamo.putItem(r -> r.tableName(table)
                    .item(DynamoItems.item(entity, etag, Instant.now()))
                    .conditionExpression("attribute_not_exists(#pk)").expressionAttributeNames(Map.of("#pk",
                            DynamoItems.PK))));
        } catch (StorageException e) {
            if (e.code() == ErrorCode.PRECONDITION_FAILED) {
                throw new StorageException(ErrorCode.ALREADY_EXISTS, "insert into table " + table + " failed: ("
                        + entity.partitionKey() + ", " + entity.rowKey() + ") already exists", e, e.providerStatus(),
                        e.providerCode(), e.requestId());
            }
            throw e;
        }
        return etag;
    }

    @Override
    public String upsertEntity(String table, TableEntity entity, UpdateMode mode) {
        String etag = newEtag();
        if (mode == UpdateMode.REPLACE) {
            call("PutItem " + table, () -> dynamo.putItem(r -> r.tableName(table)
                    .item(DynamoItems.item(entity, etag, Instant.now()))));
        } else {
            DynamoMerge merge = DynamoMerge.of(entity, etag, Instant.now(), null, false);
            call("UpdateItem " + table, () -> dynamo.updateItem(r -> r.tableName(table)
                    .key(DynamoItems.key(entity.partitionKey(), entity.rowKey()))
                    .updateExpression(merge.expression()).expressionAttributeNames(merge.names())
                    .expressionAttributeValues(merge.values())));
        }
        return etag;
    }

    @Override
    public String updateEntity(String table, TableEntity entity, UpdateMode mode, String ifMatch) {
        String etag = newEtag();
        String match = ifMatch == null || ifMatch.equals("*") ? null : ifMatch;
        try {
            if (mode == UpdateMode.REPLACE) {
                Map<String, String> names = new HashMap<>(Map.of("#pk", DynamoItems.PK));
                Map<String, AttributeValue> values = new HashMap<>();
                String condition = DynamoMerge.existsCondition(match, names, values);
                call("PutItem " + table, () -> dynamo.putItem(r -> r.tableName(table)
                        .item(DynamoItems.item(entity, etag, Instant.now())).conditionExpression(condition)
                        .expressionAttributeNames(names).expressionAttributeValues(values.isEmpty() ? null : values)));
            } else {
                DynamoMerge merge = DynamoMerge.of(entity, etag, Instant.now(), match, true);
                call("UpdateItem " + table, () -> dynamo.updateItem(r -> r.tableName(table)
                        .key(DynamoItems.key(entity.partitionKey(), entity.rowKey()))
                        .updateExpression(merge.expression()).conditionExpression(merge.condition())
                        .expressionAttributeNames(merge.names()).expressionAttributeValues(merge.values())));
            }
        } catch (StorageException e) {
            throw conditionFailure(e, table, entity.partitionKey(), entity.rowKey(), "update");
        }
        return etag;
    }

    @Override
    public boolean deleteEntity(String table, String partitionKey, String rowKey, String ifMatch) {
        String match = ifMatch == null || ifMatch.equals("*") ? null : ifMatch;
        Map<String, String> names = new HashMap<>(Map.of("#pk", DynamoItems.PK));
        Map<String, AttributeValue> values = new HashMap<>();
        String condition = ifMatch == null ? null : DynamoMerge.existsCondition(match, names, values);
        try {
            Map<String, AttributeValue> old = call("DeleteItem " + table, () -> dynamo.deleteItem(r -> r
                    .tableName(table).key(DynamoItems.key(partitionKey, rowKey)).returnValues(ReturnValue.ALL_OLD)
                    .conditionExpression(condition).expressionAttributeNames(condition == null ? null : names)
                    .expressionAttributeValues(values.isEmpty() ? null : values)).attributes());
            return old != null && !old.isEmpty();
        } catch (StorageException e) {
            throw conditionFailure(e, table, partitionKey, rowKey, "delete");
        }
    }

    /** A failed condition: NOT_FOUND if the entity is absent, else PRECONDITION_FAILED (its ETag changed). */
    private StorageException conditionFailure(StorageException e, String table, String pk, String rk, String what) {
        if (e.code() != ErrorCode.PRECONDITION_FAILED) {
            return e;
        }
        Map<String, AttributeValue> item = call("GetItem " + table, () -> dynamo.getItem(r -> r.tableName(table)
                .key(DynamoItems.key(pk, rk)).consistentRead(true)).item());
        if (item == null || item.isEmpty()) {
            return new StorageException(ErrorCode.NOT_FOUND, what + " in table " + table + " failed: (" + pk + ", "
                    + rk + ") does not exist", e, e.providerStatus(), e.providerCode(), e.requestId());
        }
        return new StorageException(ErrorCode.PRECONDITION_FAILED, what + " in table " + table + " failed: the ETag "
                + "of (" + pk + ", " + rk + ") does not match", e, e.providerStatus(), e.providerCode(), e.requestId());
    }

    // ---- queries -----------------------------------------------------------------------------------

    @Override
    public PagedIterable<TableEntity> query(String table, TableQuery query) {
        DynamoKeyRange range = DynamoKeyRange.of(query.filter());
        DynamoFilter pushed = DynamoFilter.of(query.filter(), range.partitionKey() == null);
        if (!known.contains(table) && !tableExists(table)) {
            throw StorageException.notFound("table " + table);
        }
        return PagedIterable.of((token, size) -> range.partitionKey() == null
                ? scanPage(table, query, pushed, token, size) : queryPage(table, query, range, pushed, token, size),
                query.continuationToken(), query.pageSize());
    }

    /**
     * Query pages of one partition, continuing from the last row key returned (DynamoDB's ExclusiveStartKey). The
     * pushed filter is applied after DynamoDB's Limit, so a request may return fewer items than asked, or none,
     * with a LastEvaluatedKey: reading goes on until the page is full or the partition ends, each request
     * reading twice as many items as the one before (at most {@link #MAX_READ}).
     */
    private Page<TableEntity> queryPage(String table, TableQuery query, DynamoKeyRange range, DynamoFilter pushed,
                                        String token, int size) {
        if (!range.satisfiable()) {
            return Page.last(List.of());
        }
        Map<String, AttributeValue> values = new HashMap<>();
        String condition = range.condition(values);
        Map<String, String> names = range.names();
        if (pushed != null) {
            names.putAll(pushed.names());
            values.putAll(pushed.values());
        }
        String filterExpression = pushed == null ? null : pushed.expression();
        String after = ContinuationTokens.decode(token);
        Map<String, AttributeValue> start = after == null ? null : DynamoItems.key(range.partitionKey(), after);
        List<TableEntity> items = new ArrayList<>();
        int limit = size;
        while (true) {
            Map<String, AttributeValue> from = start;
            int n = limit;
            QueryResponse r = call("Query " + table, () -> dynamo.query(b -> b.tableName(table)
                    .keyConditionExpression(condition).filterExpression(filterExpression)
                    .expressionAttributeNames(names).expressionAttributeValues(values).exclusiveStartKey(from)
                    .consistentRead(true).limit(n)));
            for (Map<String, AttributeValue> item : r.items()) {
                TableEntity e = DynamoItems.entity(item);
                if (query.filter() != null && !query.filter().test(e)) {
                    continue;
                }
                items.add(select(e, query));
                if (items.size() == size) {
                    return new Page<>(items, ContinuationTokens.encode(e.rowKey()));
                }
            }
            if (r.lastEvaluatedKey() == null || r.lastEvaluatedKey().isEmpty()) {
                return Page.last(items);
            }
            start = r.lastEvaluatedKey();
            if (pushed != null) {
                limit = Math.max(limit, Math.min(MAX_READ, limit * 2));
            }
        }
    }

    /** A scan, read whole, filtered, sorted by key; the token is the last key returned. */
    private Page<TableEntity> scanPage(String table, TableQuery query, DynamoFilter pushed, String token, int size) {
        String after = ContinuationTokens.decode(token);
        String[] last = after == null ? null : after.split("\u0000", 2);
        List<TableEntity> all = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            var r = call("Scan " + table, () -> dynamo.scan(b -> {
                b.tableName(table).exclusiveStartKey(from).consistentRead(true);
                if (pushed != null) {
                    b.filterExpression(pushed.expression()).expressionAttributeNames(pushed.names())
                            .expressionAttributeValues(pushed.values());
                }
            }));
            for (Map<String, AttributeValue> item : r.items()) {
                TableEntity e = DynamoItems.entity(item);
                if ((query.filter() == null || query.filter().test(e)) && (last == null || after(e, last))) {
                    all.add(e);
                }
            }
            start = r.lastEvaluatedKey() == null || r.lastEvaluatedKey().isEmpty() ? null : r.lastEvaluatedKey();
        } while (start != null);
        all.sort(ENTITY_ORDER);
        if (all.size() <= size) {
            return Page.last(all.stream().map(e -> select(e, query)).toList());
        }
        List<TableEntity> page = all.subList(0, size).stream().map(e -> select(e, query)).toList();
        TableEntity e = all.get(size - 1);
        return new Page<>(page, ContinuationTokens.encode(e.partitionKey() + "\u0000" + e.rowKey()));
    }

    private static boolean after(TableEntity e, String[] last) {
        int c = KEY_ORDER.compare(e.partitionKey(), last[0]);
        return c > 0 || (c == 0 && KEY_ORDER.compare(e.rowKey(), last.length > 1 ? last[1] : "") > 0);
    }

    private static TableEntity select(TableEntity e, TableQuery query) {
        return query.select() == null ? e : e.select(query.select());
    }

    // ---- transactions ------------------------------------------------------------------------------

    @Override
    public List<TableActionResult> submitTransaction(String table, List<TableAction> actions) {
        if (!transactions) {
            throw StorageException.unsupported("transactions are off for this account (transactions=false)");
        }
        DynamoTransaction tx = DynamoTransaction.of(table, actions, Instant.now());
        try {
            call("TransactWriteItems " + table, () -> dynamo.transactWriteItems(tx.request()));
        } catch (StorageException e) {
            throw tx.failure(e);
        }
        return tx.results();
    }

    static String newEtag() {
        return "W/\"" + UUID.randomUUID() + "\"";
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
