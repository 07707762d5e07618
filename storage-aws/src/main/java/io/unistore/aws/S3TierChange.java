package io.unistore.aws;

import io.unistore.ErrorCode;
import io.unistore.StorageException;
import io.unistore.aws.S3Conditions.WritePin;
import io.unistore.aws.S3Copy.Job;
import io.unistore.blob.AccessTier;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.Tier;

/**
 * {@code setTier}: an online object changes class by a copy onto itself with the new storage class. An archived
 * one (GLACIER, DEEP_ARCHIVE) must first be restored: the first call starts a RestoreObject (archiveStatus then
 * shows {@code restore-pending}); once restored, the same call copies it into the new class for good.
 */
final class S3TierChange {
    private final S3Context ctx;
    private final S3Copy copier;
    private final S3Reads reads;

    S3TierChange(S3Context ctx, S3Copy copier, S3Reads reads) {
        this.ctx = ctx;
        this.copier = copier;
        this.reads = reads;
    }

    void run(String bucket, String key, AccessTier tier) {
        HeadObjectResponse head = reads.existing(bucket, key);
        String current = head.storageClassAsString();
        if (S3Tiers.tier(current) == tier) {
            return;
        }
        if (S3Tiers.isArchive(current)) {
            String status = S3Tiers.archiveStatus(head.restore());
            if ("restore-pending".equals(status)) {
                return;
            }
            if (!"restored".equals(status)) {
                restore(bucket, key);
                return;
            }
        }
        // REPLACE with the object's own headers: S3 allows a copy onto itself that only changes the class with
        // either directive, S3-compatible stores often only with REPLACE.
        copier.run(new Job(bucket, key, null, head, bucket, key, S3Copy.Headers.of(head),
                S3Tiers.storageClass(tier, ctx.settings.archiveClass()), WritePin.observed(head)));
    }

    private void restore(String bucket, String key) {
        try {
            ctx.call("RestoreObject " + bucket + "/" + key, () -> ctx.s3.restoreObject(b -> b.bucket(bucket).key(key)
                    .restoreRequest(r -> r.days(ctx.settings.restoreDays())
                            .glacierJobParameters(g -> g.tier(Tier.fromValue(ctx.settings.restoreTier()))))));
        } catch (StorageException e) {
            if (e.code() != ErrorCode.CONFLICT || !"RestoreAlreadyInProgress".equals(e.providerCode())) {
                throw e;
            }
        }
    }
}
