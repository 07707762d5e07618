package io.unistore.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unistore.Capability;
import io.unistore.StorageAccount;
import io.unistore.blob.AccessTier;
import io.unistore.blob.BlobProperties;
import io.unistore.Unistore;
import io.unistore.blob.BlobWriteResult;
import io.unistore.blob.UploadOptions;
import io.unistore.spi.BlobBackend;
import io.unistore.spi.ForwardingAccountBackend;
import io.unistore.spi.ForwardingBlobBackend;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
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

    static final String OLDER_POLICY = """
            {"rules": [{"name": "older", "definition": {"filters": {"prefixMatch": ["older/v/"]},
               "actions": {"baseBlob": {"tierToCool": {"daysAfterLastAccessTimeGreaterThan": 1000}},
                           "snapshot": {"delete": {"daysAfterCreationGreaterThan": 30},
                                        "tierToCool": {"daysAfterCreationGreaterThan": 10}},
                           "version": {"delete": {"daysAfterCreationGreaterThan": 30}}}}}]}
            """;

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void snapshotAndVersionDeletesArePlannedAndAppliedAndTheRestIsStated(Backends.Backend backend) throws Exception {
        try (StorageAccount account = backend.open().get()) {
            boolean snapshots = account.capabilities().has(Capability.BLOB_SNAPSHOTS);
            boolean versions = account.capabilities().has(Capability.BLOB_VERSIONS);
            account.blobs().createContainer("older");
            account.blobs().upload("older", "v/a", new byte[100]);
            account.blobs().upload("older", "v/a", new byte[200]); // a previous version where versions are kept
            account.blobs().upload("older", "keep/b", new byte[50]);
            if (snapshots) {
                account.blobs().createSnapshot("older", "v/a", null);
                account.blobs().createSnapshot("older", "keep/b", null); // outside the rule's prefix
            }
            String current = account.blobs().getProperties("older", "v/a").etag();
            long oldVersions = versions ? account.blobs().listVersions("older", "v/a", io.unistore.ListOptions
                    .defaults()).stream().filter(v -> !v.currentVersion()).count() : 0;
            assertThat(oldVersions).as("previous versions of v/a").isEqualTo(versions ? 1 : 0);

            Path planFile = dir.resolve("older.ndjson");
            LifecyclePlan plan = Lifecycle.plan(account, "older", LifecyclePolicy.parse(OLDER_POLICY), planFile, 100,
                    IN_100_DAYS, null);
            Map<String, Long> expected = new HashMap<>();
            if (snapshots) {
                expected.put("snapshot.delete", 1L);
            }
            if (versions) {
                expected.put("version.delete", 1L);
            }
            assertThat(plan.actions()).isEqualTo(expected);
            assertThat(plan.items()).allSatisfy(i -> {
                assertThat(i.blob()).isEqualTo("v/a");
                assertThat(i.snapshot() != null).isEqualTo("snapshot".equals(i.target()));
                assertThat(i.versionId() != null).isEqualTo("version".equals(i.target()));
            });
            assertThat(plan.notApplied()).anySatisfy(n -> assertThat(n).contains("'older'",
                    "daysAfterLastAccessTimeGreaterThan", "not evaluable", account.providerId()));
            assertThat(plan.notApplied().stream().anyMatch(n -> n.contains("actions.snapshot do not apply")))
                    .isEqualTo(!snapshots);
            assertThat(plan.notApplied().stream().anyMatch(n -> n.contains("actions.version do not apply")))
                    .isEqualTo(!versions);
            assertThat(plan.notApplied().stream().anyMatch(n -> n.contains("snapshot.tierToCool cannot be applied")))
                    .isEqualTo(snapshots);

            LifecycleApplyResult applied = Lifecycle.apply(account, "older", planFile, null, null);
            assertThat(applied.failed()).as("%s", applied.failures()).isZero();
            assertThat(applied.applied()).isEqualTo(expected.size());
            if (snapshots) {
                assertThat(account.blobs().listSnapshots("older", "v/a")).isEmpty();
                assertThat(account.blobs().listSnapshots("older", "keep/b")).hasSize(1);
            }
            if (versions) {
                assertThat(account.blobs().listVersions("older", "v/a", io.unistore.ListOptions.defaults()).stream()
                        .filter(v -> !v.currentVersion()).count()).isZero();
            }
            assertThat(account.blobs().getProperties("older", "v/a").etag()).isEqualTo(current);
            assertThat(account.blobs().downloadBytes("older", "v/a")).hasSize(200);
            LifecycleApplyResult again = Lifecycle.apply(account, "older", planFile, null, null);
            assertThat(again.applied()).isZero();
            assertThat(again.skippedAlready()).isEqualTo(expected.size());
        }
    }

    static final String COMPRESS_POLICY = """
            {"rules": [{"name": "squeeze", "definition": {"filters": {"prefixMatch": ["squeeze/c/"]},
               "actions": {"baseBlob": {"compress": {"daysAfterModificationGreaterThan": 30}}}}}]}
            """;

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void compressGzipsCompressibleBlobsKeepingTheOriginalMd5AndNeverLosesAConcurrentWrite(Backends.Backend backend)
            throws Exception {
        try (StorageAccount real = backend.open().get()) {
            byte[] text = "2026-12-03 INFO request served in 12 ms\n".repeat(600).getBytes(StandardCharsets.UTF_8);
            byte[] noise = new byte[20_000];
            new java.util.Random(7).nextBytes(noise);
            real.blobs().createContainer("squeeze");
            UploadOptions typed = UploadOptions.defaults().withContentType("text/plain").withCacheControl("max-age=60")
                    .withMetadata(Map.of("owner", "ada"));
            real.blobs().upload("squeeze", "c/app.log", text, typed);
            real.blobs().upload("squeeze", "c/race.log", text, typed);
            real.blobs().upload("squeeze", "c/late.log", text, typed);
            real.blobs().upload("squeeze", "c/noise.bin", noise);
            real.blobs().upload("squeeze", "c/photo.jpg", text);
            real.blobs().upload("squeeze", "c/small.txt", "tiny".getBytes(StandardCharsets.UTF_8));
            String md5 = Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(text));
            // A writer that replaces c/late.log between its read and its rewrite: the conditional upload must lose.
            byte[] concurrent = "written meanwhile".getBytes(StandardCharsets.UTF_8);
            StorageAccount account = Unistore.layered(CountingAccount.layerable(real), inner -> new ForwardingAccountBackend(inner) {
                @Override
                public BlobBackend blobs() {
                    return new ForwardingBlobBackend(super.blobs()) {
                        @Override
                        public BlobWriteResult upload(String c, String b, InputStream content, UploadOptions o) {
                            if (b.equals("c/late.log") && "gzip".equals(o.contentEncoding())) {
                                delegate().upload(c, b, new java.io.ByteArrayInputStream(concurrent),
                                        UploadOptions.defaults().withLength(concurrent.length));
                            }
                            return super.upload(c, b, content, o);
                        }
                    };
                }
            });

            Path planFile = dir.resolve("squeeze.ndjson");
            LifecyclePlan plan = Lifecycle.plan(account, "squeeze", LifecyclePolicy.parse(COMPRESS_POLICY), planFile,
                    100, IN_100_DAYS, null);
            assertThat(plan.items()).extracting(LifecyclePlan.Item::blob)
                    .containsExactlyInAnyOrder("c/app.log", "c/race.log", "c/late.log");
            assertThat(plan.actions()).containsExactly(Map.entry("compress", 3L));
            if (!account.providerId().equals("local")) { // local storage is priced at 0
                assertThat(plan.items()).allSatisfy(i -> assertThat(i.monthlySaving()).isPositive());
            }
            real.blobs().upload("squeeze", "c/race.log", "changed after planning".getBytes(StandardCharsets.UTF_8));

            LifecycleApplyResult r = Lifecycle.apply(account, "squeeze", planFile, null, null);
            assertThat(r.failed()).as("%s", r.failures()).isZero();
            assertThat(r.applied()).isEqualTo(1);
            assertThat(r.skippedChanged()).isEqualTo(2);

            BlobProperties p = real.blobs().getProperties("squeeze", "c/app.log");
            assertThat(p.contentEncoding()).isEqualTo("gzip");
            assertThat(p.contentType()).isEqualTo("text/plain");
            assertThat(p.cacheControl()).isEqualTo("max-age=60");
            assertThat(p.metadata()).containsEntry("owner", "ada")
                    .containsEntry(LifecycleCompress.ORIGINAL_MD5, md5)
                    .containsEntry(LifecycleCompress.ORIGINAL_SIZE, Integer.toString(text.length));
            assertThat(p.size()).isLessThan(text.length / 10);
            byte[] stored = real.blobs().downloadBytes("squeeze", "c/app.log");
            try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(stored))) {
                assertThat(in.readAllBytes()).isEqualTo(text);
            }
            assertThat(real.blobs().downloadBytes("squeeze", "c/race.log")).asString(StandardCharsets.UTF_8)
                    .isEqualTo("changed after planning");
            assertThat(real.blobs().downloadBytes("squeeze", "c/late.log")).isEqualTo(concurrent);
            assertThat(real.blobs().getProperties("squeeze", "c/late.log").contentEncoding()).isNull();

            LifecyclePlan again = Lifecycle.plan(real, "squeeze", LifecyclePolicy.parse(COMPRESS_POLICY), null, 100,
                    IN_100_DAYS, null);
            assertThat(again.examined()).isEqualTo(6);
            assertThat(again.items()).isEmpty(); // app.log is gzip now; the other two were rewritten small
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
        assertThatThrownBy(() -> LifecyclePolicy.parse("{\"rules\": [{\"definition\": {\"actions\": {\"version\": "
                + "{\"delete\": {\"daysAfterModificationGreaterThan\": 1}}}}}]}"))
                .hasMessageContaining("policy.rules[0].definition.actions.version.delete")
                .hasMessageContaining("daysAfterCreationGreaterThan");
        assertThatThrownBy(() -> LifecyclePolicy.parse("{\"rules\": [{\"definition\": {\"actions\": {\"baseBlob\": "
                + "{\"delete\": {\"daysAfterModificationGreaterThan\": 1, \"daysAfterLastAccessTimeGreaterThan\": 1}}}}}]}"))
                .hasMessageContaining("exactly one of");
        assertThatThrownBy(() -> LifecyclePolicy.parse("[1]")).hasMessageContaining("policy");
        assertThatThrownBy(() -> LifecyclePolicy.parse("{\"rules\": " + "[".repeat(5000))).hasMessageContaining(
                "policy");
    }
}
