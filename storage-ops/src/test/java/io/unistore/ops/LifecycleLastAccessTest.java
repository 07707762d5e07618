package io.unistore.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.StorageAccount;
import io.unistore.blob.AccessTier;
import io.unistore.blob.BlobProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Last-access conditions where the service reports the time (Azure with tracking on, which Azurite does not
 * emulate, so the properties are built here as Azure's mapping gives them): counted from the last access, never
 * from the modification time, and left out when the time is unknown. The local provider reports it for real.
 */
class LifecycleLastAccessTest {
    @TempDir
    java.nio.file.Path dir;

    static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    static final LifecyclePolicy POLICY = LifecyclePolicy.parse("""
            {"rules": [{"name": "reads", "definition": {"filters": {},
               "actions": {"baseBlob": {"tierToCool": {"daysAfterLastAccessTimeGreaterThan": 10},
                                        "delete": {"daysAfterLastAccessTimeGreaterThan": 100}}}}}]}
            """);

    static BlobProperties blob(String name, Integer accessedDaysAgo) {
        return BlobProperties.builder().container("c").name(name).size(1000).etag("\"e\"").tier(AccessTier.HOT)
                .lastModified(NOW.minus(Duration.ofDays(400))).createdAt(NOW.minus(Duration.ofDays(400)))
                .lastAccessedOn(accessedDaysAgo == null ? null : NOW.minus(Duration.ofDays(accessedDaysAgo))).build();
    }

    @Test
    void actionsCountFromTheLastAccessAndNeverFromTheModification() {
        try (StorageAccount account = Backends.local()) {
            LifecycleReach reach = new LifecycleReach(account, POLICY);
            assertThat(Lifecycle.due(blob("read-yesterday", 1), POLICY.rules(), NOW, reach, null)).isNull();
            assertThat(Lifecycle.due(blob("read-50-days-ago", 50), POLICY.rules(), NOW, reach, null).action())
                    .isEqualTo("tierToCool");
            assertThat(Lifecycle.due(blob("read-200-days-ago", 200), POLICY.rules(), NOW, reach, null).action())
                    .isEqualTo("delete");
            assertThat(Lifecycle.due(blob("never-reported", null), POLICY.rules(), NOW, reach, null))
                    .as("modified 400 days ago, but its last access is unknown").isNull();
            assertThat(reach.notApplied).hasSize(2).allSatisfy(n -> assertThat(n).contains("'reads'",
                    "evaluated only", "not evaluable on the others"));
        }
    }

    @Test
    void onLocalTheRecordedAccessIsEvaluated() {
        try (StorageAccount account = Backends.local()) {
            account.blobs().createContainer("reads");
            account.blobs().upload("reads", "read", new byte[10]);
            account.blobs().upload("reads", "unread", new byte[10]);
            account.blobs().downloadBytes("reads", "read");
            Instant now = Instant.now();
            assertThat(Lifecycle.plan(account, "reads", POLICY, dir.resolve("soon.ndjson"), 10, now.plus(Duration
                    .ofDays(5)), null).actions()).as("accessed 5 days before").isEmpty();
            assertThat(Lifecycle.plan(account, "reads", POLICY, dir.resolve("later.ndjson"), 10, now.plus(Duration
                    .ofDays(50)), null).actions()).isEqualTo(Map.of("tierToCool", 2L));
            assertThat(Lifecycle.plan(account, "reads", POLICY, dir.resolve("much-later.ndjson"), 10, now.plus(Duration
                    .ofDays(200)), null).actions()).isEqualTo(Map.of("delete", 2L));
        }
    }
}
