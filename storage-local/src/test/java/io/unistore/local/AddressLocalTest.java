package io.unistore.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unistore.Capability;
import io.unistore.ErrorCode;
import io.unistore.StorageAccount;
import io.unistore.StorageException;
import io.unistore.Unistore;
import io.unistore.spi.ProviderConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which addresses the local provider claims and how it reads them. */
class AddressLocalTest {
    @TempDir
    Path dir;

    @Test
    void claimsFileUrisAndPathsOnly() {
        LocalProvider p = new LocalProvider();
        assertThat(p.accepts("file:/tmp/x")).isTrue();
        assertThat(p.accepts("FILE:///tmp/x")).isTrue();
        assertThat(p.accepts("/var/data")).isTrue();
        assertThat(p.accepts("relative/dir")).isTrue();
        assertThat(p.accepts("s3://bucket")).isFalse();
        assertThat(p.accepts("https://acct.blob.core.windows.net")).isFalse();
        assertThat(p.accepts("DefaultEndpointsProtocol=https;AccountName=a;AccountKey=k")).isFalse();
        assertThat(p.accepts(" ")).isFalse();
        assertThat(p.accepts("C:\\data\\unistore")).isTrue();
    }

    @Test
    void mistypedCloudAddressesAreNotTakenForDirectories() {
        LocalProvider p = new LocalProvider();
        assertThat(p.accepts("DefaultEndpointsProtocol=https,AccountName=a,AccountKey=c2VjcmV0")).isFalse();
        assertThat(p.accepts("AcountKey=c2VjcmV0")).isFalse();
        assertThat(p.accepts("https//acct.blob.core.windows.net/box?sv=2024&sig=c2VjcmV0")).isFalse();
        assertThat(p.accepts("s3:/bucket")).isFalse();
        assertThat(p.accepts("gs//bucket")).isFalse();
        assertThat(p.accepts("file:/data/odd=name")).as("still reachable as file:").isTrue();
    }

    @Test
    void readsFormsAndOptions() {
        LocalSettings s = LocalAddress.parse(new ProviderConfig("file:///data/my%20dir?versioning=false&durability=sync",
                Map.of()));
        assertThat(s.root()).isEqualTo(Path.of("/data/my dir"));
        assertThat(s.versioning()).isFalse();
        assertThat(s.durability()).isEqualTo(Durability.SYNC);
        assertThat(LocalAddress.parse(new ProviderConfig("file://localhost/data", Map.of("durability", "sync")))
                .root()).isEqualTo(Path.of("/data"));
        LocalSettings plain = LocalAddress.parse(new ProviderConfig("/data", Map.of()));
        assertThat(plain.versioning()).isTrue();
        assertThat(plain.durability()).isEqualTo(Durability.PROCESS);
        for (String bad : new String[] {"file://server/share", "file:/d?colour=red", "file:/d?versioning=maybe",
                "file:/d?durability=fast", "file:"}) {
            assertThatThrownBy(() -> LocalAddress.parse(new ProviderConfig(bad, Map.of())))
                    .as(bad).isInstanceOfSatisfying(StorageException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
        }
        assertThatThrownBy(() -> LocalAddress.parse(new ProviderConfig("file:/d?versioning=true",
                Map.of("versioning", "false")))).isInstanceOf(StorageException.class);
    }

    @Test
    void opensThroughUnistoreAndCreatesTheDirectory() throws Exception {
        Path target = dir.resolve("made/here");
        try (StorageAccount a = Unistore.open("file:" + target + "?versioning=false")) {
            assertThat(a.providerId()).isEqualTo("local");
            assertThat(a.displayName()).contains(target.toString());
            assertThat(a.capabilities().has(Capability.BLOB_VERSIONS)).isFalse();
            assertThat(a.capabilities().has(Capability.BLOB_PRESIGNED_URLS)).isFalse();
            assertThat(a.capabilities().has(Capability.BLOB_COPY_FROM_URL)).isFalse();
            assertThat(a.capabilities().has(Capability.TABLE_TRANSACTIONS)).isTrue();
            assertThat(target).isDirectory();
            // The database is made on first use, so opening costs no SQLite work.
            assertThat(target.resolve(Database.FILE_NAME)).doesNotExist();
            a.blobs().listContainers().forEach(c -> { });
        }
        assertThat(Files.isRegularFile(target.resolve(Database.FILE_NAME))).isTrue();
        Files.writeString(dir.resolve("afile"), "x");
        assertThatThrownBy(() -> Unistore.open(dir.resolve("afile").toString()))
                .isInstanceOfSatisfying(StorageException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
    }

    @Test
    void aClosedAccountRefusesWork() {
        StorageAccount a = Unistore.open(dir.toString());
        a.close();
        assertThatThrownBy(() -> a.tables().listTables().stream().count()).isInstanceOf(StorageException.class);
    }
}
