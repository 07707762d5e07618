package io.unistore.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.ErrorCode;
import io.unistore.StorageAccount;
import io.unistore.blob.AccessTier;
import io.unistore.blob.ContainerLifecycleRule;
import io.unistore.tck.ErrorAssertions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The mapping of a policy to S3's and Cloud Storage's own lifecycle documents, and the push of it to a bucket of
 * the Cloud Storage stand-in (S3's is checked request by request in storage-aws: S3Proxy has no lifecycle).
 */
class NativeLifecycleTest {
    static final LifecyclePolicy POLICY = LifecyclePolicy.parse("""
            {"rules": [
              {"name": "logs", "definition": {"filters": {"prefixMatch": ["life/logs/", "other/x/"]},
                 "actions": {"baseBlob": {"tierToCool": {"daysAfterModificationGreaterThan": 30},
                                          "tierToArchive": {"daysAfterCreationGreaterThan": 180},
                                          "delete": {"daysAfterModificationGreaterThan": 365},
                                          "compress": {"daysAfterModificationGreaterThan": 7}},
                             "snapshot": {"delete": {"daysAfterCreationGreaterThan": 90}},
                             "version": {"delete": {"daysAfterCreationGreaterThan": 30}}}}},
              {"name": "tmp", "definition": {"filters": {"prefixMatch": ["life/tmp/"]},
                 "actions": {"baseBlob": {"tierToCool": {"daysAfterModificationGreaterThan": 10},
                                          "tierToCold": {"daysAfterLastAccessTimeGreaterThan": 20}}}}},
              {"name": "elsewhere", "definition": {"filters": {"prefixMatch": ["other/"]},
                 "actions": {"baseBlob": {"delete": {"daysAfterModificationGreaterThan": 1}}}}}]}
            """);

    @Test
    void s3GetsTransitionsAndExpirationAndTheRestIsKeptClientSide() {
        NativeLifecycle.Mapping m = NativeLifecycle.s3(POLICY, "life");
        assertThat(Json.parse(m.document(), "d")).isEqualTo(Json.parse("""
                {"Rules": [{"ID": "logs", "Status": "Enabled", "Filter": {"Prefix": "logs/"},
                  "Expiration": {"Days": 365},
                  "Transitions": [{"Days": 30, "StorageClass": "STANDARD_IA"},
                                  {"Days": 180, "StorageClass": "GLACIER"}]}]}
                """, "e"));
        assertThat(m.keptClientSide()).containsExactly(
                "rule 'logs' baseBlob.compress: S3 has no compress action",
                "rule 'logs' snapshot.delete: S3 has no snapshots",
                "rule 'logs' version.delete: S3 counts a previous version's days from when it stopped being current, "
                        + "not from its creation",
                "rule 'tmp' baseBlob.tierToCold: S3 rules do not count from the last access",
                "rule 'tmp' baseBlob.tierToCool: S3 moves to STANDARD_IA after 30 days at the earliest");
        // What maps reads back as the same rule through the S3 import.
        LifecyclePolicy back = LifecyclePolicy.parse(m.document());
        assertThat(back.rules()).singleElement().satisfies(r -> assertThat(r.baseBlob()).containsOnlyKeys(
                LifecyclePolicy.Action.TIER_TO_COOL, LifecyclePolicy.Action.TIER_TO_ARCHIVE,
                LifecyclePolicy.Action.DELETE));
    }

    @Test
    void cloudStorageGetsOneRulePerActionWithTheContainersPrefixes() {
        NativeLifecycle.Mapping m = NativeLifecycle.gcs(POLICY, "life");
        assertThat(Json.parse(m.document(), "d")).isEqualTo(Json.parse("""
                {"rule": [
                  {"action": {"type": "SetStorageClass", "storageClass": "NEARLINE"},
                   "condition": {"age": 30, "matchesPrefix": ["logs/"]}},
                  {"action": {"type": "SetStorageClass", "storageClass": "ARCHIVE"},
                   "condition": {"age": 180, "matchesPrefix": ["logs/"]}},
                  {"action": {"type": "Delete"}, "condition": {"age": 365, "matchesPrefix": ["logs/"]}},
                  {"action": {"type": "SetStorageClass", "storageClass": "NEARLINE"},
                   "condition": {"age": 10, "matchesPrefix": ["tmp/"]}}]}
                """, "e"));
        assertThat(m.keptClientSide()).hasSize(4).anySatisfy(k -> assertThat(k).contains("'tmp'", "last access"));
        assertThat(NativeLifecycle.gcs(POLICY, "nothing-here").document()).isNull();
    }

    @Test
    void pushSendsWhatMapsToTheBucketAndReadsItBack() {
        try (StorageAccount gcs = Backends.gcs()) {
            gcs.blobs().createContainer("life");
            NativeLifecycle.Push push = NativeLifecycle.push(gcs, "life", POLICY);
            assertThat(push.pushed()).containsExactly(
                    new ContainerLifecycleRule("logs", "logs/", Map.of(AccessTier.COOL, 30, AccessTier.ARCHIVE, 180),
                            365),
                    new ContainerLifecycleRule("tmp", "tmp/", Map.of(AccessTier.COOL, 10), null));
            // Cloud Storage keeps one unnamed rule per action: the same actions come back, numbered.
            assertThat(push.readBack()).containsExactly(
                    new ContainerLifecycleRule("rule-1", "logs/", Map.of(AccessTier.COOL, 30), null),
                    new ContainerLifecycleRule("rule-2", "logs/", Map.of(AccessTier.ARCHIVE, 180), null),
                    new ContainerLifecycleRule("rule-3", "logs/", Map.of(), 365),
                    new ContainerLifecycleRule("rule-4", "tmp/", Map.of(AccessTier.COOL, 10), null));
            assertThat(push.keptClientSide()).hasSize(4);

            // A policy of which nothing maps to this container removes its rules.
            NativeLifecycle.Push cleared = NativeLifecycle.push(gcs, "life", LifecyclePolicy.parse("""
                    {"rules": [{"name": "z", "definition": {"filters": {"prefixMatch": ["life/z/"]},
                      "actions": {"baseBlob": {"compress": {"daysAfterModificationGreaterThan": 1}}}}}]}"""));
            assertThat(cleared.pushed()).isEmpty();
            assertThat(cleared.readBack()).isEmpty();
            assertThat(cleared.keptClientSide()).singleElement().asString().contains("compress");
        }
    }

    @Test
    void accountsWithoutALifecycleServiceAreRefusedNamingTheAlternative() {
        try (StorageAccount local = Backends.local()) {
            local.blobs().createContainer("life");
            assertThat(ErrorAssertions.assertFails(ErrorCode.UNSUPPORTED, () -> NativeLifecycle.push(local, "life",
                    POLICY)).getMessage()).contains("BLOB_CONTAINER_LIFECYCLE").contains("apply-lifecycle");
            assertThat(local.blobs().list("life")).isEmpty();
        }
    }
}
