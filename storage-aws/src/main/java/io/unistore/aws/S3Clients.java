package io.unistore.aws;

import io.unistore.aws.S3Settings.Credentials;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProviderChain;
import software.amazon.awssdk.regions.providers.SystemSettingsRegionProvider;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** Builds the SDK clients of an account from its settings; the only place SDK configuration happens. */
final class S3Clients {
    private S3Clients() {
    }

    /**
     * The region from AWS_REGION, the aws.region property or the profile, or null. Instance metadata is not
     * asked: opening an account must not reach the network.
     */
    static String regionFromEnvironment() {
        try {
            return new AwsRegionProviderChain(new SystemSettingsRegionProvider(), new AwsProfileRegionProvider())
                    .getRegion().id();
        } catch (RuntimeException e) {
            return null;
        }
    }

    static AwsCredentialsProvider credentials(Credentials credentials) {
        if (credentials instanceof Credentials.Static s) {
            return StaticCredentialsProvider.create(s.sessionToken() == null
                    ? AwsBasicCredentials.create(s.accessKeyId(), s.secretAccessKey())
                    : AwsSessionCredentials.create(s.accessKeyId(), s.secretAccessKey(), s.sessionToken()));
        }
        if (credentials instanceof Credentials.Profile p) {
            return ProfileCredentialsProvider.builder().profileName(p.name()).build();
        }
        if (credentials instanceof Credentials.Anonymous) {
            return AnonymousCredentialsProvider.create();
        }
        return DefaultCredentialsProvider.builder().build();
    }

    /**
     * The S3 client. Retries are configured here once, with the SDK's standard strategy (exponential backoff
     * with jitter, throttling-aware); the provider never retries on its own.
     */
    static S3Client client(S3Settings s, AwsCredentialsProvider credentials) {
        return clientBuilder(s, credentials).build();
    }

    /** The client's builder, for tests that add an interceptor to see the requests. */
    static S3ClientBuilder clientBuilder(S3Settings s, AwsCredentialsProvider credentials) {
        var builder = S3Client.builder()
                .region(Region.of(s.region()))
                .credentialsProvider(credentials)
                .forcePathStyle(s.pathStyle())
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(s.maxConnections())
                        .expectContinueEnabled(s.expectContinue()))
                .overrideConfiguration(o -> o.retryStrategy(retryStrategy(s))
                        .apiCallTimeout(s.apiCallTimeout()).apiCallAttemptTimeout(s.apiCallAttemptTimeout()));
        if (s.endpoint() != null) {
            builder.endpointOverride(s.endpoint());
        }
        return builder;
    }

    /**
     * The SDK's standard strategy (retryable errors, throttling-aware, a retry quota shared by the client) with the
     * account's attempts and back-off: exponential with full jitter from {@code retryBaseDelayMs} (throttling
     * answers from ten times that, as the SDK's own 100 ms / 1 s defaults do) up to {@code maxRetryDelayMs}.
     */
    static RetryStrategy retryStrategy(S3Settings s) {
        java.time.Duration throttledBase = s.retryBaseDelay().multipliedBy(10);
        if (throttledBase.compareTo(s.maxRetryDelay()) > 0) {
            throttledBase = s.maxRetryDelay();
        }
        // An answer whose body broke off fails while the SDK reads or parses it ("Could not parse XML response",
        // an SdkClientException around an IOException or the XML parser's premature end), which the standard
        // strategy does not retry.
        return AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(s.maxAttempts())
                .retryOnException(S3Clients::brokenAnswer)
                .backoffStrategy(BackoffStrategy.exponentialDelay(s.retryBaseDelay(), s.maxRetryDelay()))
                .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(throttledBase, s.maxRetryDelay()))
                .build();
    }

    /**
     * Whether a failure comes from an answer that broke off: an IOException, or a truncated XML document, anywhere
     * in its causes.
     */
    static boolean brokenAnswer(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof java.io.InterruptedIOException && !(c instanceof java.net.SocketTimeoutException)) {
                return false; // the calling thread was interrupted: stop, do not retry
            }
            if (c instanceof java.io.IOException || c instanceof javax.xml.stream.XMLStreamException) {
                return true;
            }
        }
        return false;
    }

    /** The DynamoDB client: the account's region, credentials, HTTP and retry settings. */
    static software.amazon.awssdk.services.dynamodb.DynamoDbClient dynamoDb(S3Settings s, AwsServices services,
                                                                            AwsCredentialsProvider credentials) {
        var builder = software.amazon.awssdk.services.dynamodb.DynamoDbClient.builder();
        configure(builder, s, credentials);
        if (services.dynamodbEndpoint() != null) {
            builder.endpointOverride(services.dynamodbEndpoint());
        }
        return builder.build();
    }

    /** The SQS client: the account's region, credentials, HTTP and retry settings. */
    static software.amazon.awssdk.services.sqs.SqsClient sqs(S3Settings s, AwsServices services,
                                                             AwsCredentialsProvider credentials) {
        var builder = software.amazon.awssdk.services.sqs.SqsClient.builder();
        configure(builder, s, credentials);
        if (services.sqsEndpoint() != null) {
            builder.endpointOverride(services.sqsEndpoint());
        }
        return builder.build();
    }

    /** What every client of the account shares with the S3 client. */
    private static void configure(software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<?, ?> builder,
                                  S3Settings s, AwsCredentialsProvider credentials) {
        builder.httpClientBuilder(ApacheHttpClient.builder().maxConnections(s.maxConnections()));
        var b = (software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<?, ?>) builder;
        b.region(Region.of(s.region())).credentialsProvider(credentials)
                .overrideConfiguration(o -> o.retryStrategy(retryStrategy(s))
                        .apiCallTimeout(s.apiCallTimeout()).apiCallAttemptTimeout(s.apiCallAttemptTimeout()));
    }

    static S3Presigner presigner(S3Settings s, AwsCredentialsProvider credentials) {
        var builder = S3Presigner.builder()
                .region(Region.of(s.region()))
                .credentialsProvider(credentials)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(s.pathStyle()).build());
        if (s.endpoint() != null) {
            builder.endpointOverride(s.endpoint());
        }
        return builder.build();
    }
}
