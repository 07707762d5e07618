package io.unistore.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unistore.ErrorCode;
import io.unistore.ListOptions;
import io.unistore.Page;
import io.unistore.PagedIterable;
import io.unistore.StorageAccount;
import io.unistore.StorageException;
import io.unistore.Unistore;
import io.unistore.blob.AccessTier;
import io.unistore.blob.BlobStore;
import io.unistore.blob.ReadOptions;
import io.unistore.blob.UploadOptions;
import io.unistore.spi.TestProviders;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CapabilityGuardTest {
    private StorageAccount alpha;
    private StorageAccount beta;

    @BeforeEach
    void open() {
        TestProviders.CALLS.clear();
        TestProviders.blobBehaviour = name -> null;
        alpha = Unistore.open("alpha:x");
        beta = Unistore.open("beta:x");
    }

    @AfterEach
    void close() {
        alpha.close();
        beta.close();
        TestProviders.blobBehaviour = name -> null;
    }

    private static void assertUnsupported(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOf(StorageException.class)
                .satisfies(e -> assertThat(((StorageException) e).code()).isEqualTo(ErrorCode.UNSUPPORTED));
    }

    @Test
    void undeclaredOperationsFailBeforeTheProviderIsCalled() {
        BlobStore blobs = alpha.blobs();
        assertUnsupported(() -> blobs.setTier("c", "b", AccessTier.COOL));
        assertUnsupported(() -> blobs.createSnapshot("c", "b", null));
        assertUnsupported(() -> blobs.listVersions("c", "b", ListOptions.all()));
        assertUnsupported(() -> blobs.generatePresignedUrl("c", "b", io.unistore.blob.PresignOptions.read(Duration.ofMinutes(1))));
        assertUnsupported(() -> blobs.acquireLease("c", "b", null, null));
        assertUnsupported(() -> blobs.setContainerMetadata("c", Map.of("a", "b")));
        assertUnsupported(() -> blobs.createContainer("c", Map.of("a", "b")));
        assertUnsupported(() -> blobs.upload("c", "b", new byte[0], UploadOptions.DEFAULT.withTier(AccessTier.HOT)));
        assertUnsupported(() -> blobs.getProperties("c", "b", ReadOptions.DEFAULT.withVersionId("v1")));
        assertUnsupported(() -> blobs.openInputStream("c", "b", ReadOptions.DEFAULT.withSnapshot("s1")));
        assertUnsupported(alpha::tables);
        assertThat(TestProviders.CALLS).isEmpty();
    }

    @Test
    void declaredOperationsReachTheProvider() {
        BlobStore blobs = beta.blobs();
        blobs.setTier("c", "b", AccessTier.COOL);
        blobs.createSnapshot("c", "b", null);
        blobs.createContainer("c", Map.of());
        assertThat(TestProviders.CALLS).containsExactly("setTier", "createSnapshot", "createContainer");
        assertUnsupported(() -> blobs.setTier("c", "b", AccessTier.ARCHIVE));
        assertThat(TestProviders.CALLS).hasSize(3);
    }

    @Test
    void foreignExceptionsBecomeStorageExceptionsWithoutSecrets() {
        TestProviders.blobBehaviour = name -> {
            throw new IllegalStateException("boom at https://a.blob.core.windows.net/c?sig=TOPSECRET");
        };
        assertThatThrownBy(() -> beta.blobs().exists("c", "b")).isInstanceOf(StorageException.class)
                .satisfies(e -> assertThat(((StorageException) e).code()).isEqualTo(ErrorCode.INTERNAL))
                .hasMessageNotContaining("TOPSECRET").hasMessageContaining("boom");
        TestProviders.blobBehaviour = name -> {
            throw new IllegalArgumentException("bad thing");
        };
        assertThatThrownBy(() -> beta.blobs().exists("c", "b"))
                .satisfies(e -> assertThat(((StorageException) e).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
        StorageException own = new StorageException(ErrorCode.NOT_FOUND, "gone");
        TestProviders.blobBehaviour = name -> {
            throw own;
        };
        assertThatThrownBy(() -> beta.blobs().exists("c", "b")).isSameAs(own);
    }

    @Test
    void lazyPagesAndStreamsAreGuardedToo() {
        TestProviders.blobBehaviour = name -> switch (name) {
            case "listContainers" -> PagedIterable.of((token, size) -> {
                if (token == null) {
                    return new Page<>(List.of(), "next");
                }
                throw new IllegalStateException("page failure key=AccountKey=XYZSECRET");
            }, null, 10);
            case "openInputStream" -> new InputStream() {
                @Override
                public int read() {
                    throw new IllegalStateException("stream failure");
                }
            };
            default -> null;
        };
        BlobStore blobs = beta.blobs();
        assertThatThrownBy(() -> blobs.listContainers(ListOptions.all()).stream().toList())
                .isInstanceOf(StorageException.class).hasMessageNotContaining("XYZSECRET");
        InputStream in = blobs.openInputStream("c", "b", ReadOptions.DEFAULT);
        assertThatThrownBy(in::read).isInstanceOf(IOException.class)
                .hasCauseInstanceOf(StorageException.class);
        assertThatThrownBy(() -> in.read(new byte[4], 0, 4)).isInstanceOf(IOException.class);
        TestProviders.blobBehaviour = name -> new ByteArrayInputStream(new byte[] {1, 2});
        try (InputStream ok = blobs.openInputStream("c", "b", ReadOptions.DEFAULT)) {
            assertThat(ok.readAllBytes()).containsExactly(1, 2);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void storesAreWrappedOnce() {
        assertThat(beta.blobs()).isSameAs(beta.blobs());
        assertThat(GuardedAccount.wrap(beta)).isSameAs(beta);
    }
}
