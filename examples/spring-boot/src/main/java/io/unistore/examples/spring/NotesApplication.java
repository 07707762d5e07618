package io.unistore.examples.spring;

import io.unistore.StorageAccount;
import io.unistore.blob.BlobStore;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.WritableResource;

/**
 * A Spring Boot application on Unistore. With no configuration it stores in {@code ./unistore-data} (the local
 * provider); set {@code unistore.accounts.default.address} (or the environment variable
 * {@code UNISTORE_ACCOUNTS_DEFAULT_ADDRESS}) to run the same code on Azure, S3 or Cloud Storage.
 */
@SpringBootApplication
public class NotesApplication {

    public static void main(String[] args) {
        SpringApplication.run(NotesApplication.class, args);
    }

    /** Appends a note through the injected BlobStore, then reads the notes back as a Spring Resource. */
    @Bean
    ApplicationRunner notes(StorageAccount account, BlobStore blobs, ResourceLoader resources) {
        return (ApplicationArguments args) -> {
            blobs.createContainerIfNotExists("notes");
            String note = "started at " + Instant.now() + "\n";
            blobs.upload("notes", "notes/" + Instant.now().toEpochMilli() + ".txt",
                    note.getBytes(StandardCharsets.UTF_8));

            WritableResource latest = (WritableResource) resources.getResource("unistore://default/notes/latest.txt");
            try (var out = latest.getOutputStream()) {
                out.write(note.getBytes(StandardCharsets.UTF_8));
            }
            System.out.println("Account: " + account.displayName());
            System.out.print("Latest note (" + latest.getURI() + "): " + latest.getContentAsString(StandardCharsets.UTF_8));
            System.out.println("Notes so far: " + blobs.list("notes").stream().count());
        };
    }
}
