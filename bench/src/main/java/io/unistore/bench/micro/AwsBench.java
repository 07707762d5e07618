package io.unistore.bench.micro;

import io.unistore.StorageAccount;
import io.unistore.queue.QueueMessage;
import io.unistore.queue.QueueStore;
import io.unistore.table.TableEntity;
import io.unistore.table.TableQuery;
import io.unistore.table.TableStore;
import io.unistore.table.UpdateMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Unistore's DynamoDB and SQS stores against the AWS SDK v2 on dynalite and ElasticMQ: entity put, point read,
 * partition range query (50 entities); SQS send + receive + delete. Each {@code r*} twin sends the same request
 * with the SDK client: the same item (type tags, ETag and timestamp attributes included), the same key condition,
 * the same receive options.
 */
@State(Scope.Benchmark)
public class AwsBench {
    static final String TABLE = "benchmicro";
    static final String QUEUE_U = "bench-u";
    static final String QUEUE_R = "bench-r";
    private static final DateTimeFormatter TS = new DateTimeFormatterBuilder().appendPattern("uuuu-MM-dd'T'HH:mm:ss")
            .appendFraction(ChronoField.NANO_OF_SECOND, 9, 9, true).appendLiteral('Z').toFormatter()
            .withZone(ZoneOffset.UTC);

    StorageAccount account;
    TableStore tables;
    QueueStore queues;
    DynamoDbClient dynamo;
    SqsClient sqs;
    String queueUrlR;
    int next;

    @Setup(Level.Trial)
    public void setUp() {
        account = MicroTargets.backends.openAws();
        tables = account.tables();
        queues = account.queues();
        dynamo = MicroTargets.backends.dynamo();
        sqs = MicroTargets.backends.sqs();
        queueUrlR = sqs.getQueueUrl(r -> r.queueName(QUEUE_R)).queueUrl();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        account.close();
        dynamo.close();
        sqs.close();
    }

    /** The table (two partitions of 100 entities) and the two queues. */
    static void prepare() {
        try (StorageAccount a = MicroTargets.backends.openAws()) {
            MicroTargets.fillTable(a.tables(), TABLE);
            a.queues().createQueueIfNotExists(QUEUE_U);
            a.queues().createQueueIfNotExists(QUEUE_R);
        }
    }

    private int nextIndex() {
        next = (next + 1) % MicroTargets.ENTITIES_PER_PARTITION;
        return next;
    }

    // ---- DynamoDB ---------------------------------------------------------------------------------------

    @Benchmark
    public String uEntityPut() {
        int i = nextIndex();
        return tables.upsertEntity(TABLE, MicroTargets.entity("p0", MicroTargets.rowKey(i), i), UpdateMode.REPLACE);
    }

    @Benchmark
    public Object rEntityPut() {
        int i = nextIndex();
        return dynamo.putItem(r -> r.tableName(TABLE).item(rawItem("p0", MicroTargets.rowKey(i), i)));
    }

    @Benchmark
    public TableEntity uEntityGet() {
        return tables.getEntity(TABLE, "p0", MicroTargets.rowKey(nextIndex()));
    }

    @Benchmark
    public Object rEntityGet() {
        String rk = MicroTargets.rowKey(nextIndex());
        return dynamo.getItem(r -> r.tableName(TABLE).consistentRead(true).key(Map.of("PartitionKey",
                AttributeValue.fromS("p0"), "RowKey", AttributeValue.fromS(rk)))).item();
    }

    @Benchmark
    public long uRangeQuery() {
        return tables.query(TABLE, TableQuery.where(MicroTargets.RANGE_FILTER)).stream().count();
    }

    @Benchmark
    public long rRangeQuery() {
        // What a range query is with the SDK: a key condition, paged (the SDK's paginator), strongly consistent.
        return dynamo.queryPaginator(r -> r.tableName(TABLE).consistentRead(true)
                .keyConditionExpression("#pk = :pk and #rk between :lo and :hi")
                .expressionAttributeNames(Map.of("#pk", "PartitionKey", "#rk", "RowKey"))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(MicroTargets.RANGE_PARTITION),
                        ":lo", AttributeValue.fromS(MicroTargets.RANGE_FROM),
                        ":hi", AttributeValue.fromS(MicroTargets.RANGE_TO)))
                .limit(1000)).items().stream().filter(item -> item.get("RowKey").s()
                .compareTo(MicroTargets.RANGE_TO) < 0).count();
    }

    /** {@link MicroTargets#entity} as Unistore stores it: the Double and DateTime tagged, an ETag, a timestamp. */
    static Map<String, AttributeValue> rawItem(String pk, String rk, int i) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("PartitionKey", AttributeValue.fromS(pk));
        item.put("RowKey", AttributeValue.fromS(rk));
        item.put("name", AttributeValue.fromS("name " + i));
        item.put("age", AttributeValue.fromN(Integer.toString(i)));
        item.put("score", AttributeValue.fromN(Double.toString(i * 1.5)));
        item.put("@type:score", AttributeValue.fromS("Edm.Double"));
        item.put("active", AttributeValue.fromBool(i % 2 == 0));
        item.put("at", AttributeValue.fromS(TS.format(Instant.ofEpochSecond(1_700_000_000L + i))));
        item.put("@type:at", AttributeValue.fromS("Edm.DateTime"));
        item.put("@etag", AttributeValue.fromS("W/\"" + UUID.randomUUID() + "\""));
        item.put("@ts", AttributeValue.fromS(TS.format(Instant.now())));
        return item;
    }

    // ---- SQS: send, receive, delete -----------------------------------------------------------------------

    @Benchmark
    public void uQueueSendReceive(Blackhole bh) {
        queues.sendMessage(QUEUE_U, "bench message");
        List<QueueMessage> got = queues.receiveMessages(QUEUE_U);
        for (QueueMessage m : got) {
            bh.consume(m.body());
            queues.deleteMessage(QUEUE_U, m.messageId(), m.popReceipt());
        }
    }

    @Benchmark
    public void rQueueSendReceive(Blackhole bh) {
        sqs.sendMessage(r -> r.queueUrl(queueUrlR).messageBody("bench message"));
        List<software.amazon.awssdk.services.sqs.model.Message> got = sqs.receiveMessage(r -> r.queueUrl(queueUrlR)
                .maxNumberOfMessages(1).visibilityTimeout(30).messageSystemAttributeNamesWithStrings(
                        "SentTimestamp", "ApproximateReceiveCount").messageAttributeNames("All")).messages();
        for (var m : got) {
            bh.consume(m.body());
            sqs.deleteMessage(r -> r.queueUrl(queueUrlR).receiptHandle(m.receiptHandle()));
        }
    }
}
