package io.unistore.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.StorageAccount;
import io.unistore.Unistore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example layer sits in the call path of a local account and passes everything else through. */
class SlowCallLayerTest {

    @Test
    void reportsCallsOverTheThresholdAndChangesNothingElse(@TempDir Path dir) {
        List<String> reports = new CopyOnWriteArrayList<>();
        try (StorageAccount account = Unistore.builder().address("file:" + dir)
                .layer(new SlowCallLayer(Duration.ZERO, reports::add)).open()) {
            account.blobs().createContainer("demo");
            account.blobs().upload("demo", "a.txt", "abc".getBytes());
            assertThat(account.blobs().downloadBytes("demo", "a.txt")).asString().isEqualTo("abc");
            account.blobs().getProperties("demo", "a.txt");
        }
        assertThat(reports).hasSize(2);
        assertThat(reports.get(0)).startsWith("slow call: upload demo/a.txt took");
        assertThat(reports.get(1)).startsWith("slow call: getProperties demo/a.txt took");
    }

    @Test
    void fastCallsAreNotReported(@TempDir Path dir) {
        List<String> reports = new CopyOnWriteArrayList<>();
        try (StorageAccount account = Unistore.builder().address("file:" + dir)
                .layer(new SlowCallLayer(Duration.ofHours(1), reports::add)).open()) {
            account.blobs().createContainer("demo");
            account.blobs().upload("demo", "a.txt", "abc".getBytes());
        }
        assertThat(reports).isEmpty();
    }
}
