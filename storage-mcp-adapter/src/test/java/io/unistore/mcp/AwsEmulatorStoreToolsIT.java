package io.unistore.mcp;

import io.unistore.testsupport.aws.Dynalite;
import io.unistore.testsupport.aws.ElasticMq;
import java.nio.file.Path;
import java.util.Map;

/**
 * The table and queue tools on one {@code aws://} account: DynamoDB served by dynalite, SQS by ElasticMQ (in this
 * JVM; the server reaches it over 127.0.0.1). The blob tools are not listed (the account offers no S3), peek is
 * not (SQS has none), nor are table batches (dynalite has no transactions); the secret key comes from the
 * environment.
 */
class AwsEmulatorStoreToolsIT extends StoreToolsContract {
    @Override
    Backend backend() {
        return new Backend() {
            @Override
            public String name() {
                return "aws";
            }

            @Override
            public Map<String, Object> start(Path workDir) {
                return Map.of("address", "aws://", "options", Map.of("services", "dynamodb,sqs",
                        "dynamodbEndpoint", Dynalite.shared().endpoint().toString(),
                        "sqsEndpoint", ElasticMq.shared().endpoint().toString(), "region", "us-east-1",
                        "accessKeyId", "unistore-test", "secretAccessKey", "${env:UNISTORE_TEST_AWS_SECRET}",
                        "transactions", "false"));
            }

            @Override
            public boolean checksReceipts() {
                return false;
            }

            @Override
            public Map<String, String> environment() {
                return Map.of("UNISTORE_TEST_AWS_SECRET", "unistore-test-secret");
            }
        };
    }
}
