package io.unistore.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unistore.Capabilities;
import io.unistore.Capability;
import io.unistore.StorageAccount;
import io.unistore.Unistore;
import io.unistore.queue.QueueMessage;
import io.unistore.spi.ForwardingAccountBackend;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Queue messages older than a cut-off expired by peeking, on local and Azurite; a queue without peek is left alone. */
class QueueExpiryTest {
    static Stream<Backends.Backend> queues() {
        return Stream.of(new Backends.Backend("local", Backends::local),
                new Backends.Backend("azurite", Backends::azurite),
                // As SQS declares itself (no QUEUE_PEEK): a local queue behind a layer declaring less. Starting
                // ElasticMQ here would cost the suite about 20 s for the one branch that only reads the capability.
                new Backends.Backend("no-peek", () -> Unistore.layered(Backends.local(),
                        inner -> new ForwardingAccountBackend(inner) {
                            @Override
                            public Capabilities capabilities() {
                                return super.capabilities().without(Capability.QUEUE_PEEK);
                            }
                        })));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queues")
    void oldMessagesAreDeletedAndYoungOnesStayVisible(Backends.Backend backend) throws Exception {
        String queue = "expiry-" + Long.toHexString(System.nanoTime());
        try (StorageAccount account = backend.open().get()) {
            account.queues().createQueue(queue);
            try {
                for (int i = 0; i < 3; i++) {
                    account.queues().sendMessage(queue, "old" + i);
                }
                Instant mark = Instant.now();
                Thread.sleep(backend.name().equals("azurite") ? 1500 : 300); // Azure keeps insertion times to the second
                for (int i = 0; i < 2; i++) {
                    account.queues().sendMessage(queue, "young" + i);
                }
                // Messages inserted more than an hour before "now" expire: those sent before mark + 200 ms.
                Instant now = mark.plusMillis(200).plus(Duration.ofHours(1));
                QueueExpiry.Result dry = QueueExpiry.expire(account, queue, Duration.ofHours(1), true, now, null);
                if (backend.name().equals("no-peek")) {
                    assertThat(dry.notDone()).contains("cannot be peeked", "time to live");
                    assertThat(QueueExpiry.expire(account, queue, Duration.ofHours(1), false, now, null).deleted())
                            .isZero();
                    assertThat(account.queues().getQueueProperties(queue).approximateMessageCount()).isEqualTo(5);
                    return;
                }
                assertThat(dry.notDone()).isNull();
                assertThat(dry.expired()).isEqualTo(3);
                assertThat(dry.deleted()).isZero();
                assertThat(account.queues().peekMessages(queue, 10)).hasSize(5);

                QueueExpiry.Result r = QueueExpiry.expire(account, queue, Duration.ofHours(1), false, now, null);
                assertThat(r.deleted()).isEqualTo(3);
                assertThat(r.skippedChanged()).isZero();
                List<QueueMessage> left = account.queues().peekMessages(queue, 10);
                assertThat(left).extracting(m -> new String(m.body(), StandardCharsets.UTF_8))
                        .containsExactly("young0", "young1");
                QueueExpiry.Result again = QueueExpiry.expire(account, queue, Duration.ofHours(1), false, now, null);
                assertThat(again.deleted()).isZero();
                assertThat(account.queues().peekMessages(queue, 10)).hasSize(2);
                assertThatThrownBy(() -> QueueExpiry.expire(account, queue, Duration.ofHours(-1), false, now, null))
                        .hasMessageContaining("olderThan");
            } finally {
                account.queues().deleteQueue(queue);
            }
        }
    }
}
