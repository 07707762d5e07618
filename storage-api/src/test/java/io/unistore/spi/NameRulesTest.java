package io.unistore.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unistore.StorageException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NameRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"abc", "a-b-c", "0abc", "my-container-1", "abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghij123"})
    void goodContainerNames(String name) {
        assertThat(NameRules.container(name)).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "ABC", "a--b", "-ab", "ab-", "a_b", "a.b", "a b", "ü12"})
    void badContainerNames(String name) {
        assertThatThrownBy(() -> NameRules.container(name)).isInstanceOf(StorageException.class)
                .hasMessageStartingWith("container:");
        assertThatThrownBy(() -> NameRules.container("x".repeat(64))).isInstanceOf(StorageException.class);
    }

    @Test
    void tableNames() {
        assertThat(NameRules.table("People2026")).isEqualTo("People2026");
        for (String bad : new String[] {"ab", "1abc", "a-b", "tables", "Tables", "x".repeat(64)}) {
            assertThatThrownBy(() -> NameRules.table(bad)).hasMessageStartingWith("table:");
        }
    }

    @Test
    void blobNames() {
        assertThat(NameRules.blob("a b/ü/😀.txt")).isNotNull();
        assertThat(NameRules.blob("x".repeat(1024))).hasSize(1024);
        for (String bad : new String[] {"", "/abs", "../x", "a/../b", "a/./b", "a\u0000b", "a\nb", "x".repeat(1025)}) {
            assertThatThrownBy(() -> NameRules.blob(bad)).isInstanceOf(StorageException.class)
                    .hasMessageStartingWith("blob:");
        }
    }

    @Test
    void filePaths() {
        assertThat(NameRules.filePath("")).isEmpty();
        assertThat(NameRules.filePath("a/b/")).isEqualTo("a/b");
        assertThat(NameRules.filePath("dir/ünï 😀.txt")).isEqualTo("dir/ünï 😀.txt");
        for (String bad : new String[] {"/abs", "a//b", "../x", "a/./b", "a:b", "a*b", "a?b", "a\"b", "a<b", "a>b",
                "a|b", "a\\b", "a\u0000b", "dot.", "space ", "x".repeat(256)}) {
            assertThatThrownBy(() -> NameRules.filePath(bad)).isInstanceOf(StorageException.class)
                    .hasMessageStartingWith("path:");
        }
    }

    @Test
    void entityKeys() {
        assertThat(NameRules.key("partitionKey", "ünï 😀")).isNotNull();
        for (String bad : new String[] {"a/b", "a\\b", "a#b", "a?b", "a\tb", "x".repeat(1025)}) {
            assertThatThrownBy(() -> NameRules.key("rowKey", bad)).hasMessageStartingWith("rowKey:");
        }
        // Found by the MCP fuzzer: Azure's SDK refused " Cz- 1 AB/" with an IllegalArgumentException (INTERNAL).
        for (String spaced : new String[] {" lead", "trail ", " "}) {
            assertThatThrownBy(() -> io.unistore.MetadataRules.PORTABLE.check(Map.of("Name", spaced)))
                    .hasMessageStartingWith("metadata.Name:").hasMessageContaining("leading or trailing space");
        }
        assertThat(io.unistore.MetadataRules.PORTABLE.check(Map.of("k", "", "n", "ada lovelace"))).hasSize(2);
    }

    @Test
    void prefixesLongerThanAnyNameAndOverlongTokensAreRefused() {
        // Found by the MCP fuzzer: a megabyte prefix or token went into Azure's request URL, and Azurite dropped
        // the connection (UNAVAILABLE, and the HTTP client's stack trace in the log).
        assertThat(io.unistore.ListOptions.prefix("p".repeat(1024)).prefix()).hasSize(1024);
        assertThatThrownBy(() -> io.unistore.ListOptions.prefix("p".repeat(1025)))
                .hasMessageStartingWith("prefix:").hasMessageContaining("at most 1024");
        assertThatThrownBy(() -> io.unistore.blob.ListBlobsOptions.defaults().withDelimiter("/".repeat(1 << 20)))
                .hasMessageStartingWith("delimiter:");
        assertThat(io.unistore.file.ListFilesOptions.defaults().withPrefix("d".repeat(2048)).prefix()).hasSize(2048);
        assertThatThrownBy(() -> io.unistore.file.ListFilesOptions.defaults().withPrefix("d".repeat(2049)))
                .hasMessageStartingWith("prefix:");
        String longest = ContinuationTokens.encode("\uD83D\uDE00".repeat(2048) + "\u0000" + "x".repeat(1024));
        assertThat(ContinuationTokens.decode(longest)).startsWith("\uD83D\uDE00");
        assertThatThrownBy(() -> ContinuationTokens.decode("a".repeat(1 << 20)))
                .hasMessageStartingWith("continuationToken:").hasMessageContaining("at most 32768");
    }

    @Test
    void etagsAndSelectedNamesAreCheckedBeforeTheyReachAHeaderOrAUrl() {
        // Found by the MCP fuzzer: Azure's HTTP client refused an If-Match of " 0 _y1zx9", and Azurite dropped
        // the connection of a query selecting a megabyte name, each with a stack trace in the server's log.
        assertThat(io.unistore.RequestConditions.ifMatch("W/\"datetime'2024-01-01T00%3A00%3A00Z'\"").ifMatch())
                .startsWith("W/");
        for (String bad : new String[] {" 0 _y1zx9", "etag ", "", "\"0x1\"\r\nX-Injected: 1", "caf\u00e9"}) {
            assertThatThrownBy(() -> io.unistore.RequestConditions.ifMatch(bad)).hasMessageStartingWith("ifMatch:");
            assertThatThrownBy(() -> io.unistore.table.TableAction.delete("p", "r", bad))
                    .hasMessageStartingWith("ifMatch:");
        }
        assertThatThrownBy(() -> io.unistore.RequestConditions.none().withLeaseId("x".repeat(1025)))
                .hasMessageStartingWith("leaseId:");
        assertThat(io.unistore.table.TableQuery.all().withSelect(java.util.List.of("Age", "PartitionKey")).select())
                .hasSize(2);
        assertThatThrownBy(() -> io.unistore.table.TableQuery.all().withSelect(java.util.List.of("\u20ac".repeat(
                1 << 20)))).isInstanceOf(StorageException.class).hasMessageStartingWith("select:").hasMessageContaining("identifier");
    }

    @Test
    void unpairedSurrogatesAreRefusedInNamesKeysPathsAndPrefixes() {
        // Found by the MCP fuzzer: the Azure SDK failed encoding such a prefix into a URL (INTERNAL).
        assertThat(NameRules.blob("emoji-\uD83D\uDE00")).endsWith("\uDE00");
        for (String bad : new String[] {"x\uDBFFy", "\uDC00", "end\uD800"}) {
            assertThatThrownBy(() -> NameRules.blob(bad)).hasMessageStartingWith("blob:").hasMessageContaining(
                    "unpaired surrogate");
            assertThatThrownBy(() -> NameRules.key("rowKey", bad)).hasMessageStartingWith("rowKey:");
            assertThatThrownBy(() -> NameRules.filePath("dir/" + bad)).hasMessageStartingWith("path:");
            assertThatThrownBy(() -> io.unistore.ListOptions.prefix(bad)).hasMessageStartingWith("prefix:");
            assertThatThrownBy(() -> io.unistore.blob.ListBlobsOptions.prefix(bad)).hasMessageStartingWith("prefix:");
            assertThatThrownBy(() -> io.unistore.file.ListFilesOptions.defaults().withPrefix(bad))
                    .hasMessageStartingWith("prefix:");
        }
    }
}
