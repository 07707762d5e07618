package io.unistore.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unistore.blob.BlobStore;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.Resource;
import org.springframework.core.io.WritableResource;

/**
 * {@code unistore://ACCOUNT/container/path} (blobs) and {@code unistore-file://ACCOUNT/share/path} (files) as Spring
 * resources, through the ResourceLoader and {@code @Value}.
 */
class ResourceTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(UnistoreAutoConfiguration.class));

    @TempDir
    Path dir;

    private ApplicationContextRunner twoAccounts() {
        return runner.withPropertyValues("unistore.accounts.docs.address=file:" + dir.resolve("docs"),
                "unistore.accounts.other.address=file:" + dir.resolve("other"), "unistore.primary=docs");
    }

    @Test
    void aBlobIsWrittenAndReadAsAResource() {
        twoAccounts().run(context -> {
            context.getBean("otherStorageAccount", io.unistore.StorageAccount.class).blobs().createContainer("cont");
            Resource resource = context.getResource("unistore://other/cont/dir/hello.txt");
            assertThat(resource).isInstanceOf(WritableResource.class);
            assertThat(resource.exists()).isFalse();
            assertThatThrownBy(resource::getInputStream).isInstanceOf(FileNotFoundException.class);
            try (OutputStream out = ((WritableResource) resource).getOutputStream()) {
                out.write("Hello, ".getBytes(StandardCharsets.UTF_8));
                // Nothing is visible before the stream closes.
                assertThat(resource.exists()).isFalse();
                out.write("resources".getBytes(StandardCharsets.UTF_8));
            }
            assertThat(resource.exists()).isTrue();
            assertThat(resource.contentLength()).isEqualTo(16);
            assertThat(resource.getFilename()).isEqualTo("hello.txt");
            assertThat(resource.lastModified()).isPositive();
            assertThat(resource.getContentAsString(StandardCharsets.UTF_8)).isEqualTo("Hello, resources");
            assertThat(resource.createRelative("next.txt").getURI().toString())
                    .isEqualTo("unistore://other/cont/dir/next.txt");
            // The other account holds it, not the primary one.
            assertThat(context.getBean(BlobStore.class).containerExists("cont")).isFalse();
        });
    }

    @Test
    void aFileOfAShareIsWrittenAndReadAsAResource() {
        twoAccounts().run(context -> {
            io.unistore.file.FileStore files = context.getBean("otherStorageAccount", io.unistore.StorageAccount.class)
                    .files();
            files.createShare("share");
            Resource resource = context.getResource("unistore-file://other/share/a/b/report.csv");
            assertThat(resource.exists()).isFalse();
            assertThatThrownBy(resource::contentLength).isInstanceOf(FileNotFoundException.class)
                    .hasMessageContaining("Unistore file [unistore-file://other/share/a/b/report.csv]");
            try (OutputStream out = ((WritableResource) resource).getOutputStream()) {
                out.write("id,total\n1,42\n".getBytes(StandardCharsets.UTF_8));
                assertThat(resource.exists()).as("nothing is visible before the stream closes").isFalse();
            }
            // The missing directories a/b were made; the content is the share's, not a blob's.
            assertThat(files.getProperties("share", "a/b/report.csv").size()).isEqualTo(14);
            assertThat(resource.getContentAsString(StandardCharsets.UTF_8)).isEqualTo("id,total\n1,42\n");
            assertThat(resource.lastModified()).isPositive();
            assertThat(resource.createRelative("other.csv").getURI().toString())
                    .isEqualTo("unistore-file://other/share/a/b/other.csv");
            assertThat(context.getBean("otherStorageAccount", io.unistore.StorageAccount.class).blobs()
                    .containerExists("share")).isFalse();
            assertThatThrownBy(() -> context.getResource("unistore-file://other/share"))
                    .hasMessageContaining("unistore-file://ACCOUNT/share/path");
        });
    }

    @Test
    void valueInjectsAResource() {
        twoAccounts().withBean(Reader.class).run(context -> {
            context.getBean(BlobStore.class).createContainer("conf");
            context.getBean(BlobStore.class).upload("conf", "app.txt", "from a blob".getBytes(StandardCharsets.UTF_8));
            try (InputStream in = context.getBean(Reader.class).resource.getInputStream()) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("from a blob");
            }
        });
    }

    @Test
    void badLocationsAreRefusedNamingWhatIsWrong() {
        twoAccounts().run(context -> {
            assertThatThrownBy(() -> context.getResource("unistore://docs/only-a-container"))
                    .hasMessageContaining("unistore://ACCOUNT/container/path");
            assertThatThrownBy(() -> context.getResource("unistore://nosuch/c/p").exists())
                    .hasMessageContaining("no account 'nosuch'");
            Resource badName = context.getResource("unistore://docs/Bad_Container/p");
            assertThatThrownBy(badName::getInputStream).isInstanceOf(IOException.class)
                    .hasMessageContaining("container");
            assertThat(context.getResource("unistore://docs/c/a%20b c").getURI().getRawPath())
                    .isEqualTo("/c/a%2520b%20c");
        });
    }

    static class Reader {
        final Resource resource;

        Reader(@Value("unistore://docs/conf/app.txt") Resource resource) {
            this.resource = resource;
        }
    }
}
