package io.unistore.ops;

import io.unistore.table.TableEntity;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a table migration or transform did.
 *
 * @param read source entities read in this run
 * @param written entities written in this run (in a dry run: that would be)
 * @param leftOut entities a {@code where} step left out
 * @param unchanged entities not written because the target already held them exactly (the resume window, or
 *                  in place: entities the transform does not change)
 * @param doneBefore entities finished by earlier runs, from the checkpoint
 * @param batches transactions (or single writes) sent
 * @param failed entities in failed batches or failing the transform
 * @param verification the count and hash comparison, or null when not verified
 * @param preview up to {@code previewSize} entities before and after the transform (dry runs)
 * @param duration how long it took
 * @param complete whether every source entity is now handled
 * @param interrupted whether the run stopped because its thread was interrupted
 * @param dryRun whether this was a dry run
 * @param failures entity keys ("pk/rk") with why (up to the report limit)
 */
public record MigrateTableResult(long read, long written, long leftOut, long unchanged, long doneBefore,
                                 long batches, long failed, TableVerification verification,
                                 List<EntityPreview> preview, Duration duration, boolean complete,
                                 boolean interrupted, boolean dryRun, Map<String, String> failures) {
    public MigrateTableResult {
        preview = List.copyOf(preview);
        failures = Map.copyOf(failures);
    }

    /**
     * One entity before and after the transform.
     *
     * @param before as read
     * @param after as it would be written, or null when left out
     */
    public record EntityPreview(TableEntity before, TableEntity after) {
    }
}
