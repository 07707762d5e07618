package io.unistore.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.blob.BlobStore;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** The example starts as a Spring Boot application and leaves its notes in the configured account. */
class NotesApplicationTest {

    @Test
    void runsAndWritesItsNotes(@TempDir Path dir) {
        try (ConfigurableApplicationContext context = SpringApplication.run(NotesApplication.class,
                "--unistore.accounts.default.address=file:" + dir)) {
            BlobStore blobs = context.getBean(BlobStore.class);
            assertThat(blobs.exists("notes", "latest.txt")).isTrue();
            assertThat(blobs.list("notes").stream().count()).isEqualTo(2);
        }
    }
}
