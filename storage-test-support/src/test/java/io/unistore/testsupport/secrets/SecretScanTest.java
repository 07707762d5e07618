package io.unistore.testsupport.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** The scanner finds every form a leak takes, wherever in an exception it hides; the capture sees every log. */
class SecretScanTest {
    private final SecretScan scan = new SecretScan(Canaries.all());

    @Test
    void cleanTextHasNoFinding() {
        scan.text("clean", "AccountName=x;AccountKey=***;sig=*** Bearer ***");
        assertThat(scan.findings()).isEmpty();
        assertThat(scan.sources()).isEqualTo(1);
    }

    @Test
    void everyFormOfACanaryIsFound() {
        String sig = Canaries.SAS_SIGNATURE.value();
        scan.text("raw", "https://a.blob.core.windows.net/c?sv=1&sig=" + sig);
        scan.text("encoded", "sig=" + URLEncoder.encode(sig, StandardCharsets.UTF_8));
        scan.text("lower", "sig=" + URLEncoder.encode(sig, StandardCharsets.UTF_8).replace("%2B", "%2b")
                .replace("%2F", "%2f").replace("%3D", "%3d"));
        scan.text("json", "{\"url\":\"" + sig.replace("/", "\\/") + "\"}");
        scan.text("decoded", "key bytes: unistore-canary:azure-account-key:1f7e3c9a5b2d4608e1f7");
        scan.text("cut short", "AccountKey=" + Canaries.AZURE_ACCOUNT_KEY.value().substring(0, 30) + "...");
        assertThat(scan.findings()).hasSize(6).anySatisfy(f -> assertThat(f).contains("(URL-encoded) in encoded"))
                .anySatisfy(f -> assertThat(f).contains("lower-case escapes"))
                .anySatisfy(f -> assertThat(f).contains("(JSON-escaped) in json"))
                .anySatisfy(f -> assertThat(f).contains("(base64-decoded) in decoded"))
                .anySatisfy(f -> assertThat(f).contains("(first 24 characters) in cut short"));
    }

    @Test
    void exceptionsAreReadWhole() {
        RuntimeException deep = new RuntimeException("outer", new IllegalStateException("middle",
                new IllegalArgumentException("token " + Canaries.BEARER_TOKEN.value())));
        scan.throwable("cause", deep);
        RuntimeException suppressed = new RuntimeException("clean");
        suppressed.addSuppressed(new Exception("secret " + Canaries.AWS_SECRET_KEY.value()));
        scan.throwable("suppressed", suppressed);
        assertThat(scan.findings()).anySatisfy(f -> assertThat(f).startsWith("the bearer token (as is) in cause "
                + "(IllegalArgumentException.getMessage)")).anySatisfy(f -> assertThat(f).contains(
                "aws secret access key (as is) in suppressed (stack trace)"));
    }

    @Test
    void theCaptureSeesStreamsAndJavaUtilLogging() {
        String marker = "marker-" + System.nanoTime();
        try (LogCapture capture = LogCapture.start()) {
            System.err.println(marker + " on stderr");
            Logger.getLogger("some.client").log(Level.FINEST, "fine {0}", marker + " as a parameter");
            Logger.getLogger("some.client").log(Level.WARNING, "failed", new IllegalStateException(marker + " thrown"));
            assertThat(capture.text()).contains(marker + " on stderr", marker + " as a parameter", marker + " thrown");
        }
        assertThat(List.of(Logger.getLogger("").getHandlers())).noneMatch(h -> h.getClass().getName()
                .contains("LogCapture"));
    }
}
