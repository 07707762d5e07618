package io.unistore.azure;

import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.StorageAccount;
import io.unistore.table.TableEntity;
import io.unistore.table.TableStore;
import io.unistore.table.UpdateMode;
import io.unistore.testsupport.NodeScenarios;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Entities between Unistore and Microsoft's Node SDK (@azure/data-tables), node/scenarios/table-cross-check.mjs:
 * property names Azure allows (C# identifiers, non-ASCII letters included) go both ways, and an entity Unistore
 * read can be written back unchanged.
 */
class NodeTableCrossCheckTest {
    /** Names another client may write: C# identifiers with non-ASCII letters, digits and underscores. */
    private static final Map<String, Object> PROPERTIES = Map.of("Größe", 42, "名前", "テスト", "Ünïcode_x2", "v",
            "plain", "ascii", "_under", true);

    private static StorageAccount account;
    private static TableStore tables;
    private static String table;

    @BeforeAll
    static void open() {
        account = AzuriteAccounts.open();
        tables = account.tables();
        table = AzuriteAccounts.table("xt");
        tables.createTable(table);
    }

    @AfterAll
    static void close() {
        tables.deleteTable(table);
        account.close();
    }

    private static JsonNode node(String mode, String... more) {
        List<String> args = new ArrayList<>(List.of(mode, NodeQueueCrossCheckTest.nodeConnectionString(), table));
        args.addAll(List.of(more));
        return NodeScenarios.run("table-cross-check.mjs", args);
    }

    /** The Node SDK's view: each property's value as text. */
    private static Map<String, String> values(JsonNode entity) {
        Map<String, String> out = new TreeMap<>();
        entity.properties().forEach(p -> out.put(p.getKey(), p.getValue().get("value").asString()));
        return out;
    }

    private static Map<String, String> expected() {
        Map<String, String> out = new TreeMap<>();
        PROPERTIES.forEach((k, v) -> out.put(k, String.valueOf(v)));
        return out;
    }

    @Test
    void anEntityTheNodeSdkWroteReadsAndWritesBackUnchanged() {
        JsonNode written = node("write", "p", "from-node", NodeScenarios.jsonFile(PROPERTIES).toString());
        assertThat(values(written)).isEqualTo(expected());

        TableEntity read = tables.getEntity(table, "p", "from-node");
        assertThat(read.properties()).isEqualTo(PROPERTIES);
        tables.upsertEntity(table, read, UpdateMode.REPLACE);
        tables.updateEntity(table, read, UpdateMode.MERGE, tables.getEntity(table, "p", "from-node").etag());

        assertThat(values(node("read", "p", "from-node"))).isEqualTo(expected());
        assertThat(tables.getEntity(table, "p", "from-node").properties()).isEqualTo(PROPERTIES);
    }

    @Test
    void anEntityUnistoreWroteReadsTheSameInTheNodeSdk() {
        TableEntity.Builder b = TableEntity.builder("p", "from-unistore");
        PROPERTIES.forEach(b::put);
        tables.upsertEntity(table, b.build(), UpdateMode.REPLACE);
        assertThat(values(node("read", "p", "from-unistore"))).isEqualTo(expected());
    }
}
