package io.unistore.ops;

import java.time.Duration;

/**
 * What a backup wrote.
 *
 * @param set the new set (its manifest's summary)
 * @param root the folder of the sets in the backup container
 * @param duration how long it took
 */
public record BackupResult(BackupSet set, String root, Duration duration) {
}
