package io.unistore.aws;

import io.unistore.StorageAccount;
import io.unistore.tck.BlobStoreContract;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** The whole blob conformance kit against real S3, only when {@code UNISTORE_S3_REGION} is set (see S3LiveTest). */
@EnabledIfEnvironmentVariable(named = "UNISTORE_S3_REGION", matches = ".+")
class S3BlobStoreTckLiveTest extends BlobStoreContract {
    @Override
    protected StorageAccount openAccount() {
        return S3LiveTest.open();
    }
}
