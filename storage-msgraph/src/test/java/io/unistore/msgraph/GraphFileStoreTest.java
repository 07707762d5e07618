package io.unistore.msgraph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unistore.ErrorCode;
import io.unistore.StorageAccount;
import io.unistore.StorageException;
import io.unistore.Unistore;
import io.unistore.file.FileStore;
import io.unistore.file.FileUploadOptions;
import io.unistore.testsupport.msgraph.GraphStandIn;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What the contract does not show of the Graph provider, on the stand-in: upload sessions in several ranges
 * (small chunks), a failed session leaving the file as it was, the requests it sends, a site address, discovery
 * and a wrong token.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GraphFileStoreTest {
    private static final int CHUNK = 320 * 1024;
    private StorageAccount account;
    private FileStore files;
    private GraphStandIn standIn;
    private final String share = "gft-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    void open() {
        standIn = GraphStandInAccounts.standIn();
        account = GraphStandInAccounts.open(Map.of("uploadChunkSize", String.valueOf(CHUNK),
                "simpleUploadMax", "65536"));
        files = account.files();
        files.createShare(share);
    }

    @AfterAll
    void close() {
        files.deleteShare(share);
        account.close();
    }

    private static byte[] bytes(int seed, int size) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    private List<String> requestsSince(int from) {
        List<String> all = standIn.requests();
        return all.subList(from, all.size());
    }

    @Test
    void aLargeUploadGoesThroughASessionInChunkSizedRanges() {
        byte[] content = bytes(1, 3 * CHUNK + 17);
        int before = standIn.requests().size();
        List<Long> progress = new java.util.ArrayList<>();
        files.upload(share, "large.bin", content, FileUploadOptions.defaults().withMetadata(Map.of("kind", "big"))
                .withProgress((done, total) -> progress.add(done)));
        assertThat(progress).containsExactly((long) CHUNK, 2L * CHUNK, 3L * CHUNK, (long) content.length);
        List<String> sent = requestsSince(before);
        assertThat(sent).filteredOn(r -> r.contains("/createUploadSession")).hasSize(1);
        assertThat(sent).filteredOn(r -> r.startsWith("PUT /_upload/")).hasSize(4);
        assertThat(sent).noneMatch(r -> r.startsWith("PATCH")).as("metadata went with the session");
        assertThat(files.downloadBytes(share, "large.bin")).isEqualTo(content);
        assertThat(files.getProperties(share, "large.bin").metadata()).isEqualTo(Map.of("kind", "big"));
    }

    @Test
    void aSmallUploadIsOnePutByParentIdNeverCreatingParents() {
        int before = standIn.requests().size();
        files.upload(share, "small.txt", "hello".getBytes());
        assertThat(requestsSince(before)).filteredOn(r -> r.startsWith("PUT ")).singleElement().asString()
                .contains("/items/").endsWith("small.txt:/content?@microsoft.graph.conflictBehavior=replace");
        assertThatThrownBy(() -> files.upload(share, "no-dir/small.txt", "x".getBytes()))
                .isInstanceOf(StorageException.class).extracting(e -> ((StorageException) e).code())
                .isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(files.exists(share, "no-dir")).isFalse();
    }

    @Test
    void aFailedSessionIsCancelledAndLeavesTheOldContent() {
        files.upload(share, "keep.bin", "old".getBytes());
        byte[] head = bytes(2, 2 * CHUNK);
        InputStream failing = new InputStream() {
            private final InputStream in = new ByteArrayInputStream(head);

            @Override
            public int read() throws IOException {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("source failed");
                }
                return b;
            }
        };
        int before = standIn.requests().size();
        assertThatThrownBy(() -> files.upload(share, "keep.bin", failing,
                FileUploadOptions.defaults().withLength(4L * CHUNK))).isInstanceOf(StorageException.class);
        assertThat(requestsSince(before)).anyMatch(r -> r.startsWith("DELETE /_upload/"));
        assertThat(files.downloadBytes(share, "keep.bin")).isEqualTo("old".getBytes());
    }

    @Test
    void aSiteAddressUsesTheSitesDocumentLibrary() {
        try (StorageAccount site = Unistore.open("msgraph://site/contoso.sharepoint.com,a,b",
                GraphStandInAccounts.options(Map.of()))) {
            assertThat(site.files().shareExists(share)).isTrue();
            assertThat(site.displayName()).isEqualTo("msgraph://site/contoso.sharepoint.com,a,b");
        }
        assertThat(Unistore.installedProviders()).contains("msgraph");
    }

    @Test
    void aWrongTokenIsUnauthenticatedWithoutShowingIt() {
        try (StorageAccount wrong = Unistore.open(GraphStandInAccounts.address(),
                GraphStandInAccounts.options(Map.of("accessToken", "WRONG-TOKEN-123")))) {
            assertThatThrownBy(() -> wrong.files().shareExists(share)).isInstanceOf(StorageException.class)
                    .satisfies(e -> {
                        assertThat(((StorageException) e).code()).isEqualTo(ErrorCode.UNAUTHENTICATED);
                        assertThat(e.toString()).doesNotContain("WRONG-TOKEN-123");
                    });
        }
    }
}
