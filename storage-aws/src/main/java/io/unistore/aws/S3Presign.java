package io.unistore.aws;

import io.unistore.StorageException;
import io.unistore.blob.BlobPermission;
import io.unistore.blob.PresignOptions;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Presigned URLs (SigV4 query signatures). An S3 presigned URL is signed for one HTTP method, so it grants one
 * permission: READ (GET), WRITE (PUT) or DELETE.
 */
final class S3Presign {
    private S3Presign() {
    }

    static URI url(S3Context ctx, String bucket, String key, PresignOptions o) {
        if (o.permissions().size() != 1) {
            throw StorageException.invalidArgument("permissions", "an S3 presigned URL allows one HTTP method: ask "
                    + "for READ, WRITE or DELETE alone (asked " + o.permissions() + ")");
        }
        BlobPermission permission = o.permissions().iterator().next();
        var url = ctx.call("presign " + bucket + "/" + key, () -> switch (permission) {
            case READ -> ctx.presigner.presignGetObject(p -> p.signatureDuration(o.expiry())
                    .getObjectRequest(g -> g.bucket(bucket).key(key))).url();
            case WRITE -> ctx.presigner.presignPutObject(p -> p.signatureDuration(o.expiry())
                    .putObjectRequest(g -> g.bucket(bucket).key(key))).url();
            case DELETE -> ctx.presigner.presignDeleteObject(p -> p.signatureDuration(o.expiry())
                    .deleteObjectRequest(g -> g.bucket(bucket).key(key))).url();
        });
        try {
            return url.toURI();
        } catch (URISyntaxException e) {
            throw new StorageException(io.unistore.ErrorCode.INTERNAL, "the SDK presigned a malformed URL", e);
        }
    }
}
