package io.unistore.msgraph;

import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.ErrorCode;
import io.unistore.StorageException;
import io.unistore.spi.ProviderConfig;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Parsing of addresses and options: pure mapping, no back end. */
class GraphAddressTest {

    private static GraphAddress parse(String address, Map<String, String> options) {
        return GraphAddress.parse(new ProviderConfig(address, options));
    }

    private static void refused(String field, ThrowingCallable call) {
        StorageException e = org.assertj.core.api.Assertions.catchThrowableOfType(StorageException.class, call);
        assertThat(e).as("refused").isNotNull();
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(e.getMessage()).contains(field);
    }

    @Test
    void aDriveOrASiteWithGraphsDefaults() {
        GraphAddress drive = parse("msgraph://drive/b!abc", Map.of());
        assertThat(drive.driveId()).isEqualTo("b!abc");
        assertThat(drive.siteId()).isNull();
        assertThat(drive.baseUrl()).isEqualTo("https://graph.microsoft.com/v1.0");
        assertThat(drive.chunkSize()).isEqualTo(10 * 1024 * 1024);
        assertThat(drive.credentialKind()).isEqualTo("DefaultAzureCredential");
        GraphAddress site = parse("MSGRAPH://site/contoso.sharepoint.com,1,2/drive", Map.of());
        assertThat(site.siteId()).isEqualTo("contoso.sharepoint.com,1,2");
        assertThat(site.driveId()).isNull();
        assertThat(new MsGraphProvider().accepts("msgraph://drive/x")).isTrue();
        assertThat(new MsGraphProvider().accepts("https://graph.microsoft.com")).isFalse();
    }

    @Test
    void optionsComeFromTheQueryButSecretsOnlyAsOptions() {
        GraphAddress a = parse("msgraph://drive/d?uploadChunkSize=655360&tenantId=t", Map.of("tenantId", "wins"));
        assertThat(a.driveId()).isEqualTo("d");
        assertThat(a.chunkSize()).isEqualTo(655360);
        assertThat(a.tenantId()).isEqualTo("wins");
        refused("clientSecret", () -> parse("msgraph://drive/d?clientSecret=s3cr3t", Map.of()));
        refused("accessToken", () -> parse("msgraph://drive/d?accessToken=t0k3n", Map.of()));
    }

    @Test
    void badAddressesAndOptionsNameTheFieldAndTheRule() {
        refused("address", () -> parse("msgraph://drives", Map.of()));
        refused("address", () -> parse("msgraph://drive/", Map.of()));
        refused("address", () -> parse("msgraph://user/me", Map.of()));
        refused("baseUrl", () -> parse("msgraph://drive/d", Map.of("baseUrl", "http://graph.example.com/v1.0")));
        refused("baseUrl", () -> parse("msgraph://drive/d", Map.of("baseUrl", "ftp://127.0.0.1/")));
        refused("clientSecret", () -> parse("msgraph://drive/d", Map.of("clientSecret", "s")));
        refused("uploadChunkSize", () -> parse("msgraph://drive/d", Map.of("uploadChunkSize", "1000000")));
        refused("simpleUploadMax", () -> parse("msgraph://drive/d", Map.of("simpleUploadMax", "-1")));
        refused("maxRetries", () -> parse("msgraph://drive/d", Map.of("maxRetries", "-1")));
        refused("maxRetries", () -> parse("msgraph://drive/d", Map.of("maxRetries", "21")));
        assertThat(parse("msgraph://drive/d", Map.of()).maxRetries()).isEqualTo(GraphAddress.DEFAULT_MAX_RETRIES);
        assertThat(parse("msgraph://drive/d", Map.of("baseUrl", "http://127.0.0.1:1/v1.0/")).baseUrl())
                .isEqualTo("http://127.0.0.1:1/v1.0");
    }

    @Test
    void secretsNeverShow() {
        GraphAddress a = parse("msgraph://drive/d", Map.of("tenantId", "t", "clientId", "c",
                "clientSecret", "VERY-SECRET-VALUE"));
        assertThat(a.credentialKind()).isEqualTo("client secret");
        assertThat(a.toString()).doesNotContain("VERY-SECRET-VALUE");
        GraphAddress b = parse("msgraph://drive/d", Map.of("accessToken", "TOKEN-VALUE"));
        assertThat(b.toString()).doesNotContain("TOKEN-VALUE").contains("access token");
    }
}
