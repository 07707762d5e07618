package io.unistore.crypto;

import io.unistore.ErrorCode;
import java.util.List;

/**
 * How far a key rotation got, told after each item (blob, file or entity) and returned at the end; the counts
 * below say blobs, and count files or entities alike.
 *
 * @param examined blobs looked at so far
 * @param rewrapped blobs whose content key is now wrapped by the primary key (re-written, for a re-encryption)
 * @param alreadyCurrent blobs already under the primary key, left alone
 * @param unencrypted blobs stored without encryption, left alone (a re-encryption encrypts them and counts them as
 *        rewrapped)
 * @param failed blobs that could not be rotated (a key the source does not have, a blob changed too often
 *        meanwhile, unreadable encryption data); the rotation goes on past them
 * @param failures the first {@value #MAX_FAILURES} of them, by name
 * @param continuationToken where to resume with {@link KeyRotation.Options#continuationToken()} (just after the
 *        last blob examined), or null when the rotation is complete
 */
public record RotationReport(long examined, long rewrapped, long alreadyCurrent, long unencrypted, long failed,
                             List<Failure> failures, String continuationToken) {
    /** Failures kept by name in a report. */
    public static final int MAX_FAILURES = 100;

    public RotationReport {
        failures = List.copyOf(failures);
    }

    /**
     * An item the rotation could not rotate.
     *
     * @param blob its name: a blob's name, a file's path, or an entity's {@code PartitionKey/RowKey}
     * @param code why, as an error code (PERMISSION_DENIED: its key is not in the key source)
     * @param message the error, naming the key id where one is involved
     */
    public record Failure(String blob, ErrorCode code, String message) {
    }
}
