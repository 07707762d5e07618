package io.unistore.gcp;

import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.HttpMethod;
import com.google.cloud.storage.Storage;
import io.unistore.StorageException;
import io.unistore.blob.PresignOptions;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * V4 signed URLs, signed with the account's service-account key. A V4 signature covers one HTTP method, so
 * a URL grants exactly one permission: READ (GET), WRITE (PUT) or DELETE.
 */
final class GcsPresigner {
    private final Storage storage;
    private final String endpoint;

    GcsPresigner(Storage storage, String endpoint) {
        this.storage = storage;
        this.endpoint = endpoint;
    }

    URI presign(String container, String blob, PresignOptions options) {
        if (options.permissions().size() != 1) {
            throw StorageException.invalidArgument("permissions", "a GCS V4 signed URL covers one method: give "
                    + "exactly one of READ, WRITE, DELETE (was " + options.permissions() + ")");
        }
        HttpMethod method = switch (options.permissions().iterator().next()) {
            case READ -> HttpMethod.GET;
            case WRITE -> HttpMethod.PUT;
            case DELETE -> HttpMethod.DELETE;
        };
        List<Storage.SignUrlOption> opts = new ArrayList<>(List.of(Storage.SignUrlOption.withV4Signature(),
                Storage.SignUrlOption.httpMethod(method), Storage.SignUrlOption.withPathStyle()));
        if (endpoint != null) {
            opts.add(Storage.SignUrlOption.withHostName(endpoint));
        }
        try {
            return GcsErrors.call("signing a URL for " + container + "/" + blob, () -> storage.signUrl(
                    BlobInfo.newBuilder(container, blob).build(), options.expiry().toSeconds(), TimeUnit.SECONDS,
                    opts.toArray(Storage.SignUrlOption[]::new))).toURI();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the SDK signed an invalid URL", e);
        }
    }
}
