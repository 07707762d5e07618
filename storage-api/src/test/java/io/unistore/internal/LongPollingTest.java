package io.unistore.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LongPollingTest {
    @Test
    void withoutAWaitItAsksOnce() {
        AtomicInteger calls = new AtomicInteger();
        assertThat(LongPolling.receive(Duration.ZERO, () -> {
            calls.incrementAndGet();
            return List.of();
        })).isEmpty();
        assertThat(calls).hasValue(1);
    }

    @Test
    void itAsksAgainUntilSomethingComes() {
        AtomicInteger calls = new AtomicInteger();
        List<String> got = LongPolling.receive(Duration.ofSeconds(10), () -> calls.incrementAndGet() < 3
                ? List.of() : List.of("m"));
        assertThat(got).containsExactly("m");
        assertThat(calls).hasValue(3);
    }

    @Test
    void itGivesUpWhenTheWaitIsOver() {
        long start = System.nanoTime();
        assertThat(LongPolling.receive(Duration.ofMillis(600), List::of)).isEmpty();
        long ms = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertThat(ms).isBetween(550L, 5_000L);
    }

    @Test
    void aProviderThatWaitsItselfIsAskedOnce() {
        AtomicInteger calls = new AtomicInteger();
        // As SQS: the first call spends the whole wait on the server.
        assertThat(LongPolling.receive(Duration.ofMillis(300), () -> {
            calls.incrementAndGet();
            try {
                Thread.sleep(350);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            return List.of();
        })).isEmpty();
        assertThat(calls).hasValue(1);
    }
}
