package io.unistore.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.ErrorCode;
import io.unistore.StorageAccount;
import io.unistore.Unistore;
import io.unistore.table.TableEntity;
import io.unistore.table.TableStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Key rotation of encrypted table properties on the local provider: the data keys of {@code ucse1:} values
 * re-wrapped with their ciphertexts kept, in bounded and resumed runs; a value whose key is gone named; full
 * re-encryption giving fresh values.
 */
class TableKeyRotationTest {
    @TempDir
    Path dir;

    private StorageAccount layer(String address, KeySource keys) {
        return Unistore.builder().address(address).layer(EncryptionLayer.of(keys)
                .encryptingTableProperties("People.ssn,People.card")).open();
    }

    private static String ciphertext(String sealed) {
        return sealed.substring(sealed.lastIndexOf(':') + 1);
    }

    private static String encryptionData(String sealed) {
        String json = sealed.substring(SealedProperty.PREFIX.length(), sealed.lastIndexOf(':'));
        return new String(Base64.getDecoder().decode(json), StandardCharsets.UTF_8);
    }

    @Test
    void rewrapMovesEveryValueToTheNewKeyVersionKeepingItsCiphertext() {
        LocalKeyset keys = TestKeys.create("props");
        String address = "file:" + dir.resolve("store");
        TableStore encrypted = layer(address, keys).tables();
        StorageAccount raw = Unistore.open(address);
        encrypted.createTable("People");
        for (int i = 0; i < 5; i++) {
            encrypted.insertEntity("People", TableEntity.builder("p" + (i % 2), "r" + i).put("ssn", "123-45-" + i)
                    .put("card", (long) i).put("name", "n" + i).build());
        }
        encrypted.insertEntity("People", TableEntity.builder("p0", "none").put("name", "plain").build());
        String before = raw.tables().getEntity("People", "p1", "r3").getString("ssn");
        keys.rotate();
        encrypted.insertEntity("People", TableEntity.builder("p1", "new").put("ssn", "999").build());

        // Three entities, then the rest from the token: seven in all, one without encrypted values, one current.
        RotationReport first = KeyRotation.rewrapTable(raw, keys, "People",
                new KeyRotation.Options(null, 2, null, 3, null));
        assertThat(first.examined()).isEqualTo(3);
        List<RotationReport> progress = new ArrayList<>();
        RotationReport rest = KeyRotation.rewrapTable(raw, keys, "People",
                new KeyRotation.Options(null, 2, first.continuationToken(), progress::add));
        assertThat(rest.continuationToken()).isNull();
        assertThat(first.examined() + rest.examined()).isEqualTo(7);
        assertThat(first.rewrapped() + rest.rewrapped()).isEqualTo(5);
        assertThat(first.alreadyCurrent() + rest.alreadyCurrent()).isEqualTo(1);
        assertThat(first.unencrypted() + rest.unencrypted()).isEqualTo(1);
        assertThat(rest.failed()).isZero();
        assertThat(progress).isNotEmpty();

        String after = raw.tables().getEntity("People", "p1", "r3").getString("ssn");
        assertThat(encryptionData(after)).contains("\"KeyId\":\"props/2\"");
        assertThat(encryptionData(before)).contains("\"KeyId\":\"props/1\"");
        assertThat(ciphertext(after)).as("only the wrapped key changes").isEqualTo(ciphertext(before));
        TableStore readNew = layer(address, KeySource.of(keys.resolve("props/2").orElseThrow())).tables();
        for (int i = 0; i < 5; i++) {
            TableEntity e = readNew.getEntity("People", "p" + (i % 2), "r" + i);
            assertThat(e.getString("ssn")).isEqualTo("123-45-" + i);
            assertThat(e.getLong("card")).isEqualTo(i);
            assertThat(e.getString("name")).isEqualTo("n" + i);
        }
        RotationReport again = KeyRotation.rewrapTable(raw, keys, "People", new KeyRotation.Options("p1", 0, null,
                null));
        assertThat(again.examined()).as("the prefix is a PartitionKey prefix").isEqualTo(3);
        assertThat(again.alreadyCurrent()).isEqualTo(3);
    }

    @Test
    void aValueWhoseKeyIsGoneIsNamedAndReencryptionWritesFreshValues() {
        LocalKeyset keys = TestKeys.create("tk");
        LocalKeyset other = TestKeys.create("other");
        String address = "file:" + dir.resolve("store");
        StorageAccount account = layer(address, keys);
        StorageAccount raw = Unistore.open(address);
        account.tables().createTable("People");
        account.tables().insertEntity("People", TableEntity.builder("p", "a").put("ssn", "1").build());
        layer(address, other).tables().insertEntity("People", TableEntity.builder("p", "b").put("ssn", "2").build());
        RotationReport r = KeyRotation.rewrapTable(raw, other, "People", KeyRotation.Options.defaults());
        assertThat(r.failed()).isEqualTo(1);
        assertThat(r.alreadyCurrent()).isEqualTo(1);
        assertThat(r.failures()).singleElement().satisfies(f -> {
            assertThat(f.blob()).isEqualTo("p/a");
            assertThat(f.code()).isEqualTo(ErrorCode.PERMISSION_DENIED);
            assertThat(f.message()).contains("tk/1").contains("ssn");
        });

        raw.tables().deleteEntity("People", "p", "b", null);
        raw.tables().insertEntity("People", TableEntity.builder("p", "plain").put("ssn", "3").build());
        String before = raw.tables().getEntity("People", "p", "a").getString("ssn");
        keys.rotate();
        RotationReport re = KeyRotation.reencryptTable(account, "People", KeyRotation.Options.defaults());
        assertThat(re.rewrapped()).isEqualTo(2);
        String after = raw.tables().getEntity("People", "p", "a").getString("ssn");
        assertThat(ciphertext(after)).isNotEqualTo(ciphertext(before));
        assertThat(encryptionData(after)).contains("\"KeyId\":\"tk/2\"");
        assertThat(raw.tables().getEntity("People", "p", "plain").getString("ssn")).startsWith("ucse1:");
        assertThat(account.tables().getEntity("People", "p", "a").getString("ssn")).isEqualTo("1");
        assertThat(account.tables().getEntity("People", "p", "plain").getString("ssn")).isEqualTo("3");
    }
}
