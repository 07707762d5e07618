package io.unistore.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unistore.ErrorCode;
import io.unistore.StorageAccount;
import io.unistore.StorageException;
import io.unistore.Unistore;
import io.unistore.blob.AccessTier;
import io.unistore.spi.skeleton.MemoProvider;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The README's provider skeleton compiles against the SPI alone and works through the API: the API brings the
 * rules (names, capabilities) the skeleton does not write.
 */
class ProviderSkeletonTest {

    @Test
    void theSkeletonServesBlobsThroughTheApi() {
        try (StorageAccount account = Unistore.builder().address("memo:demo").provider("memo").open()) {
            account.blobs().createContainer("docs");
            account.blobs().upload("docs", "hello.txt", "hello".getBytes(StandardCharsets.UTF_8));
            assertThat(account.blobs().downloadBytes("docs", "hello.txt")).asString().isEqualTo("hello");
            assertThat(account.blobs().list("docs").stream().map(i -> i.name())).containsExactly("hello.txt");
        }
    }

    @Test
    void theApiAppliesTheRulesTheSkeletonLeavesOut() {
        try (StorageAccount account = Unistore.builder().address("memo:demo").provider("memo").open()) {
            assertThatThrownBy(() -> account.blobs().createContainer("Not Valid"))
                    .isInstanceOf(StorageException.class).hasMessageStartingWith("container:");
            assertThatThrownBy(() -> account.blobs().setTier("docs", "x", AccessTier.COOL))
                    .satisfies(e -> assertThat(((StorageException) e).code()).isEqualTo(ErrorCode.UNSUPPORTED));
            assertThatThrownBy(account::tables)
                    .satisfies(e -> assertThat(((StorageException) e).code()).isEqualTo(ErrorCode.UNSUPPORTED));
        }
    }
}
