package io.unistore.testsupport.servicebus;

import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.testsupport.ManagedProcess;
import io.unistore.testsupport.NodeBackends;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The stand-in's fidelity, judged by a second, independent client: Microsoft's Node SDK (@azure/service-bus on
 * rhea, pinned in node/package.json) runs node/scenarios/servicebus-stand-in.mjs against it over plain AMQP:
 * send, peek, peek-lock receive, complete, abandon and redelivery, renew lock, dead letter (explicit, and by
 * abandoning past MaxDeliveryCount, read and peeked on the dead-letter sub-queue), scheduled and cancelled
 * messages, lock expiry, receive-and-delete, missing queue and wrong key errors.
 */
class ServiceBusStandInNodeScenarioTest {

    @Test
    void officialNodeSdkScenarioPasses() {
        try (ServiceBusStandIn sb = ServiceBusStandIn.start()) {
            assertThat(sb.createQueue("node-scenario", Duration.ofSeconds(30), 10)).isTrue();
            assertThat(sb.createQueue("node-lock-expiry", Duration.ofSeconds(5), 10)).isTrue();
            assertThat(sb.createQueue("node-dead-letter", Duration.ofSeconds(30), 2)).isTrue();
            String wrongKey = Base64.getEncoder().encodeToString("not the key".getBytes());
            String wrong = sb.connectionString().replace(sb.key(), wrongKey);
            ManagedProcess.Result r = NodeBackends.runScript(NodeBackends.nodeDir().resolve(
                    "scenarios/servicebus-stand-in.mjs"), List.of(sb.connectionString(), "node-scenario",
                    "node-lock-expiry", wrong, "node-dead-letter"), Duration.ofMinutes(2));
            System.out.println(r.output());
            assertThat(r.exitCode()).as(r.output()).isZero();
            assertThat(r.output()).contains("scenario: 15 passed, 0 failed");
        }
    }
}
