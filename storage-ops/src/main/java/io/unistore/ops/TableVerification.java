package io.unistore.ops;

/**
 * A comparison of two sets of entities by count and {@link EntityHash content hash}.
 *
 * @param expectedCount entities expected (the source, filtered and transformed; or a backup's state)
 * @param expectedHash their content hash
 * @param actualCount entities found in the target table
 * @param actualHash their content hash
 */
public record TableVerification(long expectedCount, String expectedHash, long actualCount, String actualHash) {
    /** Whether count and hash are equal. */
    public boolean matches() {
        return expectedCount == actualCount && expectedHash.equals(actualHash);
    }
}
