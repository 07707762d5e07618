package io.unistore.testsupport.azurefiles;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.storage.common.StorageSharedKeyCredential;
import java.net.URL;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The stand-in's SharedKey check agrees with the Java SDK's signer and refuses tampered requests. */
class SharedKeyTest {
    private final SharedKey verifier = new SharedKey(AzureFilesStandIn.ACCOUNT, AzureFilesStandIn.KEY);

    @Test
    void acceptsWhatTheJavaSdkSignsAndRefusesChanges() throws Exception {
        StorageSharedKeyCredential sdk = new StorageSharedKeyCredential(AzureFilesStandIn.ACCOUNT,
                AzureFilesStandIn.KEY);
        Map<String, String> h = new LinkedHashMap<>();
        h.put("x-ms-date", "Mon, 23 Nov 2026 21:00:00 GMT");
        h.put("x-ms-version", "2025-05-05");
        h.put("x-ms-meta-Owner", "tests");
        h.put("Content-Length", "0");
        URL url = new URL(AzureFilesStandIn.SDK_ENDPOINT + "/share/dir%2Ffile.txt?comp=metadata");
        String authorization = sdk.generateAuthorizationHeader(url, "PUT", h);
        Map<String, List<String>> request = new LinkedHashMap<>();
        h.forEach((k, v) -> request.put(k, List.of(v)));
        request.put("Authorization", List.of(authorization));
        assertThat(verifier.verify("PUT", request, "/share/dir%2Ffile.txt", "comp=metadata")).isTrue();
        assertThat(verifier.verify("PUT", request, "/share/dir%2Fother.txt", "comp=metadata")).isFalse();
        assertThat(verifier.verify("GET", request, "/share/dir%2Ffile.txt", "comp=metadata")).isFalse();
        request.put("x-ms-meta-Owner", List.of("someone else"));
        assertThat(verifier.verify("PUT", request, "/share/dir%2Ffile.txt", "comp=metadata")).isFalse();
    }
}
