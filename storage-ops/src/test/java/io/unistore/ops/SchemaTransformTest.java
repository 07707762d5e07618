package io.unistore.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unistore.StorageException;
import io.unistore.table.TableEntity;
import org.junit.jupiter.api.Test;

/** The transform spec is pure mapping code: tested without a store. */
class SchemaTransformTest {
    private final TableEntity ann = TableEntity.builder("eu", "7").put("Region", "west").put("Id", 42)
            .put("Score", 3.0).put("Text", "12").build();

    @Test
    void appliesStepsInOrder() {
        SchemaTransform t = SchemaTransform.parse("""
                {"steps":[
                  {"op":"cast","property":"Score","type":"INT32"},
                  {"op":"cast","property":"Text","type":"INT64"},
                  {"op":"compute","property":"Key","template":"{Region|upper}-{Id|pad:5}-{{x}}"},
                  {"op":"rename","from":"Region","to":"Area"},
                  {"op":"partitionKey","template":"{Area}"},
                  {"op":"rowKey","template":"{RowKey}-{Id}"}
                ]}""");
        TableEntity out = t.apply(ann);
        assertThat(out.partitionKey()).isEqualTo("west");
        assertThat(out.rowKey()).isEqualTo("7-42");
        assertThat(out.getInt("Score")).isEqualTo(3);
        assertThat(out.getLong("Text")).isEqualTo(12L);
        assertThat(out.getString("Key")).isEqualTo("WEST-00042-{x}");
        assertThat(out.has("Region")).isFalse();
        assertThat(t.changesKeys()).isTrue();
    }

    @Test
    void missingAndFailingValuesFollowTheirPolicy() {
        assertThat(SchemaTransform.parse("{\"steps\":[{\"op\":\"compute\",\"property\":\"X\",\"template\":\"{Nope}\","
                + "\"ifMissing\":\"skip\"}]}").apply(ann).has("X")).isFalse();
        assertThat(SchemaTransform.parse("{\"steps\":[{\"op\":\"compute\",\"property\":\"X\",\"template\":\"a{Nope}b\","
                + "\"ifMissing\":\"empty\"}]}").apply(ann).getString("X")).isEqualTo("ab");
        assertThat(SchemaTransform.parse("{\"steps\":[{\"op\":\"cast\",\"property\":\"Region\",\"type\":\"INT32\","
                + "\"onError\":\"drop\"}]}").apply(ann).has("Region")).isFalse();
        assertThatThrownBy(() -> SchemaTransform.parse("{\"steps\":[{\"op\":\"compute\",\"property\":\"X\","
                + "\"template\":\"{Nope}\"}]}").apply(ann))
                .isInstanceOf(StorageException.class).hasMessageContaining("transform.steps[0]")
                .hasMessageContaining("eu/7");
    }

    @Test
    void badSpecsNameTheField() {
        assertThatThrownBy(() -> SchemaTransform.parse("{\"steps\":[{\"op\":\"explode\"}]}"))
                .hasMessageContaining("transform.steps[0].op");
        assertThatThrownBy(() -> SchemaTransform.parse("{\"steps\":[{\"op\":\"drop\",\"properties\":[\"A\"],\"x\":1}]}"))
                .hasMessageContaining("transform.steps[0].x");
        assertThatThrownBy(() -> SchemaTransform.parse("{\"steps\":[{\"op\":\"cast\",\"property\":\"A\",\"type\":\"Money\"}]}"))
                .hasMessageContaining("transform.steps[0].type");
        assertThatThrownBy(() -> SchemaTransform.parse("{\"steps\":[{\"op\":\"compute\",\"property\":\"A\",\"template\":\"{oops\"}]}"))
                .hasMessageContaining("unclosed");
        assertThatThrownBy(() -> SchemaTransform.parse("{\"steps\":[{\"op\":\"rename\",\"from\":\"A\",\"to\":\"RowKey\"}]}"))
                .hasMessageContaining("rename.to");
        assertThatThrownBy(() -> SchemaTransform.parse("not json")).hasMessageContaining("transform");
        // Found by the full fuzz run: a megabyte property name was accepted and came back in a megabyte preview.
        String huge = "Code".repeat(1 << 18);
        assertThatThrownBy(() -> SchemaTransform.parse("{\"steps\":[{\"op\":\"compute\",\"property\":\"" + huge
                + "\",\"template\":\"x\"}]}")).hasMessageContaining("compute.property")
                .hasMessageContaining("at most 255");
    }

    @Test
    void fieldsThatAreNotStringsAreRefusedByName() {
        // Found by the MCP fuzzer: an object where a name belongs failed with Jackson's own exception (INTERNAL).
        assertThatThrownBy(() -> SchemaTransform.parse("{\"steps\":[{\"op\":\"cast\",\"property\":\"A\","
                + "\"type\":{\"a\":{\"a\":1}}}]}")).isInstanceOf(StorageException.class)
                .hasMessageContaining("transform.steps[0].type").hasMessageContaining("must be a string, was an object");
        assertThatThrownBy(() -> SchemaTransform.parse("{\"steps\":[{\"op\":[\"rename\"]}]}"))
                .isInstanceOf(StorageException.class).hasMessageContaining("transform.steps[0].op")
                .hasMessageContaining("an array");
        assertThatThrownBy(() -> SchemaTransform.parse("{\"steps\":[{\"op\":\"drop\",\"properties\":[\"A\",{}]}]}"))
                .isInstanceOf(StorageException.class).hasMessageContaining("transform.steps[0].properties[1]");
        assertThatThrownBy(() -> SchemaTransform.parse("{\"steps\":[{\"op\":\"compute\",\"property\":\"A\","
                + "\"template\":\"x\",\"ifMissing\":7}]}")).isInstanceOf(StorageException.class)
                .hasMessageContaining("transform.steps[0].ifMissing").hasMessageContaining("a number");
    }

    @Test
    void castsConvertNumbersNumericallyAndTextCanonically() {
        assertThat(Casts.cast(3.0, io.unistore.table.PropertyType.INT64)).isEqualTo(3L);
        assertThatThrownBy(() -> Casts.cast(3.5, io.unistore.table.PropertyType.INT32)).hasMessageContaining("whole");
        assertThatThrownBy(() -> Casts.cast(1L << 40, io.unistore.table.PropertyType.INT32)).hasMessageContaining("32-bit");
        assertThat(Casts.cast("2026-01-31T12:00:00+01:00", io.unistore.table.PropertyType.DATETIME))
                .isEqualTo(java.time.Instant.parse("2026-01-31T11:00:00Z"));
        assertThat(Casts.cast(true, io.unistore.table.PropertyType.STRING)).isEqualTo("true");
    }
}
