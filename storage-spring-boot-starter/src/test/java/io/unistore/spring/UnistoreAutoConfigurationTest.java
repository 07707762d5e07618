package io.unistore.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.StorageAccount;
import io.unistore.Unistore;
import io.unistore.blob.BlobStore;
import io.unistore.spi.ForwardingAccountBackend;
import io.unistore.table.TableStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The beans the starter registers, on the local provider. */
class UnistoreAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(UnistoreAutoConfiguration.class));

    @TempDir
    Path dir;

    private String local(String name) {
        return "file:" + dir.resolve(name);
    }

    @Test
    void withoutPropertiesALocalAccountUnderTheWorkingDirectoryIsPrimary() throws Exception {
        Path data = Path.of(UnistoreAccounts.DEFAULT_DIRECTORY).toAbsolutePath();
        String container = "spring-default-" + ProcessHandle.current().pid();
        boolean existed = Files.exists(data);
        runner.run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(StorageAccount.class).hasBean("defaultStorageAccount");
            StorageAccount account = context.getBean(StorageAccount.class);
            assertThat(account.providerId()).isEqualTo("local");
            BlobStore blobs = context.getBean(BlobStore.class);
            blobs.createContainerIfNotExists(container);
            try {
                blobs.upload(container, "hello.txt", "hi".getBytes(StandardCharsets.UTF_8));
                try (StorageAccount same = Unistore.open("file:" + data)) {
                    assertThat(same.blobs().exists(container, "hello.txt")).isTrue();
                }
            } finally {
                blobs.deleteContainer(container);
            }
        });
        if (!existed) {
            // The test made ./unistore-data in the module's directory; leave the checkout as it was.
            try (var paths = Files.walk(data)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void eachAccountIsABeanQualifiedByItsNameAndThePrimaryOneGivesTheStores() {
        runner.withUserConfiguration(Injected.class)
                .withPropertyValues("unistore.accounts.orders.address=" + local("orders"),
                        "unistore.accounts.archive.address=" + local("archive"),
                        "unistore.primary=orders")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBeansOfType(StorageAccount.class)).containsOnlyKeys(
                            "ordersStorageAccount", "archiveStorageAccount");
                    Injected injected = context.getBean(Injected.class);
                    assertThat(injected.archive).isSameAs(context.getBean("archiveStorageAccount"));
                    assertThat(injected.primary).isSameAs(context.getBean("ordersStorageAccount"));
                    injected.archive.blobs().createContainer("only-in-archive");
                    assertThat(context.getBean(BlobStore.class).containerExists("only-in-archive")).isFalse();
                    assertThat(injected.primary.blobs().containerExists("only-in-archive")).isFalse();
                    assertThat(Files.isDirectory(dir.resolve("archive"))).isTrue();
                    assertThat(context.getBean(TableStore.class).listTables().firstPage().items()).isEmpty();
                });
    }

    @Test
    void theOnlyAccountIsPrimaryAndSeveralWithoutAPrimaryGiveNoStoreBeans() {
        runner.withPropertyValues("unistore.accounts.one.address=" + local("one"))
                .run(context -> assertThat(context).hasSingleBean(BlobStore.class)
                        .getBean(StorageAccount.class).isSameAs(context.getBean("oneStorageAccount")));
        runner.withPropertyValues("unistore.accounts.a.address=" + local("a"),
                        "unistore.accounts.b.address=" + local("b"))
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(BlobStore.class);
                    assertThat(context.getBeansOfType(StorageAccount.class)).hasSize(2);
                });
    }

    @Test
    void accountsCloseWithTheContext() {
        AtomicInteger closed = new AtomicInteger();
        runner.withPropertyValues("unistore.accounts.a.address=" + local("a"), "unistore.accounts.b.address="
                        + local("b"))
                .withBean(UnistoreAccountCustomizer.class, () -> (name, builder) -> builder.layer(inner ->
                        new ForwardingAccountBackend(inner) {
                            @Override
                            public void close() {
                                closed.incrementAndGet();
                                super.close();
                            }
                        }))
                .run(context -> assertThat(closed).hasValue(0));
        assertThat(closed).hasValue(2);
    }

    @Test
    void namedLayersAndOptionsReachTheAccount() {
        runner.withPropertyValues("unistore.accounts.a.address=" + local("a"),
                        "unistore.accounts.a.options.versioning=false",
                        "unistore.accounts.a.layers=tagging",
                        "unistore.accounts.a.options.tagging.tag=[tagged]")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    StorageAccount account = context.getBean(StorageAccount.class);
                    assertThat(account.capabilities().has(io.unistore.Capability.BLOB_VERSIONS)).isFalse();
                    assertThat(account.displayName()).startsWith("[tagged] ");
                });
    }

    @Configuration(proxyBeanMethods = false)
    static class Injected {
        final StorageAccount primary;
        final StorageAccount archive;

        Injected(StorageAccount primary, @Qualifier("archive") StorageAccount archive) {
            this.primary = primary;
            this.archive = archive;
        }

        @Bean
        String marker() {
            return "injected";
        }
    }
}
