package io.unistore.ops;

import io.unistore.StorageException;
import java.time.Duration;

/**
 * Which backup chains to keep. A chain is a full set with the incremental sets built on it; chains are kept or
 * deleted whole, so no kept set loses its base. A chain is kept when either rule keeps it, and the newest chain
 * is always kept.
 *
 * @param keepLast keep the newest this many chains (0: no count rule)
 * @param keepFor keep chains with a set completed within this long (null: no age rule)
 */
public record RetentionPolicy(int keepLast, Duration keepFor) {
    public RetentionPolicy {
        if (keepLast < 0) {
            throw StorageException.invalidArgument("keepLast", "must not be negative, was " + keepLast);
        }
        if (keepFor != null && keepFor.isNegative()) {
            throw StorageException.invalidArgument("keepFor", "must not be negative");
        }
        if (keepLast == 0 && keepFor == null) {
            throw StorageException.invalidArgument("keepLast/keepFor", "give at least one rule");
        }
    }

    /** Keeps the newest {@code n} chains. */
    public static RetentionPolicy keepLast(int n) {
        return new RetentionPolicy(n, null);
    }

    /** Keeps chains with a set from the last {@code days} days. */
    public static RetentionPolicy keepDays(int days) {
        return new RetentionPolicy(0, Duration.ofDays(days));
    }
}
