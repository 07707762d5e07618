package io.unistore.aws;

import io.unistore.StorageAccount;
import io.unistore.Unistore;
import io.unistore.tck.QueueStoreContract;
import java.util.Map;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The queue conformance kit on real SQS: only when {@code UNISTORE_AWS_LIVE_REGION} is set (never in CI), with
 * credentials from the default chain. It creates and deletes queues named {@code q...} in that region.
 */
@EnabledIfEnvironmentVariable(named = "UNISTORE_AWS_LIVE_REGION", matches = ".+")
class SqsLiveTest extends QueueStoreContract {
    @Override
    protected StorageAccount openAccount() {
        return Unistore.open("aws://", Map.of("region", System.getenv("UNISTORE_AWS_LIVE_REGION"),
                "services", "sqs"));
    }
}
