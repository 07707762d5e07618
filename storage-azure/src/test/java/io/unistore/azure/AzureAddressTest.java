package io.unistore.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unistore.Capability;
import io.unistore.ErrorCode;
import io.unistore.StorageAccount;
import io.unistore.StorageException;
import io.unistore.Unistore;
import io.unistore.azure.AzureAddress.CredentialKind;
import io.unistore.azure.AzureAddress.Service;
import io.unistore.spi.ProviderConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading the address forms Azure users have; no I/O happens when an account is opened. */
class AzureAddressTest {
    private static final String KEY = AzureAddress.DEV_KEY;

    private static AzureAddress parse(String address, Map<String, String> options) {
        return AzureAddress.parse(new ProviderConfig(address, options));
    }

    @Test
    void claimsConnectionStringsAndAzureCloudUrlsOnly() {
        AzureProvider p = new AzureProvider();
        assertThat(p.accepts("UseDevelopmentStorage=true")).isTrue();
        assertThat(p.accepts("DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=" + KEY)).isTrue();
        assertThat(p.accepts("https://acct.blob.core.windows.net")).isTrue();
        assertThat(p.accepts("https://acct.queue.core.chinacloudapi.cn/")).isTrue();
        assertThat(p.accepts("https://acct.blob.core.usgovcloudapi.net/c?sv=1&sig=abc")).isTrue();
        assertThat(p.accepts("http://127.0.0.1:10000/devstoreaccount1")).isFalse();
        assertThat(p.accepts("s3://bucket")).isFalse();
        assertThat(p.accepts("file:/tmp/x")).isFalse();
        assertThat(p.accepts("https://storage.googleapis.com/b")).isFalse();
    }

    @Test
    void accountConnectionStringDerivesTheFourEndpoints() {
        AzureAddress a = parse("DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=" + KEY
                + ";EndpointSuffix=core.chinacloudapi.cn", Map.of());
        assertThat(a.accountName()).isEqualTo("acct");
        assertThat(a.endpoint(Service.BLOB)).isEqualTo("https://acct.blob.core.chinacloudapi.cn");
        assertThat(a.endpoint(Service.FILE)).isEqualTo("https://acct.file.core.chinacloudapi.cn");
        assertThat(a.credential().kind()).isEqualTo(CredentialKind.SHARED_KEY);
    }

    @Test
    void explicitEndpointsWithoutProtocolReachOnlyThoseServices() {
        AzureAddress a = parse("AccountName=devstoreaccount1;AccountKey=" + KEY
                + ";BlobEndpoint=http://127.0.0.1:1/devstoreaccount1;TableEndpoint=http://127.0.0.1:2/devstoreaccount1",
                Map.of());
        assertThat(a.endpoints().keySet()).containsExactlyInAnyOrder(Service.BLOB, Service.TABLE);
        assertThat(AzureAccount.capabilities(a, true).has(Capability.QUEUES)).isFalse();
    }

    @Test
    void developmentStorageShortcut() {
        AzureAddress a = parse("UseDevelopmentStorage=true", Map.of());
        assertThat(a.endpoint(Service.BLOB)).isEqualTo("http://127.0.0.1:10000/devstoreaccount1");
        assertThat(a.endpoint(Service.TABLE)).isEqualTo("http://127.0.0.1:10002/devstoreaccount1");
        assertThat(a.has(Service.FILE)).isFalse();
    }

    @Test
    void accountUrlWithoutSecretsUsesEntraIdAndSignsUserDelegationSas() {
        AzureAddress a = parse("https://acct.blob.core.windows.net/", Map.of());
        assertThat(a.credential().kind()).isEqualTo(CredentialKind.ENTRA_ID);
        assertThat(a.endpoint(Service.QUEUE)).isEqualTo("https://acct.queue.core.windows.net");
        assertThat(AzureAccount.capabilities(a, true).has(Capability.BLOB_PRESIGNED_URLS)).isTrue();
    }

    @Test
    void sasUrlSignsWithTheSasAndCannotPresign() {
        AzureAddress a = parse("https://acct.blob.core.windows.net/photos?sv=2024-01-01&sp=r&sig=SECRET", Map.of());
        assertThat(a.credential().kind()).isEqualTo(CredentialKind.SAS);
        assertThat(a.credential().secret()).contains("sig=SECRET");
        assertThat(a.endpoint(Service.BLOB)).isEqualTo("https://acct.blob.core.windows.net");
        assertThat(AzureAccount.capabilities(a, true).has(Capability.BLOB_PRESIGNED_URLS)).isFalse();
    }

    @Test
    void pathStyleEndpointsNameTheAccountInThePath() {
        AzureAddress a = parse("http://127.0.0.1:10000/devstoreaccount1", Map.of("accountKey", KEY,
                "queueEndpoint", "http://127.0.0.1:10001/devstoreaccount1/"));
        assertThat(a.accountName()).isEqualTo("devstoreaccount1");
        assertThat(a.endpoint(Service.BLOB)).isEqualTo("http://127.0.0.1:10000/devstoreaccount1");
        assertThat(a.endpoint(Service.QUEUE)).isEqualTo("http://127.0.0.1:10001/devstoreaccount1");
    }

    @Test
    void explicitProviderOpensACustomEndpoint() {
        try (StorageAccount account = Unistore.builder().address("http://127.0.0.1:10000/devstoreaccount1")
                .provider("azure").option("accountKey", KEY).open()) {
            assertThat(account.providerId()).isEqualTo("azure");
            assertThat(account.capabilities().has(Capability.BLOBS)).isTrue();
        }
    }

    @Test
    void badInputNamesTheFieldAndNeverEchoesSecrets() {
        assertThatThrownBy(() -> parse("https://custom.example.com/x", Map.of("accountKey", KEY)))
                .hasMessageContaining("accountName");
        assertThatThrownBy(() -> parse("AccountName=a;AccountKey=not base64!;BlobEndpoint=http://h/a", Map.of()))
                .isInstanceOfSatisfying(StorageException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
                    assertThat(e.getMessage()).contains("accountKey").doesNotContain("not base64");
                });
        assertThatThrownBy(() -> parse("AccountName=a;NoValueSegment", Map.of()))
                .hasMessageContaining("segment 2").hasMessageNotContaining("NoValueSegment");
        assertThatThrownBy(() -> parse("ftp://x", Map.of())).hasMessageContaining("address");
    }

    @Test
    void descriptionsHoldNoSecret() {
        String cs = "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=" + KEY;
        try (StorageAccount account = Unistore.open(cs)) {
            assertThat(account.displayName()).contains("acct").doesNotContain(KEY.substring(0, 10));
            assertThat(account.toString()).doesNotContain(KEY.substring(0, 10));
        }
        AzureAddress sas = parse("https://acct.blob.core.windows.net/?sv=1&sig=TOPSECRET", Map.of());
        assertThat(sas.toString()).doesNotContain("TOPSECRET");
        assertThat(sas.credential().toString()).isEqualTo("SAS");
    }

    @Test
    void versioningOptionRemovesVersionsForBackEndsWithout() {
        AzureAddress a = parse("UseDevelopmentStorage=true", Map.of());
        assertThat(AzureAccount.capabilities(a, false).has(Capability.BLOB_VERSIONS)).isFalse();
        assertThat(AzureAccount.capabilities(a, true).has(Capability.BLOB_VERSIONS)).isTrue();
    }
}
