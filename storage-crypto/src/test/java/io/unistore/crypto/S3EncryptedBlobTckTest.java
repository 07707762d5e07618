package io.unistore.crypto;

import io.unistore.StorageAccount;
import io.unistore.Unistore;
import io.unistore.tck.BlobStoreContract;
import io.unistore.testsupport.s3proxy.S3Proxy;
import io.unistore.testsupport.s3proxy.S3ProxyKnownGaps;
import java.util.Map;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/** The conformance kit's blob contract on S3 (S3Proxy) through the encryption layer: the same v2 format. */
@ExtendWith(S3ProxyKnownGaps.class)
// The whole kit on an emulator takes minutes on CI's 2 cores; the default build runs it on the local provider
// (LocalEncryptedBlobTckTest) and proves the Azure format both ways on Azurite (AzureInteropTest).
@EnabledIfSystemProperty(named = "unistore.layerKits", matches = "true")
class S3EncryptedBlobTckTest extends BlobStoreContract {
    @Override
    protected StorageAccount openAccount() {
        S3Proxy proxy = S3Proxy.shared();
        return Unistore.builder().address("s3://").options(Map.of("endpoint", proxy.endpoint().toString(),
                        "accessKeyId", proxy.identity(), "secretAccessKey", proxy.credential(),
                        "region", S3Proxy.REGION, "maxAttempts", "4", "versioning", "true", "tags", "false"))
                .layer(EncryptionLayer.of(TestKeys.create("s3"))).open();
    }
}
