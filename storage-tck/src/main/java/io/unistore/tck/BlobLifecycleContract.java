package io.unistore.tck;

import static io.unistore.tck.ErrorAssertions.assertFails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.unistore.Capability;
import io.unistore.ErrorCode;
import io.unistore.blob.AccessTier;
import io.unistore.blob.ContainerLifecycleRule;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Lifecycle rules the service enforces on a container ({@link Capability#BLOB_CONTAINER_LIFECYCLE}): set, read
 * back, replaced and cleared; refused with UNSUPPORTED where not declared. Services store rules in their own
 * shape (Cloud Storage has one action per rule and no names), so what is compared is each action: prefix,
 * target and days.
 */
abstract class BlobLifecycleContract extends BlobContractBase {

    /** Each action of the rules as "prefix|target|days", target a tier or "delete". */
    static Set<String> actions(List<ContainerLifecycleRule> rules) {
        Set<String> out = new TreeSet<>();
        for (ContainerLifecycleRule r : rules) {
            r.transitions().forEach((tier, days) -> out.add(r.prefix() + "|" + tier + "|" + days));
            if (r.deleteAfterDays() != null) {
                out.add(r.prefix() + "|delete|" + r.deleteAfterDays());
            }
        }
        return out;
    }

    @Nested
    class ContainerLifecycle {
        @Test
        void rulesAreSetReadReplacedAndCleared() {
            assumeTrue(declares(Capability.BLOB_CONTAINER_LIFECYCLE), "no BLOB_CONTAINER_LIFECYCLE");
            String c = newContainer();
            assertThat(blobs.getContainerLifecycle(c)).isEmpty();
            List<ContainerLifecycleRule> rules = List.of(
                    new ContainerLifecycleRule("logs", "logs/", Map.of(AccessTier.COOL, 30, AccessTier.ARCHIVE, 90),
                            365),
                    new ContainerLifecycleRule("tmp", "tmp/", Map.of(), 7));
            blobs.setContainerLifecycle(c, rules);
            assertThat(actions(blobs.getContainerLifecycle(c))).containsExactlyInAnyOrder(
                    "logs/|COOL|30", "logs/|ARCHIVE|90", "logs/|delete|365", "tmp/|delete|7");

            blobs.setContainerLifecycle(c, List.of(new ContainerLifecycleRule("all", "", Map.of(AccessTier.COLD, 60),
                    null)));
            assertThat(actions(blobs.getContainerLifecycle(c))).as("setting replaces every rule")
                    .containsExactly("|COLD|60");

            blobs.setContainerLifecycle(c, List.of());
            assertThat(blobs.getContainerLifecycle(c)).isEmpty();
        }

        @Test
        void badRulesAreRefusedNamingTheFieldAndNothingChanges() {
            assumeTrue(declares(Capability.BLOB_CONTAINER_LIFECYCLE), "no BLOB_CONTAINER_LIFECYCLE");
            String c = newContainer();
            blobs.setContainerLifecycle(c, List.of(new ContainerLifecycleRule("keep", "", Map.of(), 100)));
            assertThat(assertFails(ErrorCode.INVALID_ARGUMENT, () -> new ContainerLifecycleRule("hot", "",
                    Map.of(AccessTier.HOT, 1), null)).getMessage()).contains("transitions").contains("cooler");
            assertThat(assertFails(ErrorCode.INVALID_ARGUMENT, () -> new ContainerLifecycleRule("neg", "", Map.of(),
                    -1)).getMessage()).contains("deleteAfterDays");
            assertThat(assertFails(ErrorCode.INVALID_ARGUMENT, () -> new ContainerLifecycleRule("none", "p/",
                    Map.of(), null)).getMessage()).contains("no action");
            ContainerLifecycleRule twice = new ContainerLifecycleRule("same", "", Map.of(), 5);
            assertThat(assertFails(ErrorCode.INVALID_ARGUMENT, () -> blobs.setContainerLifecycle(c,
                    List.of(twice, twice))).getMessage()).contains("rules").contains("'same'");
            assertThat(actions(blobs.getContainerLifecycle(c))).containsExactly("|delete|100");
            assertFails(ErrorCode.NOT_FOUND, () -> blobs.getContainerLifecycle(TestData.uniqueName("absent")));
            assertFails(ErrorCode.NOT_FOUND, () -> blobs.setContainerLifecycle(TestData.uniqueName("absent"),
                    List.of(twice)));
        }

        @Test
        void withoutTheCapabilityLifecycleIsRefused() {
            assumeFalse(declares(Capability.BLOB_CONTAINER_LIFECYCLE), "account declares BLOB_CONTAINER_LIFECYCLE");
            assertFails(ErrorCode.UNSUPPORTED, () -> blobs.setContainerLifecycle(box,
                    List.of(new ContainerLifecycleRule("r", "", Map.of(), 1))));
            assertFails(ErrorCode.UNSUPPORTED, () -> blobs.getContainerLifecycle(box));
        }
    }
}
