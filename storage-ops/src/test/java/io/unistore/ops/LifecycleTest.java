package io.unistore.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unistore.Capability;
import io.unistore.StorageAccount;
import io.unistore.blob.AccessTier;
import io.unistore.blob.BlobProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Lifecycle policies planned and applied on every back end: exactly the plan, idempotent, resumable. */
class LifecycleTest {
    static final String POLICY = """
            {"rules": [
              {"enabled": true, "name": "logs", "type": "Lifecycle", "definition": {
                 "filters": {"blobTypes": ["blockBlob"], "prefixMatch": ["life/logs/"]},
                 "actions": {"baseBlob": {"tierToCool": {"daysAfterModificationGreaterThan": 30},
                                          "delete": {"daysAfterModificationGreaterThan": 365}}}}},
              {"enabled": true, "name": "tmp", "type": "Lifecycle", "definition": {
                 "filters": {"prefixMatch": ["life/tmp/"]},
                 "actions": {"baseBlob": {"delete": {"daysAfterCreationGreaterThan": 1}}}}},
              {"enabled": false, "name": "off", "definition": {"filters": {},
                 "actions": {"baseBlob": {"delete": {"daysAfterModificationGreaterThan": 0}}}}}]}
            """;
    static final Instant IN_100_DAYS = Instant.now().plus(Duration.ofDays(100));

    @TempDir
    Path dir;

    static List<Backends.Backend> targets() {
        return Backends.targets();
    }

    static void seed(StorageAccount account) {
        account.blobs().createContainer("life");
        for (int i = 0; i < 5; i++) {
            account.blobs().upload("life", "logs/l" + i, new byte[1000 + i]);
            account.blobs().upload("life", "tmp/t" + i, new byte[10]);
        }
        account.blobs().upload("life", "keep/k", new byte[5]);
    }

    static Map<String, BlobProperties> state(StorageAccount account) {
        Map<String, BlobProperties> m = new HashMap<>();
        account.blobs().list("life").forEach(b -> m.put(b.name(), b.properties()));
        return m;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void appliesExactlyWhatThePlanListedIdempotentlyAndResumably(Backends.Backend backend) throws Exception {
        try (StorageAccount account = backend.open().get()) {
            seed(account);
            boolean tiers = account.capabilities().has(Capability.BLOB_TIERS);
            LifecyclePolicy policy = LifecyclePolicy.parse(POLICY);
            Path planFile = dir.resolve("plan.ndjson");
            LifecyclePlan plan = Lifecycle.plan(account, "life", policy, planFile, 100, IN_100_DAYS, null);
            assertThat(plan.examined()).isEqualTo(11);
            Map<String, String> planned = plan.items().stream().collect(Collectors.toMap(LifecyclePlan.Item::blob,
                    LifecyclePlan.Item::action));
            Map<String, String> expected = new HashMap<>();
            for (int i = 0; i < 5; i++) {
                expected.put("tmp/t" + i, "delete");
                if (tiers) {
                    expected.put("logs/l" + i, "tierToCool");
                }
            }
            assertThat(planned).isEqualTo(expected);
            assertThat(plan.total()).isEqualTo(expected.size());
            assertThat(plan.actions()).containsEntry("delete", 5L);
            assertThat(Files.readAllLines(planFile)).hasSize(1 + expected.size());

            Map<String, BlobProperties> before = state(account);
            account.blobs().upload("life", "tmp/t4", new byte[11]); // changed after planning: must be left alone
            Path journal = dir.resolve("apply.journal");
            int[] reports = {0};
            LifecycleApplyResult first = Lifecycle.apply(account, "life", planFile, journal, p -> {
                if (p.itemsDone() >= 2 && reports[0]++ == 0) {
                    Thread.currentThread().interrupt();
                }
            }, Duration.ZERO);
            Thread.interrupted();
            assertThat(first.interrupted()).isTrue();
            assertThat(first.applied() + first.skippedChanged()).isEqualTo(2);
            LifecycleApplyResult second = Lifecycle.apply(account, "life", planFile, journal, null);
            assertThat(first.failed() + second.failed()).as("%s %s", first.failures(), second.failures()).isZero();
            assertThat(first.applied() + second.applied()).isEqualTo(expected.size() - 1);
            assertThat(second.skippedCheckpoint()).isEqualTo(first.applied() + first.skippedChanged());
            assertThat(first.skippedChanged() + second.skippedChanged()).isEqualTo(1);

            Map<String, BlobProperties> after = state(account);
            for (String name : before.keySet()) {
                String action = name.equals("tmp/t4") ? null : expected.get(name);
                if ("delete".equals(action)) {
                    assertThat(after).as(name).doesNotContainKey(name);
                } else if ("tierToCool".equals(action)) {
                    // S3Proxy keeps no storage class from CopyObject, which is how S3 changes one (the request
                    // itself is checked by S3CopyAndTierTest in storage-aws): there the blob must only remain.
                    if (!backend.name().equals("s3proxy")) {
                        assertThat(after.get(name).tier()).as(name).isEqualTo(AccessTier.COOL);
                    }
                    assertThat(after).as(name).containsKey(name);
                } else {
                    assertThat(after).as(name).containsKey(name);
                    if (!name.equals("tmp/t4")) {
                        assertThat(after.get(name).etag()).as(name).isEqualTo(before.get(name).etag());
                    }
                }
            }
            LifecycleApplyResult again = Lifecycle.apply(account, "life", planFile, null, null);
            long moves = expected.values().stream().filter("tierToCool"::equals).count();
            assertThat(again.applied()).isEqualTo(backend.name().equals("s3proxy") ? moves : 0);
            assertThat(again.failed()).isZero();
            assertThatThrownBy(() -> Lifecycle.apply(account, "other", planFile, null, null))
                    .hasMessageContaining("planPath").hasMessageContaining("'life'");
        }
    }

    @Test
    void importsS3LifecycleRules() {
        LifecyclePolicy p = LifecyclePolicy.parse("""
                {"Rules": [{"ID": "archive", "Status": "Enabled", "Filter": {"Prefix": "logs/"},
                  "Transitions": [{"Days": 30, "StorageClass": "STANDARD_IA"}, {"Days": 90, "StorageClass": "GLACIER"}],
                  "Expiration": {"Days": 365}},
                 {"ID": "off", "Status": "Disabled", "Expiration": {"Days": 1}}]}
                """);
        assertThat(p.rules()).singleElement().satisfies(r -> {
            assertThat(r.name()).isEqualTo("archive");
            assertThat(r.prefixMatch()).containsExactly("*/logs/");
            assertThat(r.baseBlob()).containsEntry(LifecyclePolicy.Action.TIER_TO_COOL,
                    new LifecyclePolicy.Condition(null, 30)).containsEntry(LifecyclePolicy.Action.TIER_TO_ARCHIVE,
                    new LifecyclePolicy.Condition(null, 90)).containsEntry(LifecyclePolicy.Action.DELETE,
                    new LifecyclePolicy.Condition(null, 365));
        });
        assertThatThrownBy(() -> LifecyclePolicy.parse("""
                {"Rules": [{"Status": "Enabled", "Transitions": [{"Days": 3, "StorageClass": "INTELLIGENT_TIERING"}]}]}
                """)).hasMessageContaining("policy.Rules[0].Transitions[0].StorageClass");
    }

    @Test
    void badPoliciesNameTheField() {
        assertThatThrownBy(() -> LifecyclePolicy.parse("{\"rules\": [{\"definition\": {\"actions\": {\"baseBlob\": "
                + "{\"tierToHot\": {\"daysAfterModificationGreaterThan\": 1}}}}}]}"))
                .hasMessageContaining("policy.rules[0].definition.actions.baseBlob").hasMessageContaining("tierToHot");
        assertThatThrownBy(() -> LifecyclePolicy.parse("{\"rules\": [{\"definition\": {\"actions\": {\"baseBlob\": "
                + "{\"delete\": {\"daysAfterModificationGreaterThan\": -1}}}}}]}"))
                .hasMessageContaining("daysAfterModificationGreaterThan");
        assertThatThrownBy(() -> LifecyclePolicy.parse("[1]")).hasMessageContaining("policy");
        assertThatThrownBy(() -> LifecyclePolicy.parse("{\"rules\": " + "[".repeat(5000))).hasMessageContaining(
                "policy");
    }
}
