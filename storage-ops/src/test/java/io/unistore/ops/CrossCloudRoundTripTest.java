package io.unistore.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.StorageAccount;
import io.unistore.blob.BlobItem;
import io.unistore.blob.BlobProperties;
import io.unistore.blob.BlobStore;
import io.unistore.blob.UploadOptions;
import io.unistore.tck.TestData;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Issue #4's acceptance: a container of mixed objects goes Azure (Azurite) -> S3 (S3Proxy) -> Cloud Storage (our
 * stand-in) -> local, and every byte, content type and metadata entry survives every hop. Only the neutral API
 * is used, and the copy is a plain loop (not storage-ops' engine) so the providers are what is tested.
 */
class CrossCloudRoundTripTest {
    private static final long BIG = 64L * 1024 * 1024;

    /** One object of the fixture: name, seed and size of its generated content, type and metadata. */
    private record Item(String name, long seed, long size, String contentType, Map<String, String> metadata) {
    }

    private static final List<Item> ITEMS = List.of(
            new Item("readme.txt", 1, 2_000, "text/plain", Map.of("author", "ada", "lang", "en")),
            new Item("nested/deeper/still/data.json", 2, 10_000, "application/json", Map.of("schema", "v2")),
            new Item("ünïcödé/日本語/😀 emoji name.bin", 3, 4_096, "application/octet-stream",
                    Map.of("note", "unicode name")),
            new Item("with spaces/and+plus&amp;.txt", 4, 333, "text/plain", Map.of()),
            new Item("empty/zero.bin", 5, 0, "application/octet-stream", Map.of("empty", "true")),
            new Item("empty-too.txt", 6, 0, "text/plain", Map.of()),
            new Item("big/first-64mib.bin", 7, BIG, "application/octet-stream", Map.of("size", "64MiB", "part", "1")),
            new Item("big/second-64mib.dat", 8, BIG, "image/png", Map.of("part", "2")));

    @Test
    void mixedObjectsSurviveAzureToS3ToGcsToLocal() {
        try (StorageAccount azure = Backends.azurite();
             StorageAccount s3 = Backends.s3proxy();
             StorageAccount gcs = Backends.gcs();
             StorageAccount local = Backends.local()) {
            String container = TestData.uniqueName("xcloud");
            BlobStore source = azure.blobs();
            source.createContainer(container);
            for (Item item : ITEMS) {
                try (InputStream in = TestData.stream(item.seed(), item.size())) {
                    source.upload(container, item.name(), in, UploadOptions.defaults().withContentType(item.contentType())
                            .withMetadata(item.metadata()).withLength(item.size()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            assertHolds("azure", source, container);

            BlobStore previous = source;
            for (StorageAccount hop : List.of(s3, gcs, local)) {
                hop.blobs().createContainer(container);
                copyAll(previous, hop.blobs(), container);
                assertHolds(hop.providerId(), hop.blobs(), container);
                previous = hop.blobs();
            }
        }
    }

    /** Copies every blob through the neutral API: stream out, stream in, carrying type and metadata. */
    private static void copyAll(BlobStore from, BlobStore to, String container) {
        for (BlobItem item : from.list(container)) {
            BlobProperties p = from.getProperties(container, item.name());
            try (InputStream in = from.openInputStream(container, item.name())) {
                to.upload(container, item.name(), in, UploadOptions.defaults().withContentType(p.contentType())
                        .withMetadata(p.metadata()).withLength(p.size()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Every fixture object is there, with the same bytes, size, content type and metadata, and nothing else. */
    private static void assertHolds(String where, BlobStore store, String container) {
        assertThat(store.list(container).stream().map(BlobItem::name).sorted().toList()).as("names on %s", where)
                .containsExactlyInAnyOrderElementsOf(ITEMS.stream().map(Item::name).toList());
        for (Item item : ITEMS) {
            BlobProperties p = store.getProperties(container, item.name());
            assertThat(p.size()).as("size of %s on %s", item.name(), where).isEqualTo(item.size());
            assertThat(p.contentType()).as("content type of %s on %s", item.name(), where)
                    .isEqualTo(item.contentType());
            assertThat(new TreeMap<>(p.metadata())).as("metadata of %s on %s", item.name(), where)
                    .isEqualTo(new TreeMap<>(item.metadata()));
            assertThat(TestData.sha256(store.openInputStream(container, item.name())))
                    .as("bytes of %s on %s", item.name(), where)
                    .isEqualTo(TestData.sha256(item.seed(), item.size()));
        }
    }
}
