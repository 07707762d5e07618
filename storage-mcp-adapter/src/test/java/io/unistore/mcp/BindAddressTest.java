package io.unistore.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The rule that only a loopback bind may go without a bearer token. */
class BindAddressTest {

    @Test
    void loopbackNeedsNoToken() {
        for (String a : new String[] {"127.0.0.1:8080", "localhost:0", "[::1]:9000", "127.0.0.2:1"}) {
            BindAddress bind = BindAddress.parse(a);
            assertThat(bind.isLoopback()).as(a).isTrue();
            assertThatCode(() -> bind.checkToken(null)).doesNotThrowAnyException();
        }
    }

    @Test
    void anyOtherAddressNeedsAToken() {
        for (String a : new String[] {"0.0.0.0:8080", "10.1.2.3:80", "[::]:8080"}) {
            BindAddress bind = BindAddress.parse(a);
            assertThat(bind.isLoopback()).as(a).isFalse();
            assertThatThrownBy(() -> bind.checkToken(null)).hasMessageContaining("--token");
            assertThatThrownBy(() -> bind.checkToken(" ")).hasMessageContaining("--token");
            assertThatCode(() -> bind.checkToken("s3cret")).doesNotThrowAnyException();
        }
    }

    @Test
    void badAddressesAreExplained() {
        assertThatThrownBy(() -> BindAddress.parse("8080")).hasMessageContaining("HOST:PORT");
        assertThatThrownBy(() -> BindAddress.parse("host:http")).hasMessageContaining("port must be a number");
        assertThatThrownBy(() -> BindAddress.parse("host:70000")).hasMessageContaining("0-65535");
    }
}
