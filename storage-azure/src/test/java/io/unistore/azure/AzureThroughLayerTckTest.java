package io.unistore.azure;

import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.StorageAccount;
import io.unistore.Unistore;
import io.unistore.tck.BlobStoreContract;
import io.unistore.tck.PassThroughLayer;
import io.unistore.testsupport.azurite.Azurite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

/**
 * The conformance kit's blob contract on Azurite through a layer that changes nothing: layers are transparent on a
 * cloud provider too (its parallel uploads, ranged reads and leases included), not only on the local one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AzureThroughLayerTckTest extends BlobStoreContract {
    private final PassThroughLayer layer = new PassThroughLayer();

    @Override
    protected StorageAccount openAccount() {
        return Unistore.builder().address(Azurite.shared().connectionString()).options(AzuriteAccounts.OPTIONS)
                .layer(layer).open();
    }

    @AfterAll
    void wentThroughTheLayer() {
        assertThat(layer.wrappedStores()).isEqualTo(1);
    }
}
