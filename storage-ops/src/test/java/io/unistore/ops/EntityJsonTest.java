package io.unistore.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unistore.StorageException;
import io.unistore.table.PropertyType;
import io.unistore.table.TableEntity;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;

/**
 * The entity JSON mapping (backups and MCP tools) and the canonical hash are pure mapping code: tested without a
 * store. Every property type survives a trip through JSON text exactly.
 */
class EntityJsonTest {
    @Test
    void roundTripsEveryTypeAndEdgeValue() {
        for (long i = 0; i < 200; i++) {
            TableEntity e = Fixtures.entity("p", "r" + i, i);
            TableEntity back = EntityJson.fromLine(EntityJson.toLine(e));
            assertThat(back).isEqualTo(e);
            assertThat(EntityHash.of(back)).isEqualTo(EntityHash.of(e));
        }
        TableEntity edges = TableEntity.builder("", "").put("nan", Double.NaN).put("inf", Double.NEGATIVE_INFINITY)
                .put("neg0", -0.0).put("tiny", Double.MIN_VALUE).put("max", Long.MAX_VALUE)
                .put("min", Integer.MIN_VALUE).put("empty", "").put("nanos", Instant.parse("1969-12-31T23:59:59.999999999Z"))
                .put("emptyBin", new byte[0]).put("surrogate", "\uD83D\uDE00").build();
        TableEntity back = EntityJson.fromLine(EntityJson.toLine(edges));
        assertThat(back).isEqualTo(edges);
        assertThat(Double.doubleToRawLongBits(back.getDouble("neg0"))).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(EntityJson.toLine(edges)).contains("\"max\":{\"type\":\"Int64\",\"value\":\"9223372036854775807\"}");
    }

    @Test
    void hashIgnoresOrderEtagAndTimestampButNotTypes() {
        TableEntity a = TableEntity.builder("p", "r").put("x", 1).put("y", "z").build();
        TableEntity b = TableEntity.builder("p", "r").put("y", "z").put("x", 1).etag("W/1")
                .timestamp(Instant.now()).build();
        TableEntity c = TableEntity.builder("p", "r").put("x", 1L).put("y", "z").build();
        assertThat(EntityHash.of(a)).isEqualTo(EntityHash.of(b));
        assertThat(EntityHash.of(a)).isNotEqualTo(EntityHash.of(c));

        EntityHash.Accumulator one = new EntityHash.Accumulator();
        EntityHash.Accumulator two = new EntityHash.Accumulator();
        one.add(a);
        one.add(Fixtures.entity("q", "s", 5));
        two.add(Fixtures.entity("q", "s", 5));
        two.add(b);
        assertThat(one.hex()).isEqualTo(two.hex()).hasSize(64);
        assertThat(one.count()).isEqualTo(2);
    }

    private static TableEntity roundTrip(TableEntity e) {
        String text = Json.MAPPER.writeValueAsString(EntityJson.toJson(e));
        Map<String, Object> parsed = Json.MAPPER.readValue(text, new TypeReference<Map<String, Object>>() { });
        return EntityJson.fromJson(parsed, "entity");
    }

    @Test
    void everyPropertyTypeRoundTripsExactly() {
        TableEntity e = TableEntity.builder("p", "r")
                .put("s", "42").put("i", 7).put("iMin", Integer.MIN_VALUE).put("l", 5L)
                .put("lBig", 9_007_199_254_740_993L).put("d", 2.5).put("dWhole", 2.0).put("dNaN", Double.NaN)
                .put("dInf", Double.NEGATIVE_INFINITY).put("b", true)
                .put("t", Instant.parse("2024-02-29T12:34:56.123456789Z")).put("bin", new byte[] {0, 1, -1})
                .put("g", UUID.fromString("6f0c0a5e-1b9a-4c4e-9d2b-0c1d2e3f4a5b")).build();
        Set<PropertyType> seen = EnumSet.noneOf(PropertyType.class);
        e.propertyNames().forEach(n -> seen.add(e.typeOf(n)));
        assertThat(seen).containsExactlyInAnyOrder(PropertyType.values());

        TableEntity back = roundTrip(e);
        back.propertyNames().forEach(n -> assertThat(back.typeOf(n)).as(n).isEqualTo(e.typeOf(n)));
        assertThat(back.propertyNames()).containsExactlyElementsOf(e.propertyNames());
        e.propertyNames().forEach(n -> assertThat(back.get(n)).as(n).isEqualTo(e.get(n)));
        assertThat(back).isEqualTo(e);
    }

    @Test
    void unambiguousValuesArePlainJson() {
        Map<String, Object> json = EntityJson.toJson(TableEntity.builder("p", "r").put("s", "x").put("i", 3)
                .put("d", 1.5).put("b", false).put("l", 3L).build());
        @SuppressWarnings("unchecked")
        Map<String, Object> props = (Map<String, Object>) json.get("properties");
        assertThat(props).containsEntry("s", "x").containsEntry("i", 3).containsEntry("d", 1.5)
                .containsEntry("b", false).containsEntry("l", Map.of("type", "Int64", "value", "3"));
    }

    @Test
    void acceptsEdmNamesAndNumbersForTypedValues() {
        TableEntity e = EntityJson.fromJson(Map.of("partitionKey", "p", "rowKey", "r", "properties", Map.of(
                "a", Map.of("type", "Edm.Int64", "value", 12), "b", Map.of("type", "datetime",
                        "value", "2024-01-01T01:00:00+01:00"), "c", 3_000_000_000L)), "entity");
        assertThat(e.get("a")).isEqualTo(12L);
        assertThat(e.get("b")).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
        assertThat(e.get("c")).isEqualTo(3_000_000_000L);
    }

    @Test
    void badValuesNameTheProperty() {
        assertThatThrownBy(() -> EntityJson.fromJson(Map.of("partitionKey", "p", "rowKey", "r", "properties",
                Map.of("when", Map.of("type", "DateTime", "value", "yesterday"))), "entity"))
                .isInstanceOf(StorageException.class).hasMessageContaining("entity.properties.when.value");
        assertThatThrownBy(() -> EntityJson.fromJson(Map.of("partitionKey", "p", "rowKey", "r", "properties",
                Map.of("x", Map.of("type", "Decimal", "value", "1"))), "entities[2]"))
                .hasMessageContaining("entities[2].properties.x.type");
        assertThatThrownBy(() -> EntityJson.fromJson(Map.of("rowKey", "r"), "entity"))
                .hasMessageContaining("entity.partitionKey");
    }

    @Test
    void readsBackupLinesWrittenBeforeTheMappingWasShared() {
        // The earlier backup format: upper-case key names, every value typed with upper-case type names.
        TableEntity e = EntityJson.fromLine("{\"PartitionKey\":\"p1\",\"RowKey\":\"r1\","
                + "\"Timestamp\":\"2026-01-31T12:00:00.123456789Z\",\"properties\":{"
                + "\"Name\":{\"type\":\"STRING\",\"value\":\"Ann\"},\"Age\":{\"type\":\"INT32\",\"value\":42},"
                + "\"Big\":{\"type\":\"INT64\",\"value\":\"9007199254740993\"},\"Score\":{\"type\":\"DOUBLE\",\"value\":0.1},"
                + "\"Ok\":{\"type\":\"BOOLEAN\",\"value\":true},\"At\":{\"type\":\"DATETIME\",\"value\":\"2026-01-31T12:00:00Z\"},"
                + "\"Raw\":{\"type\":\"BINARY\",\"value\":\"AAEC\"},\"Nan\":{\"type\":\"DOUBLE\",\"value\":\"NaN\"},"
                + "\"Id\":{\"type\":\"GUID\",\"value\":\"6f0c0a5e-1b9a-4c4e-9d2b-0c1d2e3f4a5b\"}}}");
        assertThat(e).isEqualTo(TableEntity.builder("p1", "r1").put("Name", "Ann").put("Age", 42)
                .put("Big", 9_007_199_254_740_993L).put("Score", 0.1).put("Ok", true)
                .put("At", Instant.parse("2026-01-31T12:00:00Z")).put("Raw", new byte[] {0, 1, 2})
                .put("Nan", Double.NaN).put("Id", UUID.fromString("6f0c0a5e-1b9a-4c4e-9d2b-0c1d2e3f4a5b"))
                .timestamp(Instant.parse("2026-01-31T12:00:00.123456789Z")).build());
        assertThat(e.timestamp()).isEqualTo(Instant.parse("2026-01-31T12:00:00.123456789Z"));
    }
}
