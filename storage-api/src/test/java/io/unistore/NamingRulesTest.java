package io.unistore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NamingRulesTest {
    private static final NamingRules RULES = NamingRules.portable();


    @ParameterizedTest
    @ValueSource(strings = {"abc", "a-b-c", "0abc", "my-container-1", "abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghij123"})
    void goodContainerNames(String name) {
        assertThat(RULES.container(name)).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "ABC", "a--b", "-ab", "ab-", "a_b", "a.b", "a b", "ü12"})
    void badContainerNames(String name) {
        assertThatThrownBy(() -> RULES.container(name)).isInstanceOf(StorageException.class)
                .hasMessageStartingWith("container:");
        assertThatThrownBy(() -> RULES.container("x".repeat(64))).isInstanceOf(StorageException.class);
    }

    @Test
    void tableNames() {
        assertThat(RULES.table("People2026")).isEqualTo("People2026");
        for (String bad : new String[] {"ab", "1abc", "a-b", "tables", "Tables", "x".repeat(64)}) {
            assertThatThrownBy(() -> RULES.table(bad)).hasMessageStartingWith("table:");
        }
    }

    @Test
    void blobNames() {
        assertThat(RULES.blob("a b/ü/😀.txt")).isNotNull();
        assertThat(RULES.blob("x".repeat(1024))).hasSize(1024);
        for (String bad : new String[] {"", "/abs", "../x", "a/../b", "a/./b", "a\u0000b", "a\nb", "x".repeat(1025)}) {
            assertThatThrownBy(() -> RULES.blob(bad)).isInstanceOf(StorageException.class)
                    .hasMessageStartingWith("blob:");
        }
    }

    @Test
    void filePaths() {
        assertThat(RULES.filePath("")).isEmpty();
        assertThat(RULES.filePath("a/b/")).isEqualTo("a/b");
        assertThat(RULES.filePath("dir/ünï 😀.txt")).isEqualTo("dir/ünï 😀.txt");
        for (String bad : new String[] {"/abs", "a//b", "../x", "a/./b", "a:b", "a*b", "a?b", "a\"b", "a<b", "a>b",
                "a|b", "a\\b", "a\u0000b", "dot.", "space ", "x".repeat(256)}) {
            assertThatThrownBy(() -> RULES.filePath(bad)).isInstanceOf(StorageException.class)
                    .hasMessageStartingWith("path:");
        }
    }

    @Test
    void keysPropertiesAndMetadata() {
        assertThat(RULES.key("partitionKey", "ünï 😀")).isNotNull();
        for (String bad : new String[] {"a/b", "a\\b", "a#b", "a?b", "a\tb", "x".repeat(1025)}) {
            assertThatThrownBy(() -> RULES.key("rowKey", bad)).hasMessageStartingWith("rowKey:");
        }
        assertThat(RULES.propertyName("_Good9")).isEqualTo("_Good9");
        assertThatThrownBy(() -> RULES.propertyName("9bad")).isInstanceOf(StorageException.class);
        assertThat(RULES.metadata(Map.of("owner", "ada lovelace"))).hasSize(1);
        assertThatThrownBy(() -> RULES.metadata(Map.of("has-dash", "v"))).hasMessageStartingWith("metadata key:");
        assertThatThrownBy(() -> RULES.metadata(Map.of("k", "ünï"))).hasMessageStartingWith("metadata.k:");
        // Portable: S3's 2 KiB in all, the smallest of the clouds.
        assertThatThrownBy(() -> RULES.metadata(Map.of("k", "x".repeat(2100)))).hasMessageContaining("at most 2048");
    }
}
