package io.unistore.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unistore.StorageAccount;
import io.unistore.blob.BlobItem;
import io.unistore.blob.BlobStore;
import io.unistore.blob.ListBlobsOptions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** grep over blobs of the local provider: context, limits, continuation, binary content. */
class TextSearchTest {

    private static Iterator<TextSearch.Source> sources(BlobStore blobs, String container) {
        List<TextSearch.Source> all = new ArrayList<>();
        for (BlobItem i : blobs.list(container, ListBlobsOptions.builder().build())) {
            all.add(new TextSearch.Source(i.name(), i.properties().size(), i.properties().contentType(),
                    () -> blobs.openInputStream(container, i.name())));
        }
        return all.iterator();
    }

    private static TextSearch.Options options(String regex, int context, int maxMatches, long maxBytes) {
        return new TextSearch.Options(TextSearch.compile(regex, false, "pattern"), context, context, maxMatches,
                maxBytes, 4096);
    }

    @Test
    void matchesComeWithContextLineNumbersAndBinarySkipped() throws Exception {
        try (StorageAccount account = Backends.local()) {
            BlobStore blobs = account.blobs();
            blobs.createContainer("grep");
            blobs.upload("grep", "a.txt", "one\ntwo ERROR x\nthree\nfour\nERROR five\n".getBytes(StandardCharsets.UTF_8));
            blobs.upload("grep", "b.bin", new byte[] {'E', 'R', 'R', 'O', 'R', 0, 1});
            blobs.upload("grep", "c.txt", "nothing\n".getBytes(StandardCharsets.UTF_8));
            TextSearch.Result r = TextSearch.search(sources(blobs, "grep"), options("ERROR", 1, 100, 1 << 20), null);
            assertThat(r.matches()).extracting(TextSearch.Match::line).containsExactly(2L, 5L);
            assertThat(r.matches().get(0).before()).containsExactly("one");
            assertThat(r.matches().get(0).after()).containsExactly("three");
            assertThat(r.matches().get(1).before()).containsExactly("four");
            assertThat(r.matches().get(1).after()).isEmpty();
            assertThat(r.binarySkipped()).isEqualTo(1);
            assertThat(r.objectsScanned()).isEqualTo(2);
            assertThat(r.continuation()).isNull();
        }
    }

    @Test
    void limitsStopTheSearchAndTheContinuationResumesAfterTheLastLineScanned() throws Exception {
        try (StorageAccount account = Backends.local()) {
            BlobStore blobs = account.blobs();
            blobs.createContainer("grep");
            StringBuilder s = new StringBuilder();
            for (int i = 1; i <= 50; i++) {
                s.append(i % 5 == 0 ? "hit " : "miss ").append(i).append('\n');
            }
            blobs.upload("grep", "a.txt", s.toString().getBytes(StandardCharsets.UTF_8));
            blobs.upload("grep", "b.txt", s.toString().getBytes(StandardCharsets.UTF_8));
            List<String> seen = new ArrayList<>();
            String token = null;
            int calls = 0;
            do {
                TextSearch.Result r = TextSearch.search(sources(blobs, "grep"), options("^hit", 0, 3, 1 << 20),
                        token);
                assertThat(r.matches()).hasSizeLessThanOrEqualTo(3);
                r.matches().forEach(m -> seen.add(m.name() + ":" + m.line()));
                token = r.continuation();
                calls++;
            } while (token != null && calls < 20);
            assertThat(seen).hasSize(20).doesNotHaveDuplicates();
            assertThat(seen.get(0)).isEqualTo("a.txt:5");
            assertThat(seen.get(19)).isEqualTo("b.txt:50");

            TextSearch.Result small = TextSearch.search(sources(blobs, "grep"), options("^hit", 0, 100, 40), null);
            assertThat(small.stoppedBy()).isEqualTo("maxBytes");
            assertThat(small.bytesScanned()).isLessThan(60);
            assertThat(small.continuation()).isNotNull();

            assertThatThrownBy(() -> TextSearch.search(sources(blobs, "grep"), options("x", 0, 1, 1), "%%%"))
                    .hasMessageContaining("continuationToken");
            assertThatThrownBy(() -> TextSearch.compile("(", false, "pattern")).hasMessageContaining("pattern");
        }
    }
}
