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
    void addressesNobodyReadsShowTheirShapeOnly() {
        assertThat(Secrets.redactAddress("AcountKey=c2VjcmV0==,AccountName=acct,DefaultEndpointsProtocol=https"))
                .isEqualTo("AcountKey=***,AccountName=***,DefaultEndpointsProtocol=***");
        assertThat(Secrets.redactAddress("https//acct.blob.core.windows.net/box?sv=2024&xsig=c2VjcmV0"))
                .isEqualTo("https//acct.blob.core.windows.net/box?***");
        assertThat(Secrets.redactAddress("/srv/data")).isEqualTo("/srv/data");
        assertThat(Secrets.redactAddress(null)).isNull();
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
    void urlsEchoedInXmlOrJsonLoseTheirSignatures() {
        // Found by the secrets harness: a service repeating the request in its XML error escapes '&' as "&amp;".
        assertThat(Secrets.redact("<Message>GET /c/b?sv=1&amp;sp=r&amp;sig=S3cr3t%2BSig%3D HTTP/1.1</Message>"))
                .doesNotContain("S3cr3t").contains("sp=r");
        assertThat(Secrets.redact("{\"url\":\"/o?X-Goog-Date=1\\u0026X-Goog-Signature=cafe01\"}"))
                .doesNotContain("cafe01");
    }

    @Test
    void exceptionChainsHoldingASecretAreCopiedMasked() {
        IllegalStateException clean = new IllegalStateException("nothing here", new RuntimeException("nor here"));
        assertThat(Secrets.redactThrowable(clean)).isSameAs(clean);
        assertThat(Secrets.redactThrowable(null)).isNull();

        java.io.IOException sdk = new java.io.IOException(
                "Status code 400, <Message>GET /c?sv=1&sig=S3cr3tSig</Message>");
        RuntimeException wrapper = new RuntimeException("wrapped", sdk);
        wrapper.addSuppressed(new IllegalArgumentException("AccountKey=a2V5S2V5"));
        Throwable red = Secrets.redactThrowable(wrapper);
        assertThat(red).isInstanceOf(RedactedException.class).hasMessage("wrapped");
        assertThat(red.toString()).isEqualTo("java.lang.RuntimeException: wrapped");
        assertThat(red.getStackTrace()).isEqualTo(wrapper.getStackTrace());
        assertThat(red.getCause().toString()).startsWith("java.io.IOException: Status code 400").contains("sig=***")
                .doesNotContain("S3cr3tSig");
        assertThat(red.getSuppressed()).singleElement().satisfies(s -> assertThat(s.toString())
                .isEqualTo("java.lang.IllegalArgumentException: AccountKey=***"));
        java.io.StringWriter printed = new java.io.StringWriter();
        red.printStackTrace(new java.io.PrintWriter(printed));
        assertThat(printed.toString()).doesNotContain("S3cr3tSig").doesNotContain("a2V5S2V5")
                .contains("Caused by: java.io.IOException");
        assertThat(new io.unistore.StorageException(io.unistore.ErrorCode.INTERNAL, "failed", wrapper).getCause())
                .isInstanceOf(RedactedException.class);
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
