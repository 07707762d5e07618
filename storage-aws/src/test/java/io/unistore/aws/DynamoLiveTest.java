package io.unistore.aws;

import io.unistore.StorageAccount;
import io.unistore.Unistore;
import io.unistore.tck.TableStoreContract;
import java.util.Map;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The table conformance kit, transactions (TransactWriteItems) included, on real DynamoDB: only when
 * {@code UNISTORE_AWS_LIVE_REGION} is set (never in CI), with credentials from the default chain. It creates and
 * deletes tables named {@code tck...} in that region.
 */
@EnabledIfEnvironmentVariable(named = "UNISTORE_AWS_LIVE_REGION", matches = ".+")
class DynamoLiveTest extends TableStoreContract {
    @Override
    protected StorageAccount openAccount() {
        return Unistore.open("aws://", Map.of("region", System.getenv("UNISTORE_AWS_LIVE_REGION"),
                "services", "dynamodb"));
    }
}
