package io.unistore.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unistore.Capability;
import io.unistore.ErrorCode;
import io.unistore.StorageAccount;
import io.unistore.StorageException;
import io.unistore.Unistore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Address forms and options, checked when an account opens (opening does no I/O). */
class GcsProviderTest {
    private static final String LOCAL = "http://127.0.0.1:9";

    @Test
    void claimsGsAddressesThroughServiceLoader() {
        GcsProvider p = new GcsProvider();
        assertThat(p.accepts("gs://my-project")).isTrue();
        assertThat(p.accepts("GS://my-project")).isTrue();
        assertThat(p.accepts("s3://bucket")).isFalse();
        assertThat(p.accepts("file:/tmp")).isFalse();
        assertThat(Unistore.installedProviders()).contains("gcp");
        try (StorageAccount a = Unistore.open("gs://my-project?endpoint=" + LOCAL + "&credentials=none")) {
            assertThat(a.providerId()).isEqualTo("gcp");
            assertThat(a.displayName()).isEqualTo("gcp: project my-project at " + LOCAL + " (no credentials)");
        }
    }

    @Test
    void optionsWinOverTheAddressQuery() {
        try (StorageAccount a = Unistore.open("gs://from-address?endpoint=http://127.0.0.1:1&credentials=none",
                Map.of("project", "from-options", "endpoint", LOCAL, "versioning", "true"))) {
            assertThat(a.displayName()).contains("project from-options").contains(LOCAL);
            assertThat(a.capabilities().has(Capability.BLOB_VERSIONS)).isTrue();
        }
    }

    @Test
    void declaresWhatGcsHas() {
        try (StorageAccount a = Unistore.open("gs://p", Map.of("endpoint", LOCAL, "credentials", "none"))) {
            assertThat(a.capabilities().capabilities()).containsExactlyInAnyOrder(Capability.BLOBS,
                    Capability.BLOB_TIERS, Capability.BLOB_ARCHIVE, Capability.BLOB_SERVER_SIDE_COPY,
                    Capability.BLOB_CONTAINER_LIFECYCLE);
            assertThatThrownBy(a::tables).extracting(e -> ((StorageException) e).code()).isEqualTo(ErrorCode.UNSUPPORTED);
        }
    }

    @Test
    void badAddressesAndOptionsNameTheField() {
        assertInvalid("gs://p/bucket/object", Map.of(), "address");
        assertInvalid("gs://p", Map.of("endpoint", "ftp://127.0.0.1"), "endpoint");
        assertInvalid("gs://p", Map.of("endpoint", "http://user:pw@127.0.0.1:1"), "endpoint");
        assertInvalid("gs://p", Map.of("endpoint", LOCAL), "credentials");
        assertInvalid("gs://", Map.of("endpoint", LOCAL, "credentials", "none"), "project");
        assertInvalid("gs://p", Map.of("endpoint", LOCAL, "credentials", "none", "chunkSize", "1000"), "chunkSize");
        assertInvalid("gs://p", Map.of("endpoint", LOCAL, "credentials", "none", "versioning", "yes"), "versioning");
        assertInvalid("gs://p", Map.of("endpoint", LOCAL, "credentials", "/no/such/key.json"), "credentials");
    }

    @Test
    void aBrokenKeyFileIsUnauthenticatedWithoutShowingItsContent(@TempDir Path dir) throws Exception {
        Path key = Files.writeString(dir.resolve("key.json"), "{\"type\":\"service_account\",\"private_key\":"
                + "\"TOPSECRETMATERIAL\"}");
        assertThatThrownBy(() -> Unistore.open("gs://p", Map.of("endpoint", LOCAL, "credentials", key.toString())))
                .isInstanceOf(StorageException.class)
                .satisfies(e -> assertThat(((StorageException) e).code()).isEqualTo(ErrorCode.UNAUTHENTICATED))
                .hasMessageNotContaining("TOPSECRETMATERIAL");
    }

    private static void assertInvalid(String address, Map<String, String> options, String field) {
        assertThatThrownBy(() -> Unistore.open(address, options)).isInstanceOf(StorageException.class)
                .satisfies(e -> assertThat(((StorageException) e).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                .hasMessageStartingWith(field);
    }
}
