package io.unistore.aws;

import io.unistore.spi.AccountBackend;
import io.unistore.spi.ProviderConfig;
import io.unistore.spi.StorageProvider;
import java.util.Locale;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * The {@code aws} provider: Amazon S3, or any S3-compatible store, as a blob store. It claims {@code s3://}
 * addresses; options (in the address's query string or given separately) name the region, an endpoint, the
 * credentials and transfer settings. See the module README for every option.
 *
 * <pre>{@code
 * Unistore.open("s3://?region=eu-west-1");                      // default credentials chain
 * Unistore.open("s3://?region=eu-west-1&profile=backup");       // a named profile
 * Unistore.open("s3://", Map.of("endpoint", "http://127.0.0.1:9000", "accessKeyId", id,
 *         "secretAccessKey", secret));                          // an S3-compatible store
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
        return "s3:// with options region, endpoint, profile or accessKeyId/secretAccessKey, e.g. "
                + "s3://?region=eu-west-1";
    }

    @Override
    public boolean accepts(String address) {
        return address != null && address.trim().toLowerCase(Locale.ROOT).startsWith("s3://");
    }

    @Override
    public AccountBackend open(ProviderConfig config) {
        S3Settings settings = S3Settings.parse(config, S3Clients::regionFromEnvironment);
        AwsCredentialsProvider credentials = S3Clients.credentials(settings.credentials());
        var s3 = S3Clients.client(settings, credentials);
        var presigner = S3Clients.presigner(settings, credentials);
        return new S3Account(new S3Context(s3, presigner, settings));
    }

    @Override
    public String toString() {
        return "S3Provider[" + ID + "]";
    }
}
