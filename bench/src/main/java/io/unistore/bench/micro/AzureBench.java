package io.unistore.bench.micro;

import com.azure.core.util.BinaryData;
import com.azure.data.tables.TableClient;
import com.azure.data.tables.models.ListEntitiesOptions;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.queue.QueueClient;
import com.azure.storage.queue.models.QueueMessageItem;
import io.unistore.StorageAccount;
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
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Unistore's Azure provider against the Azure SDK on Azurite, operation by operation. Each {@code u*} method
 * (the blob ones in {@link BlobBench}) has a {@code r*} twin doing the same with the SDK's clients as its
 * documentation shows.
 */
public class AzureBench extends BlobBench {
    static final String TABLE = "benchmicro";
    static final String QUEUE_U = "bench-u";
    static final String QUEUE_R = "bench-r";

    TableStore tables;
    QueueStore queues;
    BlobContainerClient container;
    BlobContainerClient listContainer;
    TableClient table;
    QueueClient queueU;
    QueueClient queueR;
    int next;

    @Override
    StorageAccount open() {
        return MicroTargets.backends.openAzure();
    }

    @Setup(Level.Trial)
    public void setUpRaw() {
        tables = null;
        queues = null;
        container = MicroTargets.backends.azureBlobs().getBlobContainerClient(CONTAINER);
        listContainer = MicroTargets.backends.azureBlobs().getBlobContainerClient(LIST_CONTAINER);
        table = MicroTargets.backends.azureTables().getTableClient(TABLE);
        queueU = MicroTargets.backends.azureQueues().getQueueClient(QUEUE_U);
        queueR = MicroTargets.backends.azureQueues().getQueueClient(QUEUE_R);
    }

    /** Creates the containers, table and queues, and the data the reads need. */
    static void prepare() {
        BlobBench.prepare(MicroTargets.backends.openAzure());
        try (StorageAccount a = MicroTargets.backends.openAzure()) {
            MicroTargets.fillTable(a.tables(), TABLE);
            a.queues().createQueueIfNotExists(QUEUE_U);
            a.queues().createQueueIfNotExists(QUEUE_R);
        }
    }

    /** Fetched on first use: JMH does not promise the base class's set-up (which opens the account) runs first. */
    private TableStore tables() {
        if (tables == null) {
            tables = account.tables();
        }
        return tables;
    }

    private QueueStore queues() {
        if (queues == null) {
            queues = account.queues();
        }
        return queues;
    }

    private int nextIndex() {
        next = (next + 1) % MicroTargets.ENTITIES_PER_PARTITION;
        return next;
    }

    // ---- 4 KiB blob put / get ----------------------------------------------------------------------------

    @Benchmark
    public void rBlobPut() {
        container.getBlobClient("put-r").upload(BinaryData.fromBytes(data), true);
    }

    @Benchmark
    public byte[] rBlobGet() {
        return container.getBlobClient(MicroTargets.GET_BLOB).downloadContent().toBytes();
    }

    // ---- list 1,000 blobs ---------------------------------------------------------------------------------

    @Benchmark
    public long rList() {
        return listContainer.listBlobs().stream().count();
    }

    // ---- entities -----------------------------------------------------------------------------------------

    @Benchmark
    public String uEntityUpsert() {
        int i = nextIndex();
        return tables().upsertEntity(TABLE, MicroTargets.entity("p0", MicroTargets.rowKey(i), i), UpdateMode.MERGE);
    }

    @Benchmark
    public void rEntityUpsert() {
        int i = nextIndex();
        table.upsertEntity(rawEntity("p0", MicroTargets.rowKey(i), i));
    }

    @Benchmark
    public Object uEntityGet() {
        return tables().getEntity(TABLE, "p0", MicroTargets.rowKey(nextIndex()));
    }

    @Benchmark
    public Object rEntityGet() {
        return table.getEntity("p0", MicroTargets.rowKey(nextIndex()));
    }

    @Benchmark
    public long uRangeQuery() {
        return tables().query(TABLE, TableQuery.where(MicroTargets.RANGE_FILTER)).stream().count();
    }

    @Benchmark
    public long rRangeQuery() {
        return table.listEntities(new ListEntitiesOptions().setFilter(MicroTargets.RANGE_FILTER), null, null)
                .stream().count();
    }

    // ---- queue: send, receive, delete -----------------------------------------------------------------------

    @Benchmark
    public void uQueueSendReceive(Blackhole bh) {
        queues().sendMessage(QUEUE_U, "bench message");
        List<QueueMessage> got = queues().receiveMessages(QUEUE_U);
        for (QueueMessage m : got) {
            bh.consume(m.body());
            queues().deleteMessage(QUEUE_U, m.messageId(), m.popReceipt());
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
