package io.unistore.aws;

import io.unistore.StorageAccount;
import io.unistore.tck.BlobStoreContract;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The blob conformance kit against S3Proxy, with versioning on and every capability S3 has. The few tests S3Proxy
 * itself cannot pass are skipped with their reason ({@link S3ProxyGaps}).
 */
@ExtendWith(S3ProxyGaps.class)
class S3BlobStoreTckTest extends BlobStoreContract {
    @Override
    protected StorageAccount openAccount() {
        return S3ProxyAccounts.open(Map.of("versioning", "true"));
    }
}
