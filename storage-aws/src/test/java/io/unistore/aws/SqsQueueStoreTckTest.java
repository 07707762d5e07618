package io.unistore.aws;

import io.unistore.StorageAccount;
import io.unistore.tck.QueueStoreContract;

/** The queue conformance kit on ElasticMQ (in this JVM): what SQS does not declare is checked as refused. */
class SqsQueueStoreTckTest extends QueueStoreContract {
    @Override
    protected StorageAccount openAccount() {
        return AwsEmulators.sqs();
    }
}
