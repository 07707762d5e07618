package io.unistore.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.StorageAccount;
import io.unistore.blob.UploadOptions;
import io.unistore.table.TableEntity;
import io.unistore.table.UpdateMode;
import io.unistore.tck.TestData;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The local provider accepts whatever another provider returns, so it can be the target of any migration:
 * objects whose metadata only S3 or Cloud Storage takes (hyphenated and dotted keys, keys apart only by case,
 * non-ASCII values) and entities whose property names only Azure Tables takes (C# identifiers of any script)
 * copy to it with storage-ops, and arrive exactly as the source returns them.
 */
class LocalMigrationTargetTest {

    private static void copiesExactlyToLocal(Supplier<StorageAccount> open, Map<String, String> metadata) {
        try (StorageAccount source = open.get(); StorageAccount local = Backends.local()) {
            String container = TestData.uniqueName("mig");
            source.blobs().createContainer(container);
            source.blobs().upload(container, "object.txt", "payload".getBytes(),
                    UploadOptions.defaults().withMetadata(metadata));
            Map<String, String> asReturned = source.blobs().getProperties(container, "object.txt").metadata();

            CopyContainerResult r = ContainerCopy.run(source, local, CopyContainerOptions.of(container, container));

            assertThat(r.complete()).as("failures: %s", r.failures()).isTrue();
            assertThat(r.copied()).isEqualTo(1);
            assertThat(local.blobs().getProperties(container, "object.txt").metadata()).isEqualTo(asReturned);
            assertThat(local.blobs().downloadBytes(container, "object.txt")).isEqualTo("payload".getBytes());
        }
    }

    @Test
    void s3MetadataArrivesAsS3ReturnsIt() {
        copiesExactlyToLocal(Backends::s3proxy, Map.of("x-hyphen-key", "one", "dotted.key", "two", "Author", "ada"));
    }

    @Test
    void cloudStorageMetadataArrivesAsCloudStorageReturnsIt() {
        copiesExactlyToLocal(Backends::gcs, Map.of("Mixed-Case", "one", "mixed-case", "two", "with space", "é 😀",
                "a=b", "c=d"));
    }

    @Test
    void azureTablePropertyNamesArriveAsAzureReturnsThem() {
        try (StorageAccount azure = Backends.azurite(); StorageAccount local = Backends.local()) {
            String table = TestData.uniqueTableName("mig");
            azure.tables().createTable(table);
            azure.tables().upsertEntity(table, TableEntity.builder("p", "r").put("Größe", 42).put("名前", "テスト")
                    .put("plain", true).build(), UpdateMode.REPLACE);

            MigrateTableResult r = TableMigration.migrate(azure, local, MigrateTableOptions.of(table, table)
                    .withVerify(true));

            assertThat(r.complete()).as("failures: %s", r.failures()).isTrue();
            assertThat(r.verification().matches()).isTrue();
            assertThat(local.tables().getEntity(table, "p", "r").properties())
                    .isEqualTo(azure.tables().getEntity(table, "p", "r").properties());
        }
    }
}
