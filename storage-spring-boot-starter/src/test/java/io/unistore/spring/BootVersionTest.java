package io.unistore.spring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootVersion;

/** These tests run twice, on Boot 3 and on Boot 4: each run says which it expects, so neither passes on the other. */
class BootVersionTest {

    @Test
    void theTestsRunOnTheBootVersionTheirModuleNames() {
        String expected = System.getProperty("unistore.spring-boot.expected");
        assertThat(expected).as("system property unistore.spring-boot.expected (set by the module's pom)").isNotNull();
        assertThat(SpringBootVersion.getVersion()).startsWith(expected);
    }
}
