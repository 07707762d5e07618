package io.unistore.aws;

import static io.unistore.tck.ErrorAssertions.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.Capability;
import io.unistore.ErrorCode;
import io.unistore.blob.AccessTier;
import io.unistore.blob.ContainerLifecycleRule;
import io.unistore.tck.TestData;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.BucketLifecycleConfiguration;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleExpiration;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.LifecycleRuleFilter;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.services.s3.model.Transition;

/**
 * Bucket lifecycle, request by request: S3Proxy answers the lifecycle calls with 501, so what the provider sends
 * is checked here (the configuration as data, then the XML the SDK put on the wire to S3Proxy), and what S3
 * keeps by the blob kit's lifecycle tests on real S3 ({@code S3BlobStoreTckLiveTest}).
 */
class S3BucketLifecycleTest {
    private static final List<ContainerLifecycleRule> RULES = List.of(
            new ContainerLifecycleRule("logs", "logs/", Map.of(AccessTier.COOL, 30, AccessTier.COLD, 60,
                    AccessTier.ARCHIVE, 180), 365),
            new ContainerLifecycleRule("all", "", Map.of(), 1));

    @Test
    void eachRuleBecomesOneEnabledS3RuleByPrefix() {
        BucketLifecycleConfiguration c = S3BucketLifecycle.configuration(RULES, "DEEP_ARCHIVE");
        assertThat(c.rules()).hasSize(2);
        LifecycleRule logs = c.rules().get(0);
        assertThat(logs.id()).isEqualTo("logs");
        assertThat(logs.status()).isEqualTo(ExpirationStatus.ENABLED);
        assertThat(logs.filter().prefix()).isEqualTo("logs/");
        assertThat(logs.transitions()).extracting(Transition::days, Transition::storageClassAsString)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(30, "STANDARD_IA"),
                        org.assertj.core.groups.Tuple.tuple(60, "GLACIER_IR"),
                        org.assertj.core.groups.Tuple.tuple(180, "DEEP_ARCHIVE"));
        assertThat(logs.expiration().days()).isEqualTo(365);
        LifecycleRule all = c.rules().get(1);
        assertThat(all.filter().prefix()).isEmpty();
        assertThat(all.transitions()).isEmpty();
        assertThat(all.expiration().days()).isEqualTo(1);

        assertThat(S3BucketLifecycle.rules(c.rules())).isEqualTo(List.of(
                new ContainerLifecycleRule("logs", "logs/", Map.of(AccessTier.COOL, 30, AccessTier.COLD, 60,
                        AccessTier.ARCHIVE, 180), 365),
                new ContainerLifecycleRule("all", "", Map.of(), 1)));
    }

    @Test
    void s3sOwnLimitsAreRefusedNamingTheRule() {
        assertThat(assertFails(ErrorCode.INVALID_ARGUMENT, () -> S3BucketLifecycle.configuration(List.of(
                new ContainerLifecycleRule("early", "", Map.of(AccessTier.COOL, 29), null)), "GLACIER"))
                .getMessage()).contains("transitions.COOL").contains("'early'").contains("30 days");
        assertThat(assertFails(ErrorCode.INVALID_ARGUMENT, () -> S3BucketLifecycle.configuration(List.of(
                new ContainerLifecycleRule("now", "", Map.of(), 0)), "GLACIER"))
                .getMessage()).contains("deleteAfterDays").contains("'now'");
    }

    @Test
    void rulesTheModelCannotHoldAreLeftOutWhenRead() {
        LifecycleRule byTag = LifecycleRule.builder().id("tagged").status(ExpirationStatus.ENABLED)
                .filter(LifecycleRuleFilter.builder().tag(Tag.builder().key("k").value("v").build()).build())
                .expiration(LifecycleExpiration.builder().days(3).build()).build();
        LifecycleRule disabled = LifecycleRule.builder().id("off").status(ExpirationStatus.DISABLED)
                .filter(LifecycleRuleFilter.builder().prefix("").build())
                .expiration(LifecycleExpiration.builder().days(3).build()).build();
        LifecycleRule unnamed = LifecycleRule.builder().status(ExpirationStatus.ENABLED)
                .filter(LifecycleRuleFilter.builder().prefix("x/").build())
                .expiration(LifecycleExpiration.builder().days(9).build()).build();
        assertThat(S3BucketLifecycle.rules(List.of(byTag, disabled, unnamed)))
                .containsExactly(new ContainerLifecycleRule("rule-3", "x/", Map.of(), 9));
    }

    @Test
    void theSdkSendsTheConfigurationAndAnEmptyListDeletesIt() {
        try (RecordingStore store = new RecordingStore(Map.of("lifecycle", "true"))) {
            String bucket = TestData.uniqueName("lifecycle");
            store.blobs.createContainer(bucket);
            assertFails(ErrorCode.UNSUPPORTED, () -> store.blobs.setContainerLifecycle(bucket, RULES));
            var put = store.last("PUT");
            assertThat(put.rawQueryParameters()).containsKey("lifecycle");
            assertThat(put.encodedPath()).endsWith("/" + bucket);
            assertThat(store.lifecycleBodies).hasSize(1);
            String xml = store.lifecycleBodies.get(0);
            assertThat(xml).contains("<ID>logs</ID>", "<Prefix>logs/</Prefix>", "<Status>Enabled</Status>",
                    "<Days>30</Days><StorageClass>STANDARD_IA</StorageClass>",
                    "<Days>60</Days><StorageClass>GLACIER_IR</StorageClass>",
                    "<Days>180</Days><StorageClass>GLACIER</StorageClass>", "<Expiration><Days>365</Days>",
                    "<ID>all</ID>", "<Expiration><Days>1</Days>");

            assertFails(ErrorCode.UNSUPPORTED, () -> store.blobs.setContainerLifecycle(bucket, List.of()));
            var delete = store.last("DELETE");
            assertThat(delete.rawQueryParameters()).containsKey("lifecycle");
            assertFails(ErrorCode.UNSUPPORTED, () -> store.blobs.getContainerLifecycle(bucket));
            assertThat(store.last("GET").rawQueryParameters()).containsKey("lifecycle");
            store.blobs.deleteContainer(bucket);
        }
    }

    @Test
    void s3ProxyAccountsDoNotDeclareIt() {
        try (var account = S3ProxyAccounts.open(false)) {
            assertThat(account.capabilities().has(Capability.BLOB_CONTAINER_LIFECYCLE)).isFalse();
        }
    }
}
