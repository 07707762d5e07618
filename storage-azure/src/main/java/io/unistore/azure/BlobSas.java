package io.unistore.azure;

import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.models.UserDelegationKey;
import com.azure.storage.blob.sas.BlobSasPermission;
import com.azure.storage.blob.sas.BlobServiceSasSignatureValues;
import io.unistore.blob.BlobPermission;
import io.unistore.blob.PresignOptions;
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Presigned URLs: a service SAS signed with the account key, or, when signed in with Entra ID, a user delegation
 * SAS signed with a user delegation key the service hands out (valid as long as the URL).
 */
final class BlobSas {
    /** Tolerance for clocks of clients that are a little ahead of the service's. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final BlobServiceClient service;
    private final boolean entraId;

    BlobSas(BlobServiceClient service, boolean entraId) {
        this.service = service;
        this.entraId = entraId;
    }

    URI presign(BlobClient blob, PresignOptions options) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        OffsetDateTime expiry = now.plus(options.expiry());
        BlobSasPermission permission = new BlobSasPermission()
                .setReadPermission(options.permissions().contains(BlobPermission.READ))
                .setWritePermission(options.permissions().contains(BlobPermission.WRITE))
                .setCreatePermission(options.permissions().contains(BlobPermission.WRITE))
                .setDeletePermission(options.permissions().contains(BlobPermission.DELETE));
        BlobServiceSasSignatureValues values = new BlobServiceSasSignatureValues(expiry, permission);
        return AzureErrors.call("presigned URL of " + blob.getContainerName() + "/" + blob.getBlobName(), () -> {
            String sas;
            if (entraId) {
                OffsetDateTime start = now.minus(CLOCK_SKEW);
                UserDelegationKey key = service.getUserDelegationKey(start, expiry);
                sas = blob.generateUserDelegationSas(values.setStartTime(start), key);
            } else {
                sas = blob.generateSas(values);
            }
            return URI.create(blob.getBlobUrl() + "?" + sas);
        });
    }
}
