package io.unistore.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChildJvmTest {

    /** Prints its arguments and its heap limit, then exits with the code given as its first argument. */
    static final class Echo {
        public static void main(String[] args) {
            System.out.println("ARGS " + String.join(",", args));
            System.out.println("MAX_HEAP_MIB " + Runtime.getRuntime().maxMemory() / (1024 * 1024));
            System.err.println("on stderr too");
            System.exit(Integer.parseInt(args[0]));
        }
    }

    /** Never ends on its own. */
    static final class Sleeper {
        public static void main(String[] args) throws InterruptedException {
            System.out.println("SLEEPING");
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    @Test
    void aMainRunsWithTheGivenFlagsAndArgumentsOnTheTestClassPath() {
        ChildJvm.Result r = ChildJvm.run(Echo.class, List.of("-Xmx48m"), List.of("3", "ünï", "two words"),
                Duration.ofMinutes(1));
        assertThat(r.timedOut()).isFalse();
        assertThat(r.exitCode()).as(r.output()).isEqualTo(3);
        assertThat(r.succeeded()).isFalse();
        assertThat(r.line("ARGS")).isEqualTo("ARGS 3,ünï,two words");
        assertThat(Long.parseLong(r.line("MAX_HEAP_MIB").split(" ")[1])).isLessThanOrEqualTo(48);
        assertThat(r.output()).contains("on stderr too");
        assertThat(r.line("NOTHING")).isNull();
    }

    @Test
    void aChildStillRunningAtTheTimeLimitIsKilled() {
        ChildJvm.Result r = ChildJvm.run(Sleeper.class, List.of(), List.of(), Duration.ofSeconds(3));
        assertThat(r.timedOut()).isTrue();
        assertThat(r.exitCode()).isEqualTo(-1);
        assertThat(r.elapsed()).isLessThan(Duration.ofSeconds(60));
    }

    @Test
    void largeRoundTripExplainsItsArgumentsAndFailsWithoutAProvider() {
        ChildJvm.Result usage = ChildJvm.run(LargeRoundTrip.class, List.of(), List.of(), Duration.ofMinutes(1));
        assertThat(usage.exitCode()).isEqualTo(2);
        assertThat(usage.output()).contains("usage: LargeRoundTrip <bytes> <address>");

        // No provider is on this module's class path: the run fails cleanly, naming why.
        ChildJvm.Result none = ChildJvm.run(LargeRoundTrip.class, List.of("-Xmx64m"), List.of("1024", "nowhere:x"),
                Duration.ofMinutes(1));
        assertThat(none.exitCode()).as(none.output()).isEqualTo(1);
        assertThat(none.line(LargeRoundTrip.RESULT)).startsWith(LargeRoundTrip.RESULT + " ok=false")
                .contains("no installed Unistore provider accepts");
    }
}
