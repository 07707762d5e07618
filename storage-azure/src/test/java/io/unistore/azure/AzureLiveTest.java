package io.unistore.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.unistore.ListOptions;
import io.unistore.StorageAccount;
import io.unistore.Unistore;
import io.unistore.blob.BlobProperties;
import io.unistore.blob.BlobStore;
import io.unistore.blob.PresignOptions;
import io.unistore.blob.ReadOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Against a real Azure Storage account, only when {@code UNISTORE_AZURE_CONNECTION_STRING} is set (never in CI
 * here): what no local back end has. Blob versions need versioning enabled on the account; the user delegation
 * SAS needs {@code UNISTORE_AZURE_ACCOUNT_URL} (https://&lt;account&gt;.blob.core.windows.net) and an Entra ID
 * sign-in DefaultAzureCredential finds, with the Storage Blob Data Contributor role.
 */
class AzureLiveTest {
    private static final String CONNECTION_STRING = System.getenv("UNISTORE_AZURE_CONNECTION_STRING");

    @Test
    void versionsAreListedReadAndRestored() {
        assumeTrue(CONNECTION_STRING != null, "UNISTORE_AZURE_CONNECTION_STRING is not set");
        try (StorageAccount account = Unistore.open(CONNECTION_STRING)) {
            BlobStore blobs = account.blobs();
            String container = AzuriteAccounts.name("live-versions");
            blobs.createContainer(container);
            try {
                String v1 = blobs.upload(container, "doc.txt", "one".getBytes()).versionId();
                blobs.upload(container, "doc.txt", "two".getBytes());
                assertThat(v1).as("versioning must be enabled on the account").isNotNull();
                List<BlobProperties> versions = blobs.listVersions(container, "doc.txt", ListOptions.defaults())
                        .stream().toList();
                assertThat(versions).hasSizeGreaterThanOrEqualTo(2);
                assertThat(versions.get(versions.size() - 1).currentVersion()).isTrue();
                assertThat(blobs.openInputStream(container, "doc.txt", ReadOptions.defaults().withVersionId(v1)))
                        .hasBinaryContent("one".getBytes());
                blobs.restoreVersion(container, "doc.txt", v1);
                assertThat(blobs.downloadBytes(container, "doc.txt")).isEqualTo("one".getBytes());
            } finally {
                blobs.deleteContainer(container);
            }
        }
    }

    @Test
    void userDelegationSasWithEntraId() throws Exception {
        String accountUrl = System.getenv("UNISTORE_AZURE_ACCOUNT_URL");
        assumeTrue(CONNECTION_STRING != null && accountUrl != null,
                "UNISTORE_AZURE_CONNECTION_STRING and UNISTORE_AZURE_ACCOUNT_URL are not set");
        try (StorageAccount keyed = Unistore.open(CONNECTION_STRING);
             StorageAccount entra = Unistore.open(accountUrl, Map.of())) {
            String container = AzuriteAccounts.name("live-sas");
            keyed.blobs().createContainer(container);
            try {
                keyed.blobs().upload(container, "shared.txt", "hello".getBytes());
                URI url = entra.blobs().generatePresignedUrl(container, "shared.txt",
                        PresignOptions.read(Duration.ofMinutes(5)));
                assertThat(url.getQuery()).contains("skoid=");
                HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.body()).isEqualTo("hello");
            } finally {
                keyed.blobs().deleteContainer(container);
            }
        }
    }
}
