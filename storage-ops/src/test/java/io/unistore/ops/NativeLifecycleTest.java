package io.unistore.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The mapping of a policy to S3's and Cloud Storage's own lifecycle documents (pure mapping: nothing is sent). */
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
}
