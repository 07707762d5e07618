package io.unistore.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the SQS store keeps of received messages for an explicit dead-letter: bounded, newest kept. */
class SqsReceivedTest {

    @Test
    void theOldestBodiesGoPastTheBudgetAndDeletesForgetThem() {
        SqsReceived received = new SqsReceived();
        String half = "x".repeat((int) (SqsReceived.BUDGET / 2));
        received.put("r1", new SqsReceived.Message(half, Map.of(), null));
        received.put("r2", new SqsReceived.Message(half, Map.of(), "g"));
        assertThat(received.get("r1")).isNotNull();
        received.put("r3", new SqsReceived.Message("y", Map.of(), null));
        assertThat(received.get("r1")).as("the oldest dropped past the budget").isNull();
        assertThat(received.get("r2").groupId()).isEqualTo("g");
        received.remove("r3");
        assertThat(received.get("r3")).isNull();
    }
}
