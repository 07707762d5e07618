package io.unistore.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unistore.ErrorCode;
import io.unistore.ListOptions;
import io.unistore.StorageAccount;
import io.unistore.StorageException;
import io.unistore.Unistore;
import io.unistore.blob.AccessTier;
import io.unistore.blob.BlobProperties;
import io.unistore.blob.BlobStore;
import io.unistore.blob.ReadOptions;
import io.unistore.queue.QueueMessage;
import io.unistore.queue.ReceiveOptions;
import io.unistore.queue.SendMessageOptions;
import io.unistore.table.TableEntity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What one account wrote, a later account on the same directory finds: nothing lives only in memory. */
class ReopenLocalTest {
    @TempDir
    Path dir;

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void versionsSnapshotsTiersAndLeasesSurviveReopen() {
        String v1;
        String snap;
        String lease;
        try (StorageAccount a = Unistore.open("file://" + dir + "?durability=sync")) {
            BlobStore blobs = a.blobs();
            blobs.createContainer("box", Map.of("owner", "me"));
            v1 = blobs.upload("box", "doc", utf8("v1")).versionId();
            snap = blobs.createSnapshot("box", "doc", Map.of("label", "first"));
            blobs.upload("box", "doc", utf8("v2"));
            blobs.upload("box", "cold", utf8("frozen"));
            blobs.setTier("box", "cold", AccessTier.ARCHIVE);
            lease = blobs.acquireLease("box", "doc", null, null);
        }
        try (StorageAccount a = Unistore.open(dir.toString())) {
            BlobStore blobs = a.blobs();
            assertThat(blobs.getContainerProperties("box").metadata()).containsEntry("owner", "me");
            assertThat(blobs.downloadBytes("box", "doc")).isEqualTo(utf8("v2"));
            assertThat(blobs.downloadBytes("box", "doc")).isEqualTo(utf8("v2"));
            assertThat(blobs.listVersions("box", "doc", ListOptions.defaults()).stream().map(BlobProperties::versionId)
                    .toList()).hasSize(2).first().isEqualTo(v1);
            BlobProperties s = blobs.getProperties("box", "doc", ReadOptions.defaults().withSnapshot(snap));
            assertThat(s.metadata()).containsEntry("label", "first");
            assertThat(blobs.getProperties("box", "doc").leaseState()).isEqualTo("leased");
            assertThatThrownBy(() -> blobs.upload("box", "doc", utf8("v3")))
                    .satisfies(t -> assertThat(((StorageException) t).code()).isEqualTo(ErrorCode.PRECONDITION_FAILED));
            blobs.releaseLease("box", "doc", lease);
            assertThat(blobs.getProperties("box", "cold").tier()).isEqualTo(AccessTier.ARCHIVE);
            assertThatThrownBy(() -> blobs.downloadBytes("box", "cold"))
                    .satisfies(t -> assertThat(((StorageException) t).code()).isEqualTo(ErrorCode.CONFLICT));
        }
    }

    @Test
    void queueMessagesAndTheirTimeToLiveSurviveReopen() throws Exception {
        try (StorageAccount a = Unistore.open("file:" + dir)) {
            a.queues().createQueue("jobs");
            a.queues().sendMessage("jobs", utf8("short"), SendMessageOptions.defaults().withTimeToLive(Duration.ofSeconds(1)));
            a.queues().sendMessage("jobs", utf8("long"), SendMessageOptions.defaults());
            a.tables().createTable("Kept");
            a.tables().insertEntity("Kept", TableEntity.builder("p", "r").put("x", 1L).build());
            a.files().createShare("share");
            a.files().upload("share", "f", utf8("file"));
        }
        Thread.sleep(1100);
        try (StorageAccount a = Unistore.open("file:" + dir)) {
            List<QueueMessage> got = a.queues().receiveMessages("jobs", ReceiveOptions.of(32, Duration.ofSeconds(5)));
            assertThat(got).extracting(QueueMessage::text).containsExactly("long");
            assertThat(a.queues().getQueueProperties("jobs").approximateMessageCount()).isEqualTo(1);
            assertThat(a.tables().getEntity("Kept", "p", "r").getLong("x")).isEqualTo(1L);
            assertThat(a.files().downloadBytes("share", "f")).isEqualTo(utf8("file"));
        }
    }
}
