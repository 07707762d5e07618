package io.unistore.testsupport.gcs;

import java.time.Instant;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A bucket's resource. Immutable; a patch replaces it with the next metageneration. {@code lifecycle} is the
 * bucket's {@code lifecycle} field as the service shows it ({@code {"rule": [...]}}), or null when it has none.
 */
record StoredBucket(String name, String project, boolean versioning, String storageClass, String location,
                    Map<String, String> labels, JsonNode lifecycle, long metageneration, Instant created,
                    Instant updated) {

    StoredBucket {
        labels = Map.copyOf(labels);
        lifecycle = lifecycle == null ? null : lifecycle.deepCopy();
    }

    StoredBucket with(boolean versioningValue, Map<String, String> labelsValue, JsonNode lifecycleValue,
                      Instant now) {
        return new StoredBucket(name, project, versioningValue, storageClass, location, labelsValue, lifecycleValue,
                metageneration + 1, created, now);
    }
}
