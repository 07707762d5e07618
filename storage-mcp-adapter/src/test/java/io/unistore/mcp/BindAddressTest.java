package io.unistore.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * How HTTP clients authenticate: always with a token (generated on loopback when none is given), --no-auth only
 * on loopback and never with a token, and a token chosen by the user off loopback.
 */
class BindAddressTest {

    @Test
    void loopbackGetsAGeneratedTokenWhenNoneIsGiven() {
        for (String a : new String[] {"127.0.0.1:8080", "localhost:0", "[::1]:9000", "127.0.0.2:1"}) {
            BindAddress bind = BindAddress.parse(a);
            assertThat(bind.isLoopback()).as(a).isTrue();
            HttpAuth auth = HttpAuth.of(bind, null, false);
            assertThat(auth.generated()).isTrue();
            assertThat(auth.token()).hasSizeGreaterThanOrEqualTo(43).isNotEqualTo(HttpAuth.of(bind, null, false)
                    .token());
            assertThat(HttpAuth.of(bind, "given", false)).isEqualTo(new HttpAuth("given", false));
            assertThat(HttpAuth.of(bind, null, true).token()).isNull();
            assertThatThrownBy(() -> HttpAuth.of(bind, "given", true)).hasMessageContaining("--no-auth")
                    .hasMessageContaining("--token");
            assertThatThrownBy(() -> HttpAuth.of(bind, " ", false)).hasMessageContaining("--token");
        }
    }

    @Test
    void anyOtherAddressNeedsATokenGivenByTheUser() {
        for (String a : new String[] {"0.0.0.0:8080", "10.1.2.3:80", "[::]:8080"}) {
            BindAddress bind = BindAddress.parse(a);
            assertThat(bind.isLoopback()).as(a).isFalse();
            assertThatThrownBy(() -> HttpAuth.of(bind, null, false)).hasMessageContaining("--token");
            assertThatThrownBy(() -> HttpAuth.of(bind, null, true)).hasMessageContaining("--no-auth")
                    .hasMessageContaining("loopback");
            assertThat(HttpAuth.of(bind, "s3cret", false).token()).isEqualTo("s3cret");
        }
    }

    @Test
    void badAddressesAreExplained() {
        assertThatThrownBy(() -> BindAddress.parse("8080")).hasMessageContaining("HOST:PORT");
        assertThatThrownBy(() -> BindAddress.parse("host:http")).hasMessageContaining("port must be a number");
        assertThatThrownBy(() -> BindAddress.parse("host:70000")).hasMessageContaining("0-65535");
    }
}
