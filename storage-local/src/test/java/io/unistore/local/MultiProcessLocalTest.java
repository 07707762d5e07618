package io.unistore.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.StorageAccount;
import io.unistore.Unistore;
import io.unistore.blob.BlobStore;
import io.unistore.tck.ChildProcess;
import io.unistore.table.TableEntity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several processes on one data directory: a writer killed mid-upload, and concurrent ETag writers. */
class MultiProcessLocalTest {
    @TempDir
    Path dir;

    @Test
    void aWriterKilledMidUploadLeavesTheOldContentAndAWorkingStore() throws Exception {
        byte[] old = "the old content".getBytes(StandardCharsets.UTF_8);
        try (StorageAccount account = Unistore.open("file:" + dir)) {
            account.blobs().createContainer("box");
            account.blobs().upload("box", "big", old);
        }
        try (ChildProcess child = ChildProcess.start(ChildMains.CrashingUpload.class, List.of("-Xmx64m"),
                dir.toString())) {
            child.awaitLine("UPLOADING", 60);
            child.kill();
        }
        try (Stream<Path> tmp = Files.list(dir.resolve(ContentStore.TMP_DIR))) {
            assertThat(tmp).as("the killed upload's partial file").isNotEmpty();
        }
        try (StorageAccount account = Unistore.open("file:" + dir)) {
            BlobStore blobs = account.blobs();
            assertThat(blobs.downloadBytes("box", "big")).isEqualTo(old);
            assertThat(blobs.getProperties("box", "big").size()).isEqualTo(old.length);
            byte[] fresh = "new content after the crash".getBytes(StandardCharsets.UTF_8);
            blobs.upload("box", "big", fresh);
            assertThat(blobs.downloadBytes("box", "big")).isEqualTo(fresh);
            account.tables().createTable("After");
        }
        // The next open past the leftover age removes what the crash left behind.
        ContentStore content = new ContentStore(dir.toRealPath(), Durability.PROCESS);
        content.sweep(Duration.ZERO, id -> true);
        try (Stream<Path> tmp = Files.list(dir.resolve(ContentStore.TMP_DIR))) {
            assertThat(tmp).isEmpty();
        }
    }

    @Test
    void etagConditionsHoldAcrossProcesses() throws Exception {
        int processes = 4;
        int each = 25;
        try (StorageAccount account = Unistore.open("file:" + dir)) {
            account.tables().createTable("Counters");
            account.tables().insertEntity("Counters", TableEntity.builder("c", "n").put("n", 0).build());
        }
        List<ChildProcess> children = new ArrayList<>();
        try {
            for (int i = 0; i < processes; i++) {
                children.add(ChildProcess.start(ChildMains.Incrementer.class, List.of("-Xmx64m"), dir.toString(),
                        String.valueOf(each)));
            }
            for (ChildProcess c : children) {
                assertThat(c.await(120)).as(c.output()).isZero();
                assertThat(c.output()).contains("DONE");
            }
        } finally {
            for (ChildProcess c : children) {
                c.close();
            }
        }
        try (StorageAccount account = Unistore.open("file:" + dir)) {
            assertThat(account.tables().getEntity("Counters", "c", "n").getInt("n")).isEqualTo(processes * each);
        }
    }
}
