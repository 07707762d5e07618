package io.unistore.aws;

import static io.unistore.tck.ErrorAssertions.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.ErrorCode;
import io.unistore.queue.DeadLetterPolicy;
import org.junit.jupiter.api.Test;

/** The RedrivePolicy attribute as SQS writes it (count as a number or a string) and the default targets. */
class SqsRedriveTest {

    @Test
    void policiesReadBackWhateverFormTheCountTakes() {
        String arn = "arn:aws:sqs:us-east-1:000000000000:orders-dlq.fifo";
        assertThat(SqsRedrive.parse(SqsRedrive.json(arn, 4))).isEqualTo(new DeadLetterPolicy(4, "orders-dlq-fifo"));
        assertThat(SqsRedrive.parse("{\"maxReceiveCount\": 12, \"deadLetterTargetArn\": "
                + "\"arn:aws:sqs:eu-west-1:1:x\"}")).isEqualTo(new DeadLetterPolicy(12, "x"));
        assertThat(SqsRedrive.parse(null)).isNull();
        assertThat(SqsRedrive.parse("")).isNull();
    }

    @Test
    void theDefaultTargetKeepsTheQueuesKindAndTheNameLimit() {
        assertThat(SqsRedrive.defaultTarget("orders")).isEqualTo("orders-dlq");
        assertThat(SqsRedrive.defaultTarget("orders-fifo")).isEqualTo("orders-dlq-fifo");
        assertFails(ErrorCode.INVALID_ARGUMENT, () -> SqsRedrive.defaultTarget("q".repeat(60)));
    }
}
