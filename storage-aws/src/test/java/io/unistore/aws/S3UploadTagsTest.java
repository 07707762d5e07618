package io.unistore.aws;

import static io.unistore.tck.ErrorAssertions.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.ErrorCode;
import io.unistore.blob.UploadOptions;
import io.unistore.tck.TestData;
import java.io.ByteArrayInputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Tags at upload with native tagging, request by request: S3Proxy refuses {@code x-amz-tagging} (501), so the
 * header the SDK sends on PutObject and CreateMultipartUpload is checked here, and what S3 keeps by the blob kit
 * on real S3 ({@code S3BlobStoreTckLiveTest}); an upload without tags sends no header at all.
 */
class S3UploadTagsTest {
    @Test
    void theTagsGoInTheWriteRequestsHeaderAndOnlyWhenGiven() {
        try (RecordingStore store = new RecordingStore(Map.of("tags", "true", "partSize", "5242880"))) {
            String bucket = TestData.uniqueName("uptags");
            store.blobs.createContainer(bucket);
            store.blobs.upload(bucket, "plain", new byte[3]);
            assertThat(store.last("PUT").firstMatchingHeader("x-amz-tagging")).isEmpty();

            UploadOptions tagged = UploadOptions.defaults().withTags(Map.of("stage", "raw data", "k+1", "a/b"));
            assertFails(ErrorCode.UNSUPPORTED, () -> store.blobs.upload(bucket, "small", new byte[3], tagged));
            assertThat(store.last("PUT").firstMatchingHeader("x-amz-tagging")).hasValueSatisfying(h ->
                    assertThat(h).contains("stage=raw+data").contains("k%2B1=a%2Fb"));

            assertFails(ErrorCode.UNSUPPORTED, () -> store.blobs.upload(bucket, "big",
                    new ByteArrayInputStream(new byte[6 * 1024 * 1024]), tagged.withLength(6 * 1024 * 1024)));
            assertThat(store.last("POST").rawQueryParameters()).containsKey("uploads");
            assertThat(store.last("POST").firstMatchingHeader("x-amz-tagging")).isPresent();
            store.blobs.deleteContainer(bucket);
        }
    }
}
