package io.unistore.azure;

import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.StorageAccount;
import io.unistore.Unistore;
import io.unistore.tck.BlobStoreContract;
import io.unistore.tck.PassThroughLayer;
import io.unistore.testsupport.azurite.Azurite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The conformance kit's blob contract on Azurite through a layer that changes nothing: layers are transparent on a
 * cloud provider too (its parallel uploads, ranged reads and leases included), not only on the local one.
 *
 * <p>It has an Azurite of its own, on disk: the shared one keeps blobs in 512 MiB of memory, which the other blob
 * kit's large blobs fill until Azurite reclaims them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AzureThroughLayerTckTest extends BlobStoreContract {
    @TempDir
    static Path dir;
    private static Azurite azurite;

    /**
     * Stops Azurite once this class is done: after every {@code @AfterAll} (the kit removes its containers in one)
     * and before the directory goes. The kit's nested classes end earlier and leave it running.
     */
    @RegisterExtension
    static final AfterAllCallback STOP_AZURITE = context -> {
        if (context.getRequiredTestClass() == AzureThroughLayerTckTest.class && azurite != null) {
            azurite.close();
        }
    };

    private final PassThroughLayer layer = new PassThroughLayer();

    @Override
    protected StorageAccount openAccount() {
        try {
            azurite = Azurite.onDisk(Files.createDirectories(dir.resolve("azurite")));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return Unistore.builder().address(azurite.connectionString()).options(AzuriteAccounts.OPTIONS).layer(layer)
                .open();
    }

    @AfterAll
    void wentThroughTheLayer() {
        assertThat(layer.wrappedStores()).isEqualTo(1);
    }
}
