package io.unistore.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unistore.ErrorCode;
import io.unistore.StorageAccount;
import io.unistore.StorageException;
import io.unistore.Unistore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DiscoveryTest {

    @AfterEach
    void clearProperty() {
        System.clearProperty(Unistore.PROVIDER_PROPERTY);
    }

    /** What the code under test wrote to System.err (where slf4j-simple logs) while {@code call} ran. */
    private static String stderrOf(Runnable call) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            call.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aProviderThatFailsToLoadIsSkippedWithAWarning() {
        AtomicReference<List<String>> installed = new AtomicReference<>();
        String log = stderrOf(() -> installed.set(Unistore.installedProviders()));
        assertThat(installed.get()).containsExactly("alpha", "beta", "fussy", "memo");
        assertThat(log).contains("WARN").contains("failed to load and is skipped").contains("NoSuchProvider");
    }

    @Test
    void aProviderWhoseAcceptsFailsIsSkippedWithAWarning() {
        AtomicReference<String> opened = new AtomicReference<>();
        String log = stderrOf(() -> {
            try (StorageAccount a = Unistore.open("alpha:fussy")) {
                opened.set(a.providerId());
            }
        });
        assertThat(opened.get()).isEqualTo("alpha");
        assertThat(log).contains("WARN").contains("'fussy' failed while checking an address and is skipped");
    }

    @Test
    void propertiesNameTheAddressAndTheProvider() {
        Properties p = new Properties();
        p.setProperty("address", "shared:x");
        p.setProperty("provider", "alpha");
        try (StorageAccount a = Unistore.open(p)) {
            assertThat(a.providerId()).isEqualTo("alpha");
        }
    }

    @Test
    void exactlyOneMatchOpens() {
        try (StorageAccount a = Unistore.open("alpha:x")) {
            assertThat(a.providerId()).isEqualTo("alpha");
        }
        try (StorageAccount b = Unistore.open("beta:x")) {
            assertThat(b.providerId()).isEqualTo("beta");
        }
    }

    @Test
    void noMatchListsWhatIsInstalled() {
        assertThatThrownBy(() -> Unistore.open("gamma://x?sig=SECRET"))
                .isInstanceOf(StorageException.class)
                .satisfies(e -> assertThat(((StorageException) e).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                .hasMessageContaining("no installed Unistore provider accepts")
                .hasMessageContaining("alpha (alpha:<anything>)").hasMessageContaining("beta (beta:<anything>)")
                .hasMessageNotContaining("SECRET");
    }

    @Test
    void twoMatchesNameBothAndSayHowToChoose() {
        assertThatThrownBy(() -> Unistore.open("shared:x"))
                .hasMessageContaining("alpha, beta").hasMessageContaining("provider=<id>")
                .hasMessageContaining(Unistore.PROVIDER_PROPERTY);
    }

    @Test
    void aProviderCanBeNamedExplicitly() {
        try (StorageAccount a = Unistore.builder().address("shared:x").provider("beta").open()) {
            assertThat(a.providerId()).isEqualTo("beta");
        }
        try (StorageAccount a = Unistore.open("shared:x", Map.of("provider", "alpha"))) {
            assertThat(a.providerId()).isEqualTo("alpha");
        }
        System.setProperty(Unistore.PROVIDER_PROPERTY, "beta");
        try (StorageAccount a = Unistore.open("shared:x")) {
            assertThat(a.providerId()).isEqualTo("beta");
        }
        assertThatThrownBy(() -> Unistore.builder().address("x").provider("nope").open())
                .hasMessageContaining("no installed Unistore provider has id 'nope'");
    }

    @Test
    void anAddressIsRequired() {
        assertThatThrownBy(() -> Unistore.open("  ")).hasMessageStartingWith("address:");
    }

    @Test
    void providerConfigHidesValues() {
        ProviderConfig c = new ProviderConfig("DefaultEndpointsProtocol=https;AccountKey=SECRETKEY",
                Map.of("accountKey", "SECRET2"));
        assertThat(c.toString()).doesNotContain("SECRETKEY").doesNotContain("SECRET2").contains("accountKey");
        assertThat(new ProviderConfig("x", Map.of("n", "12")).intOption("n", 0)).isEqualTo(12);
        assertThatThrownBy(() -> new ProviderConfig("x", Map.of("n", "twelve")).intOption("n", 0))
                .hasMessageStartingWith("n:");
        assertThatThrownBy(() -> new ProviderConfig("x", Map.of("b", "yes")).booleanOption("b", false))
                .hasMessageStartingWith("b:");
    }
}
