package io.unistore.testsupport.gcs;

import java.time.Instant;
import java.util.Map;

/** A bucket's resource. Immutable; a patch replaces it with the next metageneration. */
record StoredBucket(String name, String project, boolean versioning, String storageClass, String location,
                    Map<String, String> labels, long metageneration, Instant created, Instant updated) {

    StoredBucket {
        labels = Map.copyOf(labels);
    }

    StoredBucket with(boolean versioningValue, Map<String, String> labelsValue, Instant now) {
        return new StoredBucket(name, project, versioningValue, storageClass, location, labelsValue,
                metageneration + 1, created, now);
    }
}
