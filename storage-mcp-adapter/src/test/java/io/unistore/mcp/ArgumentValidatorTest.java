package io.unistore.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unistore.ErrorCode;
import io.unistore.StorageException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Arguments the schema validator cannot even compare are refused by name, not failed on (found by ToolFuzzIT). */
class ArgumentValidatorTest {
    private static final Map<String, Object> SCHEMA = Map.of("type", "object", "properties", Map.of(
            "pageSize", Map.of("type", "integer", "minimum", 1, "maximum", 1000),
            "entities", Map.of("type", "array", "items", Map.of("type", "object", "properties", Map.of(
                    "n", Map.of("type", "integer", "minimum", 0))))));

    @Test
    void doublesBeyondSixtyFourBitsAreInvalidArguments() {
        // JSON 1e308 reaches the server as this double, a whole number the validator threw on comparing as a long.
        for (double huge : List.of(1e308, -1e308, 9.3e18)) {
            assertThatThrownBy(() -> new ArgumentValidator().validate("list-blobs", SCHEMA, Map.of("pageSize", huge)))
                    .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.code())
                            .isEqualTo(ErrorCode.INVALID_ARGUMENT))
                    .hasMessageContaining("pageSize: " + huge + " is beyond every allowed range");
        }
        // 1e400 reads as infinity: not a number of any JSON type, refused by the type check already.
        for (double infinite : List.of(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY)) {
            assertThatThrownBy(() -> new ArgumentValidator().validate("list-blobs", SCHEMA, Map.of("pageSize",
                    infinite))).isInstanceOf(StorageException.class).hasMessageContaining("pageSize");
        }
        assertThatThrownBy(() -> new ArgumentValidator().validate("t", SCHEMA, Map.of("entities",
                List.of(Map.of("n", 1), Map.of("n", 1e300))))).isInstanceOf(StorageException.class)
                .hasMessageContaining("entities[1].n");
    }

    @Test
    void unpairedSurrogatesAreRefusedWhereverTheyAre() {
        // Found by the MCP fuzzer: the Azure SDK failed percent-encoding such a messageId (INTERNAL).
        Map<String, Object> schema = Map.of("type", "object");
        assertThatThrownBy(() -> new ArgumentValidator().validate("delete-queue-message", schema, Map.of(
                "messageId", "\uDC00\uD800"))).isInstanceOf(StorageException.class)
                .hasMessageContaining("messageId: must be valid Unicode (unpaired surrogate U+DC00 at 0)");
        assertThatThrownBy(() -> new ArgumentValidator().validate("t", schema, Map.of("entities", List.of(Map.of(
                "properties", Map.of("Name", "x\uD800")))))).hasMessageContaining("entities[0].properties.Name:");
        assertThatThrownBy(() -> new ArgumentValidator().validate("t", schema, Map.of("metadata", Map.of(
                "k\uDFFF", "v")))).hasMessageContaining("metadata.k").hasMessageContaining("(its name)");
        new ArgumentValidator().validate("t", schema, Map.of("blob", "emoji \uD83D\uDE00"));
    }
}
