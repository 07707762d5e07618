package io.unistore.spi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void connectionStringKeysAndSasAreMasked() {
        String cs = "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=c2VjcmV0S2V5PT0=;"
                + "SharedAccessSignature=sv=2024&sig=abc%2Bdef;EndpointSuffix=core.windows.net";
        String red = Secrets.redact(cs);
        assertThat(red).doesNotContain("c2VjcmV0S2V5PT0=").doesNotContain("abc%2Bdef")
                .contains("AccountName=acct").contains("AccountKey=***");
    }

    @Test
    void signedUrlsLoseTheirSignatures() {
        String sas = "https://acct.blob.core.windows.net/c/b?sv=2024-05-04&se=2026-01-01&sp=r&sig=S3cr3tSig%3D";
        assertThat(Secrets.redact(sas)).doesNotContain("S3cr3tSig").contains("sp=r").contains("sig=***");
        String s3 = "https://b.s3.amazonaws.com/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAX%2F2026"
                + "&X-Amz-Signature=deadbeef&X-Amz-Security-Token=tok123";
        assertThat(Secrets.redact(s3)).doesNotContain("deadbeef").doesNotContain("tok123").doesNotContain("AKIAX");
        String gcs = "https://storage.googleapis.com/b/o?X-Goog-Credential=sa%40p.iam&X-Goog-Signature=cafebabe";
        assertThat(Secrets.redact(gcs)).doesNotContain("cafebabe").doesNotContain("sa%40p.iam");
    }

    @Test
    void tokensAndUserInfoAreMasked() {
        assertThat(Secrets.redact("Authorization: Bearer eyJhbGciOi.payload.sig")).doesNotContain("eyJhbGciOi");
        assertThat(Secrets.redact("Authorization: SharedKey acct:Zm9vYmFy")).doesNotContain("Zm9vYmFy");
        assertThat(Secrets.redact("http://user:p4ss@host/x")).doesNotContain("p4ss");
        assertThat(Secrets.redact("secretAccessKey=abc/def+ghi")).doesNotContain("abc/def");
        assertThat(Secrets.redact(null)).isNull();
        assertThat(Secrets.redact("nothing secret here")).isEqualTo("nothing secret here");
    }

    @Test
    void longTextIsRedactedInLinearTime() {
        // Found by the MCP fuzzer: a megabyte path echoed in an error took minutes to redact, and the call went
        // unanswered.
        String hostile = "ab-c".repeat(64 * 1024);
        String userInfo = "x".repeat(40) + "+" + "http://user:p4ss@host/" + "-a".repeat(25_000);
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(5), () -> {
            assertThat(Secrets.redact(hostile)).isEqualTo(hostile);
            assertThat(Secrets.redact(userInfo)).doesNotContain("p4ss");
        });
    }

    @Test
    void continuationTokensAreOpaqueAndChecked() {
        String token = ContinuationTokens.encode("marker/with?odd&chars");
        assertThat(token).doesNotContain("/").doesNotContain("?");
        assertThat(ContinuationTokens.decode(token)).isEqualTo("marker/with?odd&chars");
        assertThat(ContinuationTokens.encode(null)).isNull();
        assertThat(ContinuationTokens.decode(null)).isNull();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ContinuationTokens.decode("not base64!"))
                .hasMessageStartingWith("continuationToken:");
    }
}
