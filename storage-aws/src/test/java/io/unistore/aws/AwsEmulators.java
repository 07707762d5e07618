package io.unistore.aws;

import io.unistore.StorageAccount;
import io.unistore.Unistore;
import io.unistore.testsupport.aws.Dynalite;
import io.unistore.testsupport.aws.ElasticMq;
import java.util.HashMap;
import java.util.Map;

/** Accounts on the dynalite and ElasticMQ of this test run (each started once, shared by every test class). */
final class AwsEmulators {
    private AwsEmulators() {
    }

    /** The options of an {@code aws://} account reaching dynalite; no transactions, which dynalite lacks. */
    static Map<String, String> dynamoOptions() {
        Map<String, String> o = new HashMap<>();
        o.put("services", "dynamodb");
        o.put("dynamodbEndpoint", Dynalite.shared().endpoint().toString());
        o.put("region", Dynalite.REGION);
        o.put("accessKeyId", "unistore-test");
        o.put("secretAccessKey", "unistore-test-secret");
        o.put("transactions", "false");
        return o;
    }

    /** The options of an {@code aws://} account reaching ElasticMQ. */
    static Map<String, String> sqsOptions() {
        Map<String, String> o = new HashMap<>();
        o.put("services", "sqs");
        o.put("sqsEndpoint", ElasticMq.shared().endpoint().toString());
        o.put("region", "us-east-1");
        o.put("accessKeyId", "unistore-test");
        o.put("secretAccessKey", "unistore-test-secret");
        return o;
    }

    static StorageAccount dynamo() {
        return Unistore.open("aws://", dynamoOptions());
    }

    static StorageAccount sqs() {
        return Unistore.open("aws://", sqsOptions());
    }
}
