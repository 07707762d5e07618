package io.unistore.aws;

import io.unistore.StorageException;
import io.unistore.blob.AccessTier;
import io.unistore.blob.ContainerLifecycleRule;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.s3.model.BucketLifecycleConfiguration;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleExpiration;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.LifecycleRuleFilter;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Transition;

/**
 * Bucket lifecycle configurations: PutBucketLifecycleConfiguration replaces every rule, DeleteBucketLifecycle
 * removes them, GetBucketLifecycleConfiguration reads them (a bucket without any answers
 * {@code NoSuchLifecycleConfiguration}, read as no rules). Tiers are the storage classes {@link S3Tiers} writes.
 * S3's own limits are checked here so the error names the rule: a move to STANDARD_IA needs 30 days or more, and
 * an expiration at least one day. Read back, rules that filter by tags or sizes, or act only on noncurrent
 * versions, are left out: the neutral model has no place for them (they stay on the bucket until replaced).
 */
final class S3BucketLifecycle {
    private final S3Context ctx;

    S3BucketLifecycle(S3Context ctx) {
        this.ctx = ctx;
    }

    void set(String bucket, List<ContainerLifecycleRule> rules) {
        if (rules.isEmpty()) {
            ctx.call("DeleteBucketLifecycle " + bucket, () -> ctx.s3.deleteBucketLifecycle(b -> b.bucket(bucket)));
            return;
        }
        BucketLifecycleConfiguration configuration = configuration(rules, ctx.settings.archiveClass());
        ctx.call("PutBucketLifecycleConfiguration " + bucket, () -> ctx.s3.putBucketLifecycleConfiguration(b -> b
                .bucket(bucket).lifecycleConfiguration(configuration)));
    }

    List<ContainerLifecycleRule> get(String bucket) {
        List<LifecycleRule> stored;
        try {
            stored = ctx.s3.getBucketLifecycleConfiguration(b -> b.bucket(bucket)).rules();
        } catch (S3Exception e) {
            if ("NoSuchLifecycleConfiguration".equals(e.awsErrorDetails() == null ? null
                    : e.awsErrorDetails().errorCode())) {
                return List.of();
            }
            throw AwsErrors.map("GetBucketLifecycleConfiguration " + bucket, e);
        } catch (software.amazon.awssdk.core.exception.SdkException e) {
            throw AwsErrors.map("GetBucketLifecycleConfiguration " + bucket, e);
        }
        return rules(stored);
    }

    /** The configuration S3 takes for these rules (one S3 rule each, enabled, filtered by prefix). */
    static BucketLifecycleConfiguration configuration(List<ContainerLifecycleRule> rules, String archiveClass) {
        List<LifecycleRule> out = new ArrayList<>();
        for (ContainerLifecycleRule r : rules) {
            List<Transition> transitions = new ArrayList<>();
            for (Map.Entry<AccessTier, Integer> t : r.transitions().entrySet()) {
                if (t.getKey() == AccessTier.COOL && t.getValue() < 30) {
                    throw StorageException.invalidArgument("transitions.COOL", "rule '" + r.id() + "': S3 moves "
                            + "objects to STANDARD_IA after 30 days at the earliest, was " + t.getValue());
                }
                transitions.add(Transition.builder().days(t.getValue())
                        .storageClass(S3Tiers.storageClass(t.getKey(), archiveClass)).build());
            }
            LifecycleRule.Builder rule = LifecycleRule.builder().id(r.id()).status(ExpirationStatus.ENABLED)
                    .filter(LifecycleRuleFilter.builder().prefix(r.prefix()).build());
            if (!transitions.isEmpty()) {
                rule.transitions(transitions);
            }
            if (r.deleteAfterDays() != null) {
                if (r.deleteAfterDays() < 1) {
                    throw StorageException.invalidArgument("deleteAfterDays", "rule '" + r.id() + "': S3 expires "
                            + "objects after 1 day at the earliest, was " + r.deleteAfterDays());
                }
                rule.expiration(LifecycleExpiration.builder().days(r.deleteAfterDays()).build());
            }
            out.add(rule.build());
        }
        return BucketLifecycleConfiguration.builder().rules(out).build();
    }

    /** The neutral rules among S3's (enabled, by prefix or for all, with days-based actions on current objects). */
    static List<ContainerLifecycleRule> rules(List<LifecycleRule> stored) {
        List<ContainerLifecycleRule> out = new ArrayList<>();
        int n = 0;
        for (LifecycleRule r : stored) {
            n++;
            if (r.status() != ExpirationStatus.ENABLED || !byPrefixOnly(r)) {
                continue;
            }
            Map<AccessTier, Integer> transitions = new EnumMap<>(AccessTier.class);
            for (Transition t : r.transitions()) {
                if (t.days() != null && S3Tiers.tier(t.storageClassAsString()) != AccessTier.HOT) {
                    transitions.put(S3Tiers.tier(t.storageClassAsString()), t.days());
                }
            }
            Integer delete = r.expiration() == null ? null : r.expiration().days();
            if (transitions.isEmpty() && delete == null) {
                continue;
            }
            String prefix = r.filter() != null && r.filter().prefix() != null ? r.filter().prefix()
                    : r.prefix() == null ? "" : r.prefix();
            out.add(new ContainerLifecycleRule(r.id() == null || r.id().isBlank() ? "rule-" + n : r.id(), prefix,
                    transitions, delete));
        }
        return out;
    }

    private static boolean byPrefixOnly(LifecycleRule r) {
        LifecycleRuleFilter f = r.filter();
        return f == null || (f.tag() == null && f.and() == null && f.objectSizeGreaterThan() == null
                && f.objectSizeLessThan() == null);
    }
}
