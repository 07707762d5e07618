package io.unistore.aws;

import io.unistore.StorageAccount;
import io.unistore.tck.BlobStoreContract;
import io.unistore.testsupport.s3proxy.S3ProxyKnownGaps;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The blob conformance kit against S3Proxy, with versioning on and every capability S3 has. The few tests S3Proxy
 * itself cannot pass are skipped with their reason ({@link S3ProxyKnownGaps}).
 */
@ExtendWith(S3ProxyKnownGaps.class)
class S3BlobStoreTckTest extends BlobStoreContract {
    @Override
    protected StorageAccount openAccount() {
        return S3ProxyAccounts.open(Map.of("versioning", "true"));
    }
}
