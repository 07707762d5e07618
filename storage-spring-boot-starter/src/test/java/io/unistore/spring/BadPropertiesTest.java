package io.unistore.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.testsupport.secrets.Canaries;
import io.unistore.testsupport.secrets.LogCapture;
import io.unistore.testsupport.secrets.SecretScan;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Bad values stop the application at startup with a message naming the property, and never a secret. */
class BadPropertiesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(UnistoreAutoConfiguration.class));

    @TempDir
    Path dir;

    private void failsNaming(String property, String... values) {
        runner.withPropertyValues(values).run(context -> {
            assertThat(context).hasFailed();
            assertThat(messages(context.getStartupFailure())).contains(property);
        });
    }

    private static String messages(Throwable t) {
        StringBuilder all = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            all.append(c.getMessage()).append('\n');
        }
        return all.toString();
    }

    @Test
    void aMissingOrBlankAddress() {
        failsNaming("unistore.accounts.main.address", "unistore.accounts.main.options.versioning=false");
        failsNaming("unistore.accounts.main.address", "unistore.accounts.main.address= ");
    }

    @Test
    void anAddressNoProviderClaims() {
        failsNaming("unistore.accounts.main", "unistore.accounts.main.address=nosuch://x");
    }

    @Test
    void anUnknownLayerOrABadLayerOption() {
        failsNaming("unistore.accounts.main.layers", "unistore.accounts.main.address=file:" + dir,
                "unistore.accounts.main.layers=nosuch");
        failsNaming("unistore.accounts.main.options.tagging.tag", "unistore.accounts.main.address=file:" + dir,
                "unistore.accounts.main.layers=tagging", "unistore.accounts.main.options.tagging.tag= ");
    }

    @Test
    void aBadAccountNameOrPrimary() {
        failsNaming("unistore.accounts.bad_name", "unistore.accounts.bad_name.address=file:" + dir);
        failsNaming("unistore.primary", "unistore.accounts.a.address=file:" + dir, "unistore.primary=b");
    }

    @Test
    void valuesOfTheWrongType() {
        failsNaming("unistore.health.timeout", "unistore.health.timeout=soon");
        failsNaming("unistore.metrics", "unistore.metrics=perhaps");
    }

    @Test
    void aFailingAccountNeverShowsItsKey() {
        SecretScan scan = new SecretScan(Canaries.all());
        String key = Canaries.AZURE_ACCOUNT_KEY.value();
        try (LogCapture log = LogCapture.start()) {
            runner.withPropertyValues("unistore.accounts.main.address=DefaultEndpointsProtocol=http;AccountName=a;"
                            + "AccountKey=" + key + ";BlobEndpoint=http://127.0.0.1:9/a;",
                            "unistore.accounts.main.layers=nosuch")
                    .run(context -> {
                        assertThat(context).hasFailed();
                        assertThat(messages(context.getStartupFailure()))
                                .contains("unistore.accounts.main.layers");
                        scan.throwable("startup failure", context.getStartupFailure());
                    });
            scan.text("log", log.text());
        }
        assertThat(scan.findings()).isEmpty();
    }
}
