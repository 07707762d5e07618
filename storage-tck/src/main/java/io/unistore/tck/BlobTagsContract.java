package io.unistore.tck;

import static io.unistore.tck.ErrorAssertions.assertFails;
import static io.unistore.tck.TestData.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.Capability;
import io.unistore.ErrorCode;
import io.unistore.StorageException;
import io.unistore.blob.BlobProperties;
import io.unistore.blob.TaggedBlob;
import io.unistore.blob.UploadOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Blob index tags, on every account: native where {@link Capability#BLOB_TAGS} is declared (then they leave the
 * metadata and ETag alone), kept in metadata otherwise; found by the service's index where
 * {@link Capability#BLOB_TAG_QUERIES} is declared, by a scan otherwise - with the same answers either way.
 */
abstract class BlobTagsContract extends BlobLifecycleContract {

    @Nested
    class Tags {
        @Test
        void tagsAreSetReadReplacedAndCleared() {
            // no empty value: Azure accepts one, Azurite 3.37 answers 400
            String blob = blobName("tags");
            blobs.upload(box, blob, utf8("tagged"), UploadOptions.defaults().withMetadata(Map.of("keep", "me")));
            BlobProperties before = blobs.getProperties(box, blob);
            Map<String, String> tags = new LinkedHashMap<>();
            tags.put("project", "alpha");
            tags.put("Year", "2024");
            tags.put("a+b-c./:=_ x", "v +-./:=_");
            blobs.setTags(box, blob, tags);
            assertThat(blobs.getTags(box, blob)).isEqualTo(tags).containsOnlyKeys("Year", "a+b-c./:=_ x", "project");
            BlobProperties after = blobs.getProperties(box, blob);
            assertThat(text(box, blob)).isEqualTo("tagged");
            if (declares(Capability.BLOB_TAGS)) {
                assertThat(after.metadata()).as("native tags stay out of metadata").isEqualTo(before.metadata());
                assertThat(after.etag()).as("native tags leave the ETag").isEqualTo(before.etag());
            } else {
                assertThat(after.metadata()).containsEntry("keep", "me");
            }
            blobs.setTags(box, blob, Map.of("only", "one"));
            assertThat(blobs.getTags(box, blob)).isEqualTo(Map.of("only", "one"));
            blobs.setTags(box, blob, Map.of());
            assertThat(blobs.getTags(box, blob)).isEmpty();
            assertThat(blobs.getProperties(box, blob).metadata()).containsEntry("keep", "me");
        }

        @Test
        void badTagsAreRefusedNamingTheFieldAndTheRule() {
            String blob = blobName("badtags");
            put(box, blob, "x");
            blobs.setTags(box, blob, Map.of("k", "v"));
            Map<String, String> eleven = new LinkedHashMap<>();
            for (int i = 0; i < 11; i++) {
                eleven.put("k" + i, "v");
            }
            assertThat(assertFails(ErrorCode.INVALID_ARGUMENT, () -> blobs.setTags(box, blob, eleven)).getMessage())
                    .contains("tags").contains("at most 10");
            assertThat(assertFails(ErrorCode.INVALID_ARGUMENT, () -> blobs.setTags(box, blob, Map.of("a#b", "v")))
                    .getMessage()).contains("tags key 'a#b'").contains("'#'");
            assertThat(assertFails(ErrorCode.INVALID_ARGUMENT, () -> blobs.setTags(box, blob, Map.of("k",
                    "v".repeat(257)))).getMessage()).contains("tags['k']").contains("0-256");
            assertThat(assertFails(ErrorCode.INVALID_ARGUMENT, () -> blobs.setTags(box, blob, Map.of("k".repeat(129),
                    "v"))).getMessage()).contains("tags key").contains("1-128");
            assertThat(blobs.getTags(box, blob)).isEqualTo(Map.of("k", "v"));
            assertFails(ErrorCode.NOT_FOUND, () -> blobs.setTags(box, blobName("absent"), Map.of("k", "v")));
            assertFails(ErrorCode.NOT_FOUND, () -> blobs.getTags(box, blobName("absent")));
        }

        @Test
        void blobsAreFoundByTagsInAContainerAndInTheAccount() {
            String c = newContainer();
            tagged(c, "a", Map.of("team", "red", "rank", "1"));
            tagged(c, "b", Map.of("team", "red", "rank", "5"));
            tagged(c, "c", Map.of("team", "blue", "rank", "9"));
            put(c, "untagged", "x");
            assertThat(found(c, "\"team\" = 'red'")).containsExactlyInAnyOrder("a", "b");
            assertThat(found(c, "\"team\" = 'red' AND \"rank\" >= '3'")).containsExactly("b");
            assertThat(found(c, "\"rank\" < '5' and \"rank\" > '0'")).containsExactly("a");
            assertThat(found(c, "\"team\" = 'green'")).isEmpty();
            List<TaggedBlob> inAccount = StreamSupport.stream(blobs.findBlobsByTags(null,
                    "@container = '" + c + "' AND \"team\" = 'blue'").spliterator(), false).toList();
            assertThat(inAccount).containsExactly(new TaggedBlob(c, "c", Map.of("team", "blue")));
            assertThat(StreamSupport.stream(blobs.findBlobsByTags(null, "\"team\" = 'red' AND \"rank\" = '5'")
                    .spliterator(), false).filter(t -> t.container().equals(c)).toList())
                    .containsExactly(new TaggedBlob(c, "b", Map.of("team", "red", "rank", "5")));
        }

        @Test
        void badExpressionsAreRefusedWithThePosition() {
            for (String bad : List.of("team = 'red'", "\"team\" == 'red'", "\"team\" = 'red' OR \"a\" = 'b'",
                    "\"team\" = 'red", "\"te#m\" = 'red'", "")) {
                StorageException e = assertFails(ErrorCode.INVALID_ARGUMENT, () -> blobs.findBlobsByTags(box, bad)
                        .iterator().hasNext());
                assertThat(e.getMessage()).as(bad).startsWith("expression");
            }
            assertThat(assertFails(ErrorCode.INVALID_ARGUMENT, () -> blobs.findBlobsByTags(box,
                    "@container = 'x'")).getMessage()).contains("whole account");
        }

        @Test
        void tagsGivenAtUploadAreWrittenWithTheContent() {
            String c = newContainer();
            String blob = blobName("uptags");
            blobs.upload(c, blob, utf8("with tags"), UploadOptions.defaults().withMetadata(Map.of("keep", "me"))
                    .withTags(Map.of("stage", "raw", "Owner", "ops")));
            assertThat(blobs.getTags(c, blob)).isEqualTo(Map.of("stage", "raw", "Owner", "ops"));
            assertThat(text(c, blob)).isEqualTo("with tags");
            BlobProperties p = blobs.getProperties(c, blob);
            assertThat(p.metadata()).containsEntry("keep", "me");
            if (declares(Capability.BLOB_TAGS)) {
                assertThat(p.metadata()).as("native tags stay out of metadata").containsOnlyKeys("keep");
            }
            assertThat(found(c, "\"stage\" = 'raw'")).containsExactly(blob);

            String big = blobName("uptags-big");
            blobs.upload(c, big, new java.io.ByteArrayInputStream(new byte[3 * 1024 * 1024]),
                    UploadOptions.defaults().withTags(Map.of("size", "large")).withBlockSize(1024 * 1024)
                            .withLength(3 * 1024 * 1024));
            assertThat(blobs.getTags(c, big)).as("tags of a chunked upload").isEqualTo(Map.of("size", "large"));

            String refused = blobName("uptags-bad");
            assertThat(assertFails(ErrorCode.INVALID_ARGUMENT, () -> blobs.upload(c, refused, utf8("x"),
                    UploadOptions.defaults().withTags(Map.of("a#b", "v")))).getMessage()).contains("tags key 'a#b'");
            assertThat(blobs.exists(c, refused)).as("nothing written").isFalse();
        }

        private void tagged(String container, String blob, Map<String, String> tags) {
            put(container, blob, blob);
            blobs.setTags(container, blob, tags);
        }

        private List<String> found(String container, String expression) {
            return StreamSupport.stream(blobs.findBlobsByTags(container, expression).spliterator(), false)
                    .peek(t -> assertThat(t.container()).isEqualTo(container))
                    .map(TaggedBlob::name).collect(Collectors.toList());
        }
    }
}
