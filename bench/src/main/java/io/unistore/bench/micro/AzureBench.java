package io.unistore.bench.micro;

import com.azure.core.util.BinaryData;
import com.azure.data.tables.TableClient;
import com.azure.data.tables.models.ListEntitiesOptions;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.queue.QueueClient;
import com.azure.storage.queue.models.QueueMessageItem;
import io.unistore.StorageAccount;
import io.unistore.blob.BlobStore;
import io.unistore.queue.QueueMessage;
import io.unistore.queue.QueueStore;
import io.unistore.table.TableQuery;
import io.unistore.table.TableStore;
import io.unistore.table.UpdateMode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Unistore's Azure provider against the Azure SDK on Azurite, operation by operation. Each {@code u*} method
 * has a {@code r*} twin doing the same with the SDK's clients as its documentation shows.
 */
@State(Scope.Benchmark)
public class AzureBench {
    static final String CONTAINER = "bench-micro";
    static final String LIST_CONTAINER = "bench-list";
    static final String TABLE = "benchmicro";
    static final String QUEUE_U = "bench-u";
    static final String QUEUE_R = "bench-r";

    StorageAccount account;
    BlobStore blobs;
    TableStore tables;
    QueueStore queues;
    BlobContainerClient container;
    BlobContainerClient listContainer;
    TableClient table;
    QueueClient queueU;
    QueueClient queueR;
    byte[] data;
    int next;

    @Setup(Level.Trial)
    public void setUp() {
        account = MicroTargets.backends.openAzure();
        blobs = account.blobs();
        tables = account.tables();
        queues = account.queues();
        container = MicroTargets.backends.azureBlobs().getBlobContainerClient(CONTAINER);
        listContainer = MicroTargets.backends.azureBlobs().getBlobContainerClient(LIST_CONTAINER);
        table = MicroTargets.backends.azureTables().getTableClient(TABLE);
        queueU = MicroTargets.backends.azureQueues().getQueueClient(QUEUE_U);
        queueR = MicroTargets.backends.azureQueues().getQueueClient(QUEUE_R);
        data = MicroTargets.blobContent();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        account.close();
    }

    /** Creates the containers, table and queues, and the data the reads need. */
    static void prepare() {
        try (StorageAccount a = MicroTargets.backends.openAzure()) {
            Blobs.prepare(a.blobs(), CONTAINER, LIST_CONTAINER);
            a.tables().createTableIfNotExists(TABLE);
            for (int p = 0; p < 2; p++) {
                for (int i = 0; i < MicroTargets.ENTITIES_PER_PARTITION; i++) {
                    a.tables().upsertEntity(TABLE, MicroTargets.entity("p" + p, MicroTargets.rowKey(i), i),
                            UpdateMode.REPLACE);
                }
            }
            a.queues().createQueueIfNotExists(QUEUE_U);
            a.queues().createQueueIfNotExists(QUEUE_R);
        }
    }

    private int nextIndex() {
        next = (next + 1) % MicroTargets.ENTITIES_PER_PARTITION;
        return next;
    }

    // ---- 4 KiB blob put / get ----------------------------------------------------------------------------

    @Benchmark
    public Object uBlobPut() {
        return blobs.upload(CONTAINER, "put-u", data);
    }

    @Benchmark
    public void rBlobPut() {
        container.getBlobClient("put-r").upload(BinaryData.fromBytes(data), true);
    }

    @Benchmark
    public byte[] uBlobGet() {
        return blobs.downloadBytes(CONTAINER, MicroTargets.GET_BLOB);
    }

    @Benchmark
    public byte[] rBlobGet() {
        return container.getBlobClient(MicroTargets.GET_BLOB).downloadContent().toBytes();
    }

    // ---- list 1,000 blobs ---------------------------------------------------------------------------------

    @Benchmark
    public long uList() {
        return blobs.list(LIST_CONTAINER).stream().count();
    }

    @Benchmark
    public long rList() {
        return listContainer.listBlobs().stream().count();
    }

    // ---- entities -----------------------------------------------------------------------------------------

    @Benchmark
    public String uEntityUpsert() {
        int i = nextIndex();
        return tables.upsertEntity(TABLE, MicroTargets.entity("p0", MicroTargets.rowKey(i), i), UpdateMode.MERGE);
    }

    @Benchmark
    public void rEntityUpsert() {
        int i = nextIndex();
        table.upsertEntity(rawEntity("p0", MicroTargets.rowKey(i), i));
    }

    @Benchmark
    public Object uEntityGet() {
        return tables.getEntity(TABLE, "p0", MicroTargets.rowKey(nextIndex()));
    }

    @Benchmark
    public Object rEntityGet() {
        return table.getEntity("p0", MicroTargets.rowKey(nextIndex()));
    }

    @Benchmark
    public long uRangeQuery() {
        return tables.query(TABLE, TableQuery.where(MicroTargets.RANGE_FILTER)).stream().count();
    }

    @Benchmark
    public long rRangeQuery() {
        return table.listEntities(new ListEntitiesOptions().setFilter(MicroTargets.RANGE_FILTER), null, null)
                .stream().count();
    }

    // ---- queue: send, receive, delete -----------------------------------------------------------------------

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
        queueR.sendMessage("bench message");
        QueueMessageItem m = queueR.receiveMessage();
        if (m != null) {
            bh.consume(m.getBody().toBytes());
            queueR.deleteMessage(m.getMessageId(), m.getPopReceipt());
        }
    }

    static com.azure.data.tables.models.TableEntity rawEntity(String pk, String rk, int i) {
        return new com.azure.data.tables.models.TableEntity(pk, rk).addProperty("name", "name " + i)
                .addProperty("age", i).addProperty("score", i * 1.5).addProperty("active", i % 2 == 0)
                .addProperty("at", OffsetDateTime.ofInstant(java.time.Instant.ofEpochSecond(1_700_000_000L + i),
                        ZoneOffset.UTC));
    }
}
