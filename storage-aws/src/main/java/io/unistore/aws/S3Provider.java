package io.unistore.aws;

import io.unistore.spi.AccountBackend;
import io.unistore.spi.ProviderConfig;
import io.unistore.spi.StorageProvider;
import java.util.Locale;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * The {@code aws} provider: Amazon S3 (or any S3-compatible store) as a blob store, DynamoDB as a table store and
 * SQS as a queue store. It claims {@code s3://} addresses (S3 only, as before) and {@code aws://} addresses (the
 * three services, or those named by the {@code services} option); options (in the address's query string or
 * given separately) name the region, endpoints, the credentials and transfer settings. See the module README for
 * every option.
 *
 * <pre>{@code
 * Unistore.open("s3://?region=eu-west-1");                      // default credentials chain
 * Unistore.open("s3://?region=eu-west-1&profile=backup");       // a named profile
 * Unistore.open("s3://", Map.of("endpoint", "http://127.0.0.1:9000", "accessKeyId", id,
 *         "secretAccessKey", secret));                          // an S3-compatible store
 * Unistore.open("aws://?region=eu-west-1");                     // S3, DynamoDB and SQS of one account
 * }</pre>
 */
public final class S3Provider implements StorageProvider {
    /** The provider id. */
    public static final String ID = "aws";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String addressHelp() {
        return "s3:// (S3) or aws:// (S3, DynamoDB and SQS) with options region, endpoint, dynamodbEndpoint, "
                + "sqsEndpoint, services, profile or accessKeyId/secretAccessKey, e.g. aws://?region=eu-west-1";
    }

    @Override
    public boolean accepts(String address) {
        String a = address == null ? "" : address.trim().toLowerCase(Locale.ROOT);
        return a.startsWith("s3://") || a.startsWith("aws://");
    }

    @Override
    public AccountBackend open(ProviderConfig config) {
        S3Settings settings = S3Settings.parse(config, S3Clients::regionFromEnvironment);
        AwsServices services = AwsServices.parse(config);
        AwsCredentialsProvider credentials = S3Clients.credentials(settings.credentials());
        S3Context s3 = null;
        if (services.s3()) {
            s3 = new S3Context(S3Clients.client(settings, credentials), S3Clients.presigner(settings, credentials),
                    settings);
        }
        var dynamo = services.dynamodb() ? S3Clients.dynamoDb(settings, services, credentials) : null;
        var sqs = services.sqs() ? S3Clients.sqs(settings, services, credentials) : null;
        return new S3Account(settings, services, s3, dynamo, sqs);
    }

    @Override
    public String toString() {
        return "S3Provider[" + ID + "]";
    }
}
