package io.unistore.aws;

import io.unistore.blob.BlobProperties;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Neutral {@link BlobProperties} from S3's answers. */
final class S3Objects {
    private static final Pattern MD5_ETAG = Pattern.compile("\"?([0-9a-fA-F]{32})\"?");

    private S3Objects() {
    }

    static BlobProperties fromHead(String container, String name, HeadObjectResponse r) {
        return headers(container, name, r.contentLength(), r.eTag(), r.serverSideEncryptionAsString(),
                r.sseCustomerAlgorithm(), r.storageClassAsString(), r.restore())
                .contentType(r.contentType()).contentEncoding(r.contentEncoding()).cacheControl(r.cacheControl())
                .contentDisposition(r.contentDisposition()).lastModified(r.lastModified())
                .metadata(S3Metadata.fromS3(r.metadata())).versionId(r.versionId()).build();
    }

    static BlobProperties fromGet(String container, String name, GetObjectResponse r) {
        return headers(container, name, r.contentLength(), r.eTag(), r.serverSideEncryptionAsString(),
                r.sseCustomerAlgorithm(), r.storageClassAsString(), r.restore())
                .contentType(r.contentType()).contentEncoding(r.contentEncoding()).cacheControl(r.cacheControl())
                .contentDisposition(r.contentDisposition()).lastModified(r.lastModified())
                .metadata(S3Metadata.fromS3(r.metadata())).versionId(r.versionId()).build();
    }

    private static BlobProperties.Builder headers(String container, String name, Long length, String etag,
                                                  String sse, String sseCustomer, String storageClass,
                                                  String restore) {
        return BlobProperties.builder().container(container).name(name).size(length(length)).etag(etag)
                .contentMd5(md5(etag, sse, sseCustomer)).tier(S3Tiers.tier(storageClass))
                .tierName(S3Tiers.className(storageClass)).archiveStatus(S3Tiers.archiveStatus(restore));
    }

    static BlobProperties fromListing(String container, S3Object o) {
        String restore = o.restoreStatus() == null ? null : Boolean.TRUE.equals(o.restoreStatus().isRestoreInProgress())
                ? "ongoing-request=\"true\"" : "ongoing-request=\"false\"";
        return BlobProperties.builder().container(container).name(o.key()).size(length(o.size()))
                .contentMd5(md5(o.eTag(), null, null)).etag(o.eTag()).lastModified(o.lastModified())
                .tier(S3Tiers.tier(o.storageClassAsString())).tierName(S3Tiers.className(o.storageClassAsString()))
                .archiveStatus(S3Tiers.archiveStatus(restore)).build();
    }

    static BlobProperties fromVersion(String container, ObjectVersion v) {
        return BlobProperties.builder().container(container).name(v.key()).size(length(v.size()))
                .contentMd5(md5(v.eTag(), null, null)).etag(v.eTag()).lastModified(v.lastModified())
                .tier(S3Tiers.tier(v.storageClassAsString())).tierName(S3Tiers.className(v.storageClassAsString()))
                .versionId(v.versionId()).currentVersion(Boolean.TRUE.equals(v.isLatest())).build();
    }

    /**
     * Base64 MD5 of the content when the ETag is one: a single-part object not encrypted with KMS or a customer
     * key. Multipart ETags ({@code "<hex>-<parts>"}) are not.
     */
    static String md5(String etag, String sse, String sseCustomerAlgorithm) {
        if (etag == null || "aws:kms".equals(sse) || "aws:kms:dsse".equals(sse) || sseCustomerAlgorithm != null) {
            return null;
        }
        var m = MD5_ETAG.matcher(etag);
        return m.matches() ? Base64.getEncoder().encodeToString(HexFormat.of().parseHex(m.group(1))) : null;
    }

    private static long length(Long value) {
        return value == null ? 0 : value;
    }
}
