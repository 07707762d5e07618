package io.unistore.blob;

import io.unistore.StorageException;
import java.util.List;
import java.util.Map;

/**
 * The outcome of {@link BlobStore#deleteBlobs}: names deleted (or already absent), and those that failed.
 *
 * @param deleted names that no longer exist
 * @param failed names that could not be deleted, with why
 */
public record BatchDeleteResult(List<String> deleted, Map<String, StorageException> failed) {
    public BatchDeleteResult {
        deleted = List.copyOf(deleted);
        failed = Map.copyOf(failed);
    }

    /** Whether every name was deleted. */
    public boolean isComplete() {
        return failed.isEmpty();
    }
}
