package io.unistore.crypto;

/**
 * How far a key rotation got, told after each blob and returned at the end.
 *
 * @param examined blobs looked at so far
 * @param rewrapped blobs whose content key is now wrapped by the primary key (re-written, for a re-encryption)
 * @param alreadyCurrent blobs already under the primary key, left alone
 * @param unencrypted blobs stored without encryption, left alone
 * @param continuationToken where to resume with {@link KeyRotation.Options#continuationToken()} (the listing page
 *        after the last one finished), or null when the rotation is complete
 */
public record RotationReport(long examined, long rewrapped, long alreadyCurrent, long unencrypted,
                             String continuationToken) {
}
