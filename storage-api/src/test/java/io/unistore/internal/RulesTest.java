package io.unistore.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unistore.ErrorCode;
import io.unistore.ListOptions;
import io.unistore.Page;
import io.unistore.PagedIterable;
import io.unistore.RequestConditions;
import io.unistore.StorageAccount;
import io.unistore.StorageException;
import io.unistore.Unistore;
import io.unistore.blob.AccessTier;
import io.unistore.Requires;
import io.unistore.blob.BlobStore;
import io.unistore.blob.CopyOptions;
import io.unistore.blob.DeleteBlobOptions;
import io.unistore.file.CreateShareOptions;
import io.unistore.file.FileStore;
import io.unistore.table.TableStore;
import io.unistore.blob.ReadOptions;
import io.unistore.blob.UploadOptions;
import io.unistore.spi.TestProviders;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The API's rules, in front of every provider: capabilities (operations and option fields), names, limits and
 * error translation, checked against recording test providers that only answer calls.
 */
class RulesTest {
    private StorageAccount alpha;
    private StorageAccount beta;

    @BeforeEach
    void open() {
        TestProviders.CALLS.clear();
        TestProviders.ARGUMENTS.clear();
        TestProviders.behaviour = name -> null;
        alpha = Unistore.open("alpha:x");
        beta = Unistore.open("beta:x");
    }

    @AfterEach
    void close() {
        alpha.close();
        beta.close();
        TestProviders.behaviour = name -> null;
    }

    private static void assertUnsupported(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOf(StorageException.class)
                .satisfies(e -> assertThat(((StorageException) e).code()).isEqualTo(ErrorCode.UNSUPPORTED));
    }

    @Test
    void undeclaredOperationsFailBeforeTheProviderIsCalled() {
        BlobStore blobs = alpha.blobs();
        assertUnsupported(() -> blobs.setTier("ctr", "b", AccessTier.COOL));
        assertUnsupported(() -> blobs.createSnapshot("ctr", "b", null));
        assertUnsupported(() -> blobs.listVersions("ctr", "b", ListOptions.defaults()));
        assertUnsupported(() -> blobs.generatePresignedUrl("ctr", "b", io.unistore.blob.PresignOptions.read(Duration.ofMinutes(1))));
        assertUnsupported(() -> blobs.acquireLease("ctr", "b", null, null));
        assertUnsupported(() -> blobs.setContainerMetadata("ctr", Map.of("a", "b")));
        assertUnsupported(() -> blobs.createContainer("ctr", Map.of("a", "b")));
        assertUnsupported(() -> blobs.upload("ctr", "b", new byte[0], UploadOptions.defaults().withTier(AccessTier.HOT)));
        assertUnsupported(() -> blobs.getProperties("ctr", "b", ReadOptions.defaults().withVersionId("v1")));
        assertUnsupported(() -> blobs.openInputStream("ctr", "b", ReadOptions.defaults().withSnapshot("s1")));
        assertUnsupported(alpha::tables);
        assertThat(TestProviders.CALLS).isEmpty();
    }

    @Test
    void declaredOperationsReachTheProvider() {
        BlobStore blobs = beta.blobs();
        blobs.setTier("ctr", "b", AccessTier.COOL);
        blobs.createSnapshot("ctr", "b", null);
        blobs.createContainer("ctr", Map.of());
        assertThat(TestProviders.CALLS).containsExactly("setTier", "createSnapshot", "createContainer");
        assertUnsupported(() -> blobs.setTier("ctr", "b", AccessTier.ARCHIVE));
        assertThat(TestProviders.CALLS).hasSize(3);
    }

    @Test
    void foreignExceptionsBecomeStorageExceptionsWithoutSecrets() {
        TestProviders.behaviour = name -> {
            throw new IllegalStateException("boom at https://a.blob.core.windows.net/c?sig=TOPSECRET");
        };
        assertThatThrownBy(() -> beta.blobs().exists("ctr", "b")).isInstanceOf(StorageException.class)
                .satisfies(e -> assertThat(((StorageException) e).code()).isEqualTo(ErrorCode.INTERNAL))
                .hasMessageNotContaining("TOPSECRET").hasMessageContaining("boom");
        TestProviders.behaviour = name -> {
            throw new IllegalArgumentException("bad thing");
        };
        assertThatThrownBy(() -> beta.blobs().exists("ctr", "b"))
                .satisfies(e -> assertThat(((StorageException) e).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
        StorageException own = new StorageException(ErrorCode.NOT_FOUND, "gone");
        TestProviders.behaviour = name -> {
            throw own;
        };
        assertThatThrownBy(() -> beta.blobs().exists("ctr", "b")).isSameAs(own);
    }

    @Test
    void lazyPagesAndStreamsAreGuardedToo() {
        TestProviders.behaviour = name -> switch (name) {
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
        assertThatThrownBy(() -> blobs.listContainers(ListOptions.defaults()).stream().toList())
                .isInstanceOf(StorageException.class).hasMessageNotContaining("XYZSECRET");
        InputStream in = blobs.openInputStream("ctr", "b", ReadOptions.defaults());
        assertThatThrownBy(in::read).isInstanceOf(IOException.class)
                .hasCauseInstanceOf(StorageException.class);
        assertThatThrownBy(() -> in.read(new byte[4], 0, 4)).isInstanceOf(IOException.class);
        TestProviders.behaviour = name -> new ByteArrayInputStream(new byte[] {1, 2});
        try (InputStream ok = blobs.openInputStream("ctr", "b", ReadOptions.defaults())) {
            assertThat(ok.readAllBytes()).containsExactly(1, 2);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** A value of every parameter type the stores take; the guard refuses before looking at most of them. */
    private static Object[] defaultArguments(Method method) {
        Object[] args = new Object[method.getParameterCount()];
        Class<?>[] types = method.getParameterTypes();
        for (int i = 0; i < args.length; i++) {
            args[i] = types[i] == int.class ? 0 : types[i] == long.class ? 0L : types[i] == boolean.class ? false : null;
        }
        return args;
    }

    @Test
    void everyOperationMarkedRequiresIsRefusedWithoutItsCapability() throws Exception {
        Map<Object, Class<?>> stores = Map.of(alpha.blobs(), BlobStore.class, alpha.files(), FileStore.class,
                beta.tables(), TableStore.class, beta.queues(), io.unistore.queue.QueueStore.class);
        TestProviders.CALLS.clear(); // making the queue store asked the account's message encoding
        List<String> refused = new ArrayList<>();
        for (Map.Entry<Object, Class<?>> store : stores.entrySet()) {
            for (Method method : store.getValue().getMethods()) {
                Requires requires = method.getAnnotation(Requires.class);
                if (requires == null) {
                    continue;
                }
                StorageAccount account = store.getValue() == TableStore.class
                        || store.getValue() == io.unistore.queue.QueueStore.class ? beta : alpha;
                assertThat(account.capabilities().has(requires.value())).as(method.getName()).isFalse();
                try {
                    method.invoke(store.getKey(), defaultArguments(method));
                    throw new AssertionError(method.getName() + " was not refused");
                } catch (InvocationTargetException e) {
                    assertThat(e.getCause()).as(method.getName()).isInstanceOf(StorageException.class);
                    assertThat(((StorageException) e.getCause()).code()).as(method.getName())
                            .isEqualTo(ErrorCode.UNSUPPORTED);
                    assertThat(e.getCause().getMessage()).contains(requires.value().name());
                }
                refused.add(method.getName());
            }
        }
        assertThat(refused).contains("setTier", "createSnapshot", "listSnapshots", "listVersions", "restoreVersion",
                "generatePresignedUrl", "acquireLease", "renewLease", "releaseLease", "breakLease", "copyFromUrl",
                "setContainerMetadata", "setShareQuota", "submitTransaction", "peekMessages");
        assertThat(TestProviders.CALLS).as("the provider was never called").isEmpty();
    }

    @Test
    void optionsThatNeedACapabilityAreRefused() {
        io.unistore.queue.QueueStore queues = beta.queues();
        TestProviders.CALLS.clear(); // making the queue store asked the account's message encoding
        // beta may hide a received message again but not replace its body.
        assertThatThrownBy(() -> queues.updateMessage("jobs", "m", "r", new byte[] {1}, java.time.Duration.ZERO))
                .hasMessageContaining("QUEUE_MESSAGE_UPDATE");
        assertThatThrownBy(() -> queues.sendMessage("jobs", new byte[] {'x'}, io.unistore.queue.SendMessageOptions
                .defaults().withTimeToLive(java.time.Duration.ofMinutes(5)))).hasMessageContaining("QUEUE_MESSAGE_TTL");
        assertThatThrownBy(() -> queues.sendMessage("jobs", new byte[] {'x'}, io.unistore.queue.SendMessageOptions
                .builder().putAttributes("kind", "a").build())).hasMessageContaining("QUEUE_MESSAGE_ATTRIBUTES");
        assertThatThrownBy(() -> queues.sendMessage("jobs", new byte[] {'x'}, io.unistore.queue.SendMessageOptions
                .builder().groupId("g").build())).hasMessageContaining("QUEUE_FIFO");
        assertThatThrownBy(() -> queues.sendMessage("jobs", new byte[] {'x'}, io.unistore.queue.SendMessageOptions
                .builder().deduplicationId("d").build())).hasMessageContaining("QUEUE_FIFO");
        // A dead-letter queue's name is a queue name only where dead letters are declared.
        assertThatThrownBy(() -> queues.receiveMessages("jobs" + io.unistore.queue.QueueStore.DEAD_LETTER_SUBQUEUE))
                .hasMessageContaining("QUEUE_DEAD_LETTER");
        assertThatThrownBy(() -> io.unistore.queue.DeadLetterPolicy.of(0)).hasMessageContaining("maxDeliveryCount");
        BlobStore blobs = alpha.blobs();
        assertUnsupported(() -> blobs.copy("ctr", "s", "ctr", "t", CopyOptions.defaults().withTier(AccessTier.COOL)));
        assertUnsupported(() -> blobs.copy("ctr", "s", "ctr", "t", CopyOptions.defaults().withSourceVersionId("v")));
        assertUnsupported(() -> blobs.copy("ctr", "s", "ctr", "t", CopyOptions.defaults().withSourceSnapshot("s")));
        assertUnsupported(() -> blobs.delete("ctr", "b", DeleteBlobOptions.defaults().withVersionId("v")));
        assertUnsupported(() -> blobs.delete("ctr", "b", DeleteBlobOptions.defaults().withSnapshot("s")));
        assertUnsupported(() -> alpha.files().createShare("shr", CreateShareOptions.defaults().withQuotaGb(5)));
        assertUnsupported(() -> beta.blobs().copy("ctr", "s", "ctr", "t", CopyOptions.defaults().withTier(AccessTier.ARCHIVE)));
        assertUnsupported(() -> beta.blobs().upload("ctr", "b", new byte[0],
                UploadOptions.defaults().withTier(AccessTier.ARCHIVE)));
        assertThat(TestProviders.CALLS).isEmpty();

        alpha.files().createShare("shr", CreateShareOptions.defaults());
        beta.files().createShare("shr", CreateShareOptions.defaults().withQuotaGb(5));
        beta.blobs().copy("ctr", "s", "ctr", "t", CopyOptions.defaults().withTier(AccessTier.COOL).withSourceSnapshot("s"));
        assertThat(TestProviders.CALLS).containsExactly("createShare", "createShare", "copy");
    }

    @Test
    void ioFailuresAreUnavailableAndErrorsPassUnchanged() {
        TestProviders.behaviour = name -> {
            throw new UncheckedIOException(new IOException("connection reset by https://a.blob.core.windows.net/c/b?sv=1&sig=SECRETSIG"));
        };
        assertThatThrownBy(() -> beta.blobs().exists("ctr", "b"))
                .satisfies(e -> assertThat(((StorageException) e).code()).isEqualTo(ErrorCode.UNAVAILABLE))
                .satisfies(e -> assertThat(((StorageException) e).isRetryable()).isTrue())
                .hasMessageNotContaining("SECRETSIG")
                // The cause held the signature: it is kept as a masked copy that still names its class.
                .satisfies(e -> assertThat(e.getCause().toString()).startsWith(UncheckedIOException.class.getName())
                        .doesNotContain("SECRETSIG"));
        OutOfMemoryError oom = new OutOfMemoryError("test");
        TestProviders.behaviour = name -> {
            throw oom;
        };
        assertThatThrownBy(() -> beta.blobs().exists("ctr", "b")).isSameAs(oom);
    }

    @Test
    void storesAreMadeOnce() {
        assertThat(beta.blobs()).isSameAs(beta.blobs());
    }

    @Test
    void aLeaseIdNeedsLeasesWhereverItIsGiven() {
        BlobStore blobs = beta.blobs();
        RequestConditions leased = RequestConditions.none().withLeaseId("1f6d3c9a-0000-0000-0000-000000000000");
        assertUnsupported(() -> blobs.upload("ctr", "b", new byte[0], UploadOptions.defaults().withConditions(leased)));
        assertUnsupported(() -> blobs.setMetadata("ctr", "b", Map.of(), leased));
        assertUnsupported(() -> blobs.delete("ctr", "b", DeleteBlobOptions.defaults().withConditions(leased)));
        assertUnsupported(() -> blobs.getProperties("ctr", "b", ReadOptions.defaults().withConditions(leased)));
        assertUnsupported(() -> blobs.copy("ctr", "s", "ctr", "t", CopyOptions.defaults().withTargetConditions(leased)));
        assertThat(TestProviders.CALLS).isEmpty();
    }

    @Test
    void badNamesNeverReachTheProvider() {
        BlobStore blobs = beta.blobs();
        assertThatThrownBy(() -> blobs.exists("Bad_Container", "b")).isInstanceOf(StorageException.class)
                .hasMessageContaining("container");
        assertThatThrownBy(() -> blobs.exists("ctr", "../etc/passwd")).hasMessageContaining("blob");
        assertThatThrownBy(() -> blobs.upload("ctr", "b", new byte[0], UploadOptions.defaults()
                .withMetadata(Map.of("1bad", "v")))).hasMessageContaining("metadata");
        assertThatThrownBy(() -> beta.tables().getEntity("people", "p#", "r")).hasMessageContaining("PartitionKey");
        assertThatThrownBy(() -> beta.files().exists("share", "a//b")).hasMessageContaining("path");
        // Found by the full fuzz run: Azure's HTTP client refused an If-Match of " /" with a stack trace.
        assertThatThrownBy(() -> beta.tables().deleteEntity("people", "p", "r", " /"))
                .hasMessageStartingWith("ifMatch:");
        assertThatThrownBy(() -> beta.tables().updateEntity("people", io.unistore.table.TableEntity.of("p", "r"),
                io.unistore.table.UpdateMode.MERGE, "etag\r\nX: 1")).hasMessageStartingWith("ifMatch:");
        // Also found by the full fuzz run: a megabyte pop receipt went into Azure's request URL and Azurite dropped the
        // connection (a stack trace in the log). Ids the service gave are bounded before any request.
        String huge = "Age eq 1 and ".repeat(50_000);
        assertThatThrownBy(() -> beta.queues().deleteMessage("jobs", "m1", huge))
                .hasMessageStartingWith("popReceipt:").hasMessageContaining("at most 1024");
        assertThatThrownBy(() -> beta.queues().updateMessage("jobs", huge, "r", null, java.time.Duration.ZERO))
                .hasMessageStartingWith("messageId:");
        assertThatThrownBy(() -> beta.queues().deleteMessage("jobs", "m\uDC00", "r")).hasMessageStartingWith(
                "messageId:");
        // Only the account's message encoding was asked, when the queue store was made.
        assertThat(TestProviders.CALLS).containsExactly("messageEncoding");
    }

    @Test
    void pageSizesAreClampedToTheDeclaredLimit() {
        TestProviders.behaviour = name -> PagedIterable.of((token, size) -> Page.last(List.of()), null, 1);
        beta.blobs().listContainers(ListOptions.defaults().withPageSize(50_000));
        ListOptions asked = (ListOptions) TestProviders.ARGUMENTS.get(0)[0];
        assertThat(asked.pageSize()).isEqualTo(beta.capabilities().limits().maxPageSize());
    }
}
