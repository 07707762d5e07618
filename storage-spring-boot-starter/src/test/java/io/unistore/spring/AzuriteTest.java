package io.unistore.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.StorageAccount;
import io.unistore.blob.BlobStore;
import io.unistore.queue.QueueStore;
import io.unistore.testsupport.azurite.Azurite;
import io.unistore.testsupport.secrets.Canaries;
import io.unistore.testsupport.secrets.LogCapture;
import io.unistore.testsupport.secrets.SecretScan;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** An Azure account on Azurite: the beans, its health while Azurite runs and once it is stopped, and no key shown. */
class AzuriteTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(UnistoreAutoConfiguration.class));

    @TempDir
    Path dir;

    @Test
    void theAccountAndItsStoresAreBeans() {
        runner.withPropertyValues("unistore.accounts.azure.address=" + Azurite.shared().connectionString())
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(StorageAccount.class).providerId()).isEqualTo("azure");
                    BlobStore blobs = context.getBean(BlobStore.class);
                    blobs.createContainerIfNotExists("spring-azurite");
                    blobs.upload("spring-azurite", "a.txt", "on Azurite".getBytes(StandardCharsets.UTF_8));
                    assertThat(new String(blobs.downloadBytes("spring-azurite", "a.txt"), StandardCharsets.UTF_8))
                            .isEqualTo("on Azurite");
                    QueueStore queues = context.getBean(QueueStore.class);
                    queues.createQueueIfNotExists("spring-azurite");
                    assertThat(queues.queueExists("spring-azurite")).isTrue();
                });
    }

    @Test
    void healthIsUpWhileAzuriteRunsAndDownOnceItIsStoppedWithoutShowingTheKey() {
        SecretScan scan = new SecretScan(Canaries.all());
        try (LogCapture log = LogCapture.start()) {
            Azurite azurite = Azurite.onDisk(dir);
            try {
                runner.withPropertyValues(
                                "unistore.accounts.azure.address=" + azurite.connectionString(Azurite.CANARY_ACCOUNT),
                                "unistore.accounts.azure.options.maxRetries=0",
                                "unistore.health.timeout=5s")
                        .run(context -> {
                            HealthView.Checker health = HealthView.of(context, "azure");
                            // The first call of a new client is slow on a loaded machine (Netty starts): a check
                            // may time out until it has answered once.
                            HealthView up = health.check();
                            long deadline = System.nanoTime() + 60_000_000_000L;
                            while (!up.status().equals("UP") && System.nanoTime() < deadline) {
                                Thread.sleep(200);
                                up = health.check();
                            }
                            assertThat(up.status()).as("%s", up.details()).isEqualTo("UP");
                            azurite.close();
                            long start = System.nanoTime();
                            HealthView down = health.check();
                            assertThat(down.status()).isEqualTo("DOWN");
                            assertThat(down.details()).containsKey("error");
                            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(15_000);
                            scan.text("health up", up.text()).text("health down", down.text());
                        });
            } finally {
                azurite.close();
            }
            scan.text("log", log.text());
        }
        assertThat(scan.findings()).isEmpty();
    }
}
