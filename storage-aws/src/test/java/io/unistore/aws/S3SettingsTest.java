package io.unistore.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unistore.ErrorCode;
import io.unistore.StorageAccount;
import io.unistore.StorageException;
import io.unistore.Unistore;
import io.unistore.spi.ProviderConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Address and option forms, and that no secret ever shows. */
class S3SettingsTest {
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    private static S3Settings parse(String address, Map<String, String> options) {
        return S3Settings.parse(new ProviderConfig(address, options), () -> null);
    }

    @Test
    void plainAddressTakesTheRegionOption() {
        S3Settings s = parse("s3://", Map.of("region", "eu-west-1"));
        assertThat(s.region()).isEqualTo("eu-west-1");
        assertThat(s.endpoint()).isNull();
        assertThat(s.pathStyle()).isFalse();
        assertThat(s.credentials()).isInstanceOf(S3Settings.Credentials.DefaultChain.class);
        assertThat(s.partSize()).isEqualTo(8L << 20);
        assertThat(s.concurrency()).isEqualTo(4);
        assertThat(s.versioning()).isFalse();
        assertThat(s.archiveClass()).isEqualTo("GLACIER");
    }

    @Test
    void optionsComeFromTheQueryStringAndOptionsWin() {
        S3Settings s = parse("s3://?region=eu-west-1&endpoint=http%3A%2F%2F127.0.0.1%3A9000&profile=backup"
                + "&partSize=16MiB&versioning&archiveClass=deep_archive", Map.of("region", "us-west-2"));
        assertThat(s.region()).isEqualTo("us-west-2");
        assertThat(s.endpoint()).hasToString("http://127.0.0.1:9000");
        assertThat(s.pathStyle()).as("an endpoint override defaults to path-style").isTrue();
        assertThat(s.credentials()).isEqualTo(new S3Settings.Credentials.Profile("backup"));
        assertThat(s.partSize()).isEqualTo(16L << 20);
        assertThat(s.versioning()).isTrue();
        assertThat(s.archiveClass()).isEqualTo("DEEP_ARCHIVE");
        assertThat(s.describe()).isEqualTo("aws S3 us-west-2 at http://127.0.0.1:9000 (path-style), profile backup");
    }

    @Test
    void regionFallsBackToTheEnvironmentThenToUsEast1ForEndpoints() {
        assertThat(S3Settings.parse(new ProviderConfig("s3://", Map.of()), () -> "ap-south-1").region())
                .isEqualTo("ap-south-1");
        assertThat(parse("s3://?endpoint=https://s3.example.com", Map.of()).region()).isEqualTo("us-east-1");
        assertThatThrownBy(() -> parse("s3://", Map.of()))
                .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.code())
                        .isEqualTo(ErrorCode.INVALID_ARGUMENT))
                .hasMessageStartingWith("region:");
    }

    @Test
    void staticKeysAreHiddenEverywhere() {
        S3Settings s = parse("s3://?region=us-east-1&accessKeyId=AKIDEXAMPLE&secretAccessKey=" + SECRET
                + "&sessionToken=tok3n", Map.of());
        assertThat(s.credentials()).isEqualTo(new S3Settings.Credentials.Static("AKIDEXAMPLE", SECRET, "tok3n"));
        assertThat(s.toString()).doesNotContain(SECRET).doesNotContain("AKIDEXAMPLE").doesNotContain("tok3n");
        assertThat(s.credentials().toString()).doesNotContain(SECRET).doesNotContain("AKIDEXAMPLE");
        assertThat(s.describe()).doesNotContain(SECRET).doesNotContain("AKIDEXAMPLE");
    }

    @Test
    void anOpenedAccountShowsNoSecret() {
        try (StorageAccount account = Unistore.open("s3://?accessKeyId=AKIDEXAMPLE&secretAccessKey=" + SECRET,
                Map.of("region", "eu-west-1"))) {
            assertThat(account.providerId()).isEqualTo("aws");
            assertThat(account.displayName()).isEqualTo("aws S3 eu-west-1").doesNotContain(SECRET);
            assertThat(account.toString()).doesNotContain(SECRET).doesNotContain("AKIDEXAMPLE");
        }
    }

    @Test
    void badInputNamesTheOptionAndTheRule() {
        assertInvalid(() -> parse("s3://my-bucket", Map.of("region", "eu-west-1")), "address:");
        assertInvalid(() -> parse("s3://", Map.of("region", "eu-west-1", "regoin", "x")), "options:");
        assertInvalid(() -> parse("s3://", Map.of("region", "eu-west-1", "secretAccessKey", SECRET)),
                "accessKeyId:");
        assertInvalid(() -> parse("s3://", Map.of("region", "eu-west-1", "accessKeyId", "AKID")),
                "secretAccessKey:");
        assertInvalid(() -> parse("s3://", Map.of("region", "eu-west-1", "profile", "p", "accessKeyId", "a",
                "secretAccessKey", SECRET)), "credentials:");
        assertInvalid(() -> parse("s3://", Map.of("region", "eu-west-1", "partSize", "1MiB")), "partSize:");
        assertInvalid(() -> parse("s3://", Map.of("region", "eu-west-1", "partSize", "lots")), "partSize:");
        assertInvalid(() -> parse("s3://", Map.of("region", "eu-west-1", "concurrency", "0")), "concurrency:");
        assertInvalid(() -> parse("s3://", Map.of("region", "eu-west-1", "archiveClass", "COLD")), "archiveClass:");
        assertInvalid(() -> parse("s3://", Map.of("region", "eu-west-1", "endpoint", "ftp://x")), "endpoint:");
        assertInvalid(() -> parse("s3://", Map.of("region", "EU WEST")), "region:");
        assertInvalid(() -> parse("s3://", Map.of("region", "eu-west-1", "versioning", "yes")), "versioning:");
    }

    @Test
    void errorsAboutSecretsDoNotRepeatThem() {
        assertThatThrownBy(() -> parse("s3://", Map.of("region", "eu-west-1", "secretAccessKey", SECRET)))
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void theProviderClaimsS3AddressesOnly() {
        S3Provider p = new S3Provider();
        assertThat(p.id()).isEqualTo("aws");
        assertThat(p.accepts("s3://")).isTrue();
        assertThat(p.accepts("S3://?region=eu-west-1")).isTrue();
        assertThat(p.accepts("gs://bucket")).isFalse();
        assertThat(p.accepts("file:/tmp")).isFalse();
        assertThat(p.accepts("DefaultEndpointsProtocol=https;AccountName=a")).isFalse();
        assertThat(Unistore.installedProviders()).contains("aws");
    }

    private static void assertInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String prefix) {
        assertThatThrownBy(call).isInstanceOfSatisfying(StorageException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT)).hasMessageStartingWith(prefix);
    }
}
