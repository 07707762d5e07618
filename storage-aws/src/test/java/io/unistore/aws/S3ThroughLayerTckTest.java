package io.unistore.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.StorageAccount;
import io.unistore.Unistore;
import io.unistore.tck.BlobStoreContract;
import io.unistore.tck.PassThroughLayer;
import io.unistore.testsupport.s3proxy.S3Proxy;
import io.unistore.testsupport.s3proxy.S3ProxyKnownGaps;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The blob conformance kit on S3 (S3Proxy, versioning on) through a layer that changes nothing: layers are
 * transparent on a cloud provider too, optional operations (tiers, versions, presigned URLs) included. The tests
 * S3Proxy itself cannot pass are skipped with their reason, as in {@link S3BlobStoreTckTest}.
 */
@ExtendWith(S3ProxyKnownGaps.class)
class S3ThroughLayerTckTest extends BlobStoreContract {
    private final PassThroughLayer layer = new PassThroughLayer();

    @Override
    protected StorageAccount openAccount() {
        Map<String, String> options = S3ProxyAccounts.options(S3Proxy.shared());
        options.put("versioning", "true");
        return Unistore.builder().address("s3://").options(options).layer(layer).open();
    }

    @AfterAll
    void wentThroughTheLayer() {
        assertThat(layer.wrappedStores()).isEqualTo(1);
    }
}
