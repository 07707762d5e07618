package io.unistore.gcp;

import com.google.api.gax.retrying.RetrySettings;
import com.google.auth.Credentials;
import com.google.auth.ServiceAccountSigner;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import com.google.cloud.NoCredentials;
import com.google.cloud.http.HttpTransportOptions;
import com.google.cloud.storage.HttpStorageOptions;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import io.unistore.ErrorCode;
import io.unistore.StorageException;
import io.unistore.spi.Secrets;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Builds the {@link Storage} client of an account: JSON API over HTTP ({@code StorageOptions.http()}), the
 * credentials the settings name, and the retry settings configured once here.
 */
final class GcsClients {
    private GcsClients() {
    }

    /** The client and what the account may say about it. */
    record Client(Storage storage, String project, boolean canSign, String credentialsDescription) {
    }

    static Client open(GcsSettings settings) {
        Credentials credentials = credentials(settings);
        String project = settings.project();
        if (project == null && credentials instanceof ServiceAccountCredentials sa) {
            project = sa.getProjectId();
        }
        if (project == null && settings.anonymous()) {
            throw StorageException.invalidArgument("project", "is required with credentials=none "
                    + "(gs://PROJECT or the option project)");
        }
        HttpStorageOptions.Builder builder = StorageOptions.http()
                .setCredentials(credentials)
                .setRetrySettings(retrySettings(settings))
                .setStorageRetryStrategy(new GcsRetries())
                .setTransportOptions(HttpTransportOptions.newBuilder()
                        .setConnectTimeout((int) settings.timeout().toMillis())
                        .setReadTimeout((int) settings.timeout().toMillis())
                        .build());
        if (project != null) {
            builder.setProjectId(project);
        }
        if (settings.endpoint() != null) {
            builder.setHost(settings.endpoint());
        }
        Storage storage = builder.build().getService();
        return new Client(storage, storage.getOptions().getProjectId(), credentials instanceof ServiceAccountSigner,
                describe(settings, credentials));
    }

    static RetrySettings retrySettings(GcsSettings settings) {
        return RetrySettings.newBuilder()
                .setMaxAttempts(settings.maxAttempts())
                .setInitialRetryDelayDuration(settings.initialRetryDelay())
                .setMaxRetryDelayDuration(settings.maxRetryDelay())
                .setRetryDelayMultiplier(2.0)
                .setTotalTimeoutDuration(settings.totalTimeout())
                .setInitialRpcTimeoutDuration(settings.timeout())
                .setMaxRpcTimeoutDuration(settings.timeout())
                .setRpcTimeoutMultiplier(1.0)
                .build();
    }

    private static Credentials credentials(GcsSettings settings) {
        if (settings.anonymous()) {
            return NoCredentials.getInstance();
        }
        if (settings.applicationDefault()) {
            try {
                return GoogleCredentials.getApplicationDefault();
            } catch (IOException e) {
                throw new StorageException(ErrorCode.UNAUTHENTICATED, "no application-default credentials were "
                        + "found (set GOOGLE_APPLICATION_CREDENTIALS, run `gcloud auth application-default login`, "
                        + "or give the option credentials=<key file>): " + Secrets.redact(e.getMessage()), e);
            }
        }
        Path file = Path.of(settings.credentials());
        if (!Files.isReadable(file)) {
            throw StorageException.invalidArgument("credentials", "must be 'default', 'none' or a readable "
                    + "service-account key file; cannot read " + file);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return GoogleCredentials.fromStream(in);
        } catch (IOException e) {
            // The parser's message names missing fields, never key material; redact anyway.
            throw new StorageException(ErrorCode.UNAUTHENTICATED, "credentials: " + file + " is not a usable "
                    + "Google credentials file: " + Secrets.redact(e.getMessage()), e);
        }
    }

    private static String describe(GcsSettings settings, Credentials credentials) {
        if (settings.anonymous()) {
            return "no credentials";
        }
        String kind = credentials instanceof ServiceAccountCredentials ? "service-account key"
                : credentials.getClass().getSimpleName();
        return settings.applicationDefault() ? "application-default credentials (" + kind + ")" : kind + " file";
    }
}
