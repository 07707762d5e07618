package io.unistore.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.ListOptions;
import io.unistore.PagedIterable;
import io.unistore.blob.ContainerInfo;
import io.unistore.spi.BlobBackend;
import io.unistore.spi.ForwardingAccountBackend;
import io.unistore.spi.ForwardingBlobBackend;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Health and info of local accounts, and the switches that turn them off. */
class ActuatorTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(UnistoreAutoConfiguration.class));

    @TempDir
    Path dir;

    @Test
    void eachAccountHasAHealthIndicatorThatIsUp() {
        runner.withPropertyValues("unistore.accounts.a.address=file:" + dir.resolve("a"),
                        "unistore.accounts.b.address=file:" + dir.resolve("b"))
                .run(context -> {
                    for (String name : new String[] {"a", "b"}) {
                        HealthView.Checker health = HealthView.of(context, name);
                        assertThat(health.api()).as("the health API of the Boot version on the class path")
                                .isEqualTo(HealthView.expectedApi());
                        HealthView result = health.check();
                        assertThat(result.status()).isEqualTo("UP");
                        assertThat(result.details()).containsEntry("provider", "local")
                                .doesNotContainKey("address");
                    }
                    assertThat(HealthView.of(context, "c")).isNull();
                });
    }

    @Test
    void aHungAccountIsDownAfterTheTimeoutAndHoldsOneProbeAtATime() {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger probes = new AtomicInteger();
        UnistoreAccountCustomizer hang = (name, builder) -> builder.layer(inner -> new ForwardingAccountBackend(inner) {
            @Override
            public BlobBackend blobs() {
                return new ForwardingBlobBackend(inner.blobs()) {
                    @Override
                    public PagedIterable<ContainerInfo> listContainers(ListOptions options) {
                        probes.incrementAndGet();
                        try {
                            release.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return super.listContainers(options);
                    }
                };
            }
        });
        runner.withPropertyValues("unistore.accounts.a.address=file:" + dir, "unistore.health.timeout=200ms")
                .withBean(UnistoreAccountCustomizer.class, () -> hang)
                .run(context -> {
                    HealthView.Checker health = HealthView.of(context, "a");
                    assertThat(health.check().details()).containsEntry("error", "no answer within 200 ms");
                    assertThat(health.check().details())
                            .containsEntry("error", "the previous check has not answered yet");
                    assertThat(probes).hasValue(1);
                    release.countDown();
                    // The released probe ends soon; until it has, checks keep reporting it instead of probing.
                    long deadline = System.nanoTime() + 10_000_000_000L;
                    String status = health.check().status();
                    while (!status.equals("UP") && System.nanoTime() < deadline) {
                        Thread.sleep(20);
                        status = health.check().status();
                    }
                    assertThat(status).isEqualTo("UP");
                    assertThat(probes).hasValue(2);
                });
    }

    @Test
    @SuppressWarnings("unchecked")
    void infoNamesTheProviderAndTheCapabilities() {
        runner.withPropertyValues("unistore.accounts.a.address=file:" + dir).run(context -> {
            Info.Builder builder = new Info.Builder();
            context.getBean("unistoreInfoContributor", InfoContributor.class).contribute(builder);
            Map<String, Object> a = (Map<String, Object>) ((Map<String, Map<String, Object>>)
                    builder.build().get("unistore")).get("accounts").get("a");
            assertThat(a).containsEntry("provider", "local").containsEntry("primary", true);
            assertThat((Iterable<String>) a.get("capabilities")).contains("BLOBS", "TABLES", "QUEUES", "FILES");
        });
    }

    @Test
    void healthAndInfoCanBeTurnedOff() {
        runner.withPropertyValues("management.health.unistore.enabled=false", "management.info.unistore.enabled=false")
                .run(context -> assertThat(context).hasNotFailed()
                        .doesNotHaveBean("unistoreHealthContributor").doesNotHaveBean("unistoreInfoContributor"));
    }
}
