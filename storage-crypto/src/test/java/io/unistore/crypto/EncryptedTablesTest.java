package io.unistore.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unistore.ErrorCode;
import io.unistore.StorageException;
import io.unistore.Unistore;
import io.unistore.table.Filter;
import io.unistore.table.PropertyType;
import io.unistore.table.TableAction;
import io.unistore.table.TableEntity;
import io.unistore.table.TableQuery;
import io.unistore.table.TableStore;
import io.unistore.table.UpdateMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Encrypted table properties on the local provider, looked at from below too (an account on the same directory
 * without the layer): every EDM type round trips, nothing of the plaintext is stored, a value moved to another
 * entity or property does not decrypt, a wrong key is named, filters on encrypted properties are refused.
 */
class EncryptedTablesTest {
    private static final LocalKeyset KEYS = TestKeys.create("props");
    private static final Map<String, Object> VALUES = Map.of("Str", "MARKER-secret ünï 😀", "I32", -123_456,
            "I64", Long.MIN_VALUE, "Dbl", -0.0, "Bool", true, "When", Instant.parse("2026-11-23T21:09:56.1234567Z"),
            "Bin", "MARKER-bytes".getBytes(StandardCharsets.UTF_8), "Id",
            UUID.fromString("0b6a8f6e-6d1a-4c2b-9f4e-123456789abc"));

    @TempDir
    Path dir;
    private String address;
    private io.unistore.StorageAccount account;
    private TableStore encrypted;
    private TableStore stored;

    @BeforeEach
    void open() {
        address = "file:" + dir.resolve("store");
        account = layer(KEYS);
        encrypted = account.tables();
        stored = Unistore.open(address).tables();
        encrypted.createTable("People");
    }

    private io.unistore.StorageAccount layer(KeySource keys) {
        return Unistore.builder().address(address).layer(EncryptionLayer.of(keys)
                .encryptingTableProperties("People.Str,People.I32,People.I64,People.Dbl,People.Bool,People.When,"
                        + "People.Bin,People.Id,*.Other")).open();
    }

    private static TableEntity entity(String pk, String rk) {
        return TableEntity.builder(pk, rk).putAll(VALUES).put("Plain", "visible").build();
    }

    @Test
    void everyEdmTypeRoundTripsAndNothingOfItIsStored() {
        encrypted.insertEntity("People", entity("p", "r"));
        for (TableEntity read : List.of(encrypted.getEntity("People", "p", "r"),
                encrypted.query("People", TableQuery.where(Filter.partitionKey("p"))).stream().toList().get(0))) {
            VALUES.forEach((name, value) -> {
                assertThat(read.get(name)).as(name).isEqualTo(value);
                assertThat(read.typeOf(name)).as(name).isEqualTo(PropertyType.of(value));
            });
            assertThat(1 / read.getDouble("Dbl")).as("negative zero keeps its sign").isNegative();
            assertThat(read.getString("Plain")).isEqualTo("visible");
        }
        TableEntity atRest = stored.getEntity("People", "p", "r");
        for (String name : VALUES.keySet()) {
            assertThat(atRest.typeOf(name)).as(name).isEqualTo(PropertyType.STRING);
            assertThat(atRest.getString(name)).as(name).startsWith("ucse1:").doesNotContain("MARKER");
        }
        assertThat(atRest.getString("Plain")).isEqualTo("visible");
        // A fresh nonce and data key per value: the same value twice is stored differently.
        encrypted.insertEntity("People", entity("p", "r2"));
        assertThat(stored.getEntity("People", "p", "r2").getString("Str")).isNotEqualTo(atRest.getString("Str"));
    }

    @Test
    void aValueMovedToAnotherEntityOrPropertyDoesNotDecrypt() {
        encrypted.insertEntity("People", entity("p", "r"));
        TableEntity atRest = stored.getEntity("People", "p", "r");
        stored.insertEntity("People", TableEntity.builder("p", "copy").put("Str", atRest.getString("Str")).build());
        assertThatThrownBy(() -> encrypted.getEntity("People", "p", "copy"))
                .isInstanceOfSatisfying(StorageException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.PERMISSION_DENIED);
                    assertThat(e.getMessage()).contains("property Str of entity (p, copy) in table People")
                            .contains("moved");
                });
        stored.upsertEntity("People", TableEntity.builder("p", "r").put("I32", atRest.getString("Str")).build(),
                UpdateMode.MERGE);
        assertThatThrownBy(() -> encrypted.getEntity("People", "p", "r"))
                .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.getMessage())
                        .contains("property I32 of entity (p, r)"));
    }

    @Test
    void aWrongKeyIsNamed() {
        encrypted.insertEntity("People", entity("p", "r"));
        TableStore impostor = layer(TestKeys.create("props")).tables();
        assertThatThrownBy(() -> impostor.getEntity("People", "p", "r"))
                .isInstanceOfSatisfying(StorageException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.PERMISSION_DENIED);
                    assertThat(e.getMessage()).contains("props/1");
                });
        TableStore stranger = layer(TestKeys.create("stranger")).tables();
        assertThatThrownBy(() -> stranger.getEntity("People", "p", "r"))
                .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.getMessage()).contains("props/1"));
    }

    @Test
    void mergesTransactionsAndFiltersOnOtherPropertiesWork() {
        encrypted.insertEntity("People", entity("p", "r"));
        encrypted.upsertEntity("People", TableEntity.builder("p", "r").put("I32", 7).build(), UpdateMode.MERGE);
        TableEntity merged = encrypted.getEntity("People", "p", "r");
        assertThat(merged.getInt("I32")).isEqualTo(7);
        assertThat(merged.getString("Str")).as("the other values keep their own keys").isEqualTo(VALUES.get("Str"));
        if (account.capabilities().has(io.unistore.Capability.TABLE_TRANSACTIONS)) {
            encrypted.submitTransaction("People", List.of(TableAction.insert(entity("t", "1")),
                    TableAction.insert(entity("t", "2"))));
            assertThat(stored.getEntity("People", "t", "2").getString("Str")).startsWith("ucse1:");
            assertThat(encrypted.getEntity("People", "t", "2").getString("Str")).isEqualTo(VALUES.get("Str"));
        }
        assertThat(encrypted.query("People", TableQuery.where("Plain eq 'visible' and PartitionKey eq 'p'"))
                .stream().map(TableEntity::rowKey).toList()).containsExactly("r");
        assertThatThrownBy(() -> encrypted.query("People", TableQuery.where("Plain eq 'x' or not (Str eq 'a')"))
                .firstPage()).isInstanceOfSatisfying(StorageException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
                    assertThat(e.getMessage()).contains("filter").contains("Str");
                });
    }

    @Test
    void badPropertyListsAreRefusedByName() {
        for (String bad : List.of("NoDot", "People.", "People.PartitionKey", "1able.x", "*.a-b")) {
            assertThatThrownBy(() -> EncryptionLayer.of(KEYS).encryptingTableProperties(bad))
                    .as(bad).isInstanceOfSatisfying(StorageException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
                        assertThat(e.getMessage()).contains("tableProperties");
                    });
        }
    }
}
