package io.unistore.mcp;

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
import tools.jackson.databind.json.JsonMapper;

/** The entity JSON representation: every property type survives a trip through JSON text exactly. */
class EntityJsonTest {
    private static final JsonMapper JSON = JsonMapper.shared();

    private static TableEntity roundTrip(TableEntity e) {
        String text = JSON.writeValueAsString(EntityJson.toJson(e));
        Map<String, Object> parsed = JSON.readValue(text, new TypeReference<Map<String, Object>>() { });
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
}
