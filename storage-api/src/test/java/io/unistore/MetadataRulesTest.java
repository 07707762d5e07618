package io.unistore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unistore.MetadataRules.KeyCase;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The declared rules: pure checks, no back end. */
class MetadataRulesTest {
    private static final MetadataRules HEADER_LIKE = new MetadataRules(NameRule.of("an HTTP token",
            "[!#$%&'*+.^_`|~0-9A-Za-z-]+", Integer.MAX_VALUE), KeyCase.LOWERCASED, NameRule.PRINTABLE_ASCII, 2048);

    private static StorageException failure(Runnable r) {
        try {
            r.run();
        } catch (StorageException e) {
            return e;
        }
        throw new AssertionError("no failure");
    }

    @Test
    void portableRulesAreIdentifiersAsciiAndTwoKib() {
        MetadataRules p = MetadataRules.PORTABLE;
        assertThat(p.check(Map.of("owner", "ada lovelace", "_x9", ""))).hasSize(2);
        assertThat(p.check(null)).isEmpty();
        assertThat(failure(() -> p.check(Map.of("has-dash", "v"))).getMessage())
                .startsWith("metadata key:").contains("'has-dash'").contains("identifier");
        assertThat(failure(() -> p.check(Map.of("k", "ünï"))).getMessage()).startsWith("metadata.k:")
                .contains("printable ASCII");
        assertThat(failure(() -> p.check(Map.of("k", "x".repeat(2048)))).getMessage()).contains("2048 bytes");
        assertThat(failure(() -> p.check(Map.of("Key", "1", "key", "2"))).getMessage()).contains("differ only in case");
        Map<String, String> nullValue = new LinkedHashMap<>();
        nullValue.put("k", null);
        assertThat(failure(() -> p.check(nullValue)).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(failure(() -> p.check(Map.of("", "v"))).getMessage()).contains("empty");
    }

    @Test
    void sizeCountsUtf8BytesOfKeysAndValues() {
        MetadataRules text = new MetadataRules(NameRule.TEXT, KeyCase.KEPT, NameRule.TEXT, 10);
        assertThat(text.allows(Map.of("é", "éééé"))).as("10 bytes").isTrue();
        assertThat(text.allows(Map.of("é", "ééééx"))).as("11 bytes").isFalse();
        assertThat(text.allows(Map.of("A", "1", "a", "2"))).as("kept apart").isTrue();
        assertThat(text.allows(Map.of("k", "new\nline"))).isFalse();
        assertThat(text.allows(Map.of("k", "lone \uD800 surrogate"))).isFalse();
        assertThat(text.allows(Map.of("k", "pair 😀"))).isTrue();
    }

    @Test
    void lowercasedKeysAreStoredAndReadInLowercase() {
        assertThat(HEADER_LIKE.check(Map.of("x-hyphen-key", "v", "dotted.key", "w"))).hasSize(2);
        assertThat(HEADER_LIKE.stored(Map.of("Author", "ada"))).isEqualTo(Map.of("author", "ada"));
        assertThat(HEADER_LIKE.allows(Map.of("Author", "1", "author", "2"))).isFalse();
        assertThat(HEADER_LIKE.allows(Map.of("has space", "v"))).isFalse();
        assertThat(MetadataRules.PORTABLE.stored(Map.of("Author", "ada"))).isEqualTo(Map.of("Author", "ada"));
    }

    @Test
    void csharpIdentifiersTakeLettersOfEveryScript() {
        NameRule r = NameRule.csharpIdentifier(255);
        for (String good : new String[] {"Größe", "名前", "_x", "Ünïcode_x2", "o\u0308k", "Ⅻ"}) {
            assertThat(r.check("property", good)).isEqualTo(good);
        }
        for (String bad : new String[] {"9lives", "has-dash", "has space", "", "a".repeat(256), "tab\tx"}) {
            assertThatThrownBy(() -> r.check("property", bad)).isInstanceOf(StorageException.class)
                    .hasMessageStartingWith("property:").hasMessageContaining("C# identifier");
        }
        assertThat(r.allows(null)).isFalse();
        assertThat(r).isEqualTo(NameRule.csharpIdentifier(255)).hasSameHashCodeAs(NameRule.csharpIdentifier(255));
    }
}
