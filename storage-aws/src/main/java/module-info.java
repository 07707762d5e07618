/** Amazon S3 (or any S3-compatible store), DynamoDB and SQS as Unistore stores, over the AWS SDK for Java v2. */
module io.unistore.aws {
    requires io.unistore.api;
    requires software.amazon.awssdk.services.s3;
    requires software.amazon.awssdk.services.dynamodb;
    requires software.amazon.awssdk.services.sqs;
    requires software.amazon.awssdk.awscore;
    requires software.amazon.awssdk.core;
    requires software.amazon.awssdk.auth;
    requires software.amazon.awssdk.regions;
    requires software.amazon.awssdk.http.apache;
    requires software.amazon.awssdk.retries.api;
    requires software.amazon.awssdk.retries;
    requires software.amazon.awssdk.http;
    requires java.xml;
    requires org.slf4j;

    provides io.unistore.spi.StorageProvider with io.unistore.aws.S3Provider;
}
