package io.unistore.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.unistore.ErrorCode;
import io.unistore.StorageException;
import io.unistore.blob.BlobStore;
import io.unistore.table.TableEntity;
import io.unistore.table.TableStore;
import io.unistore.table.UpdateMode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Micrometer meters of a local account: calls, durations, bytes and errors by code. */
class MetricsTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(UnistoreAutoConfiguration.class))
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new);

    @TempDir
    Path dir;

    @Test
    void callsBytesAndErrorsAreCountedPerOperation() throws Exception {
        runner.withPropertyValues("unistore.accounts.main.address=file:" + dir.resolve("data")).run(context -> {
            MeterRegistry meters = context.getBean(MeterRegistry.class);
            BlobStore blobs = context.getBean(BlobStore.class);
            blobs.createContainer("meters");
            blobs.upload("meters", "five", new byte[5]);
            Path file = dir.resolve("seven");
            Files.write(file, new byte[7]);
            blobs.upload("meters", "seven", file, io.unistore.blob.UploadOptions.defaults());
            try (InputStream in = blobs.openInputStream("meters", "five")) {
                assertThat(in.readAllBytes()).hasSize(5);
            }
            assertThatThrownBy(() -> blobs.getProperties("meters", "absent"))
                    .isInstanceOf(StorageException.class).extracting(e -> ((StorageException) e).code())
                    .isEqualTo(ErrorCode.NOT_FOUND);
            TableStore tables = context.getBean(TableStore.class);
            tables.createTable("metered");
            tables.upsertEntity("metered", TableEntity.builder("p", "r").put("n", 1).build(), UpdateMode.REPLACE);

            assertThat(meters.get("unistore.calls").tags("account", "main", "store", "blob", "operation",
                    "createContainer", "outcome", "success").timer().count()).isEqualTo(1);
            assertThat(meters.get("unistore.calls").tags("store", "blob", "operation", "upload").timers().stream()
                    .mapToLong(t -> t.count()).sum()).isEqualTo(2);
            assertThat(meters.get("unistore.calls").tags("store", "table", "operation", "upsertEntity").timer()
                    .totalTime(java.util.concurrent.TimeUnit.NANOSECONDS)).isPositive();
            assertThat(meters.get("unistore.bytes").tags("operation", "upload", "direction", "written")
                    .counter().count()).isEqualTo(12);
            assertThat(meters.get("unistore.bytes").tags("operation", "openInputStream", "direction", "read")
                    .counter().count()).isEqualTo(5);
            assertThat(meters.get("unistore.errors").tags("operation", "getProperties", "code", "NOT_FOUND")
                    .counter().count()).isEqualTo(1);
            assertThat(meters.get("unistore.calls").tags("operation", "getProperties", "outcome", "NOT_FOUND")
                    .timer().count()).isEqualTo(1);
        });
    }

    @Test
    void refusedArgumentsNeverReachTheMetersAndMetricsCanBeTurnedOff() {
        runner.withPropertyValues("unistore.accounts.main.address=file:" + dir.resolve("data")).run(context -> {
            assertThatThrownBy(() -> context.getBean(BlobStore.class).createContainer("Not A Name"))
                    .isInstanceOf(StorageException.class);
            assertThat(context.getBean(MeterRegistry.class).find("unistore.calls").meters()).isEmpty();
        });
        runner.withPropertyValues("unistore.accounts.main.address=file:" + dir.resolve("data"),
                "unistore.metrics=false").run(context -> {
                    context.getBean(BlobStore.class).createContainerIfNotExists("meters");
                    assertThat(context.getBean(MeterRegistry.class).find("unistore.calls").meters()).isEmpty();
                });
    }
}
