package io.unistore.ops;

import io.unistore.StorageAccount;
import io.unistore.blob.BlobItem;
import io.unistore.blob.BlobStore;
import io.unistore.blob.ListBlobsOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies a {@link RetentionPolicy} to the backup sets under a root: deletes whole chains the policy does not
 * keep, and incomplete sets (a backup that died before its manifest) older than the newest complete set. A set
 * is deleted manifest first, so a deletion cut short leaves an incomplete set, never a damaged complete one.
 */
public final class Retention {
    private Retention() {
    }

    /**
     * What retention deleted (or, in a dry run, would delete).
     *
     * @param deleted set ids deleted
     * @param kept complete set ids kept
     * @param deletedBlobs blobs removed
     */
    public record Result(List<String> deleted, List<String> kept, long deletedBlobs) {
        public Result {
            deleted = List.copyOf(deleted);
            kept = List.copyOf(kept);
        }
    }

    /** Applies the policy now. */
    public static Result apply(StorageAccount backup, String container, String root, RetentionPolicy policy,
                               boolean dryRun) {
        return apply(backup, container, root, policy, Instant.now(), dryRun);
    }

    /** Applies the policy as of {@code now}. */
    public static Result apply(StorageAccount backup, String container, String root, RetentionPolicy policy,
                               Instant now, boolean dryRun) {
        BlobStore store = backup.blobs();
        List<BackupSet> sets = BackupCatalog.list(store, container, root);
        Map<String, List<BackupSet>> chains = new LinkedHashMap<>();
        for (BackupSet s : sets) {
            chains.computeIfAbsent(s.chainStart(), k -> new ArrayList<>()).add(s);
        }
        List<List<BackupSet>> ordered = new ArrayList<>(chains.values());
        ordered.sort(Comparator.comparing((List<BackupSet> c) -> newest(c)).reversed());
        List<String> delete = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            List<BackupSet> chain = ordered.get(i);
            boolean keep = i == 0 || i < policy.keepLast()
                    || policy.keepFor() != null && !newest(chain).isBefore(now.minus(policy.keepFor()));
            chain.forEach(s -> (keep ? kept : delete).add(s.setId()));
        }
        String newestComplete = sets.stream().map(BackupSet::setId).max(String::compareTo).orElse(null);
        List<String> complete = sets.stream().map(BackupSet::setId).toList();
        for (String id : BackupCatalog.setIds(store, container, root)) {
            if (!complete.contains(id) && newestComplete != null && id.compareTo(newestComplete) < 0) {
                delete.add(id);
            }
        }
        long blobs = 0;
        for (String id : delete) {
            blobs += deleteSet(store, container, root + "/" + id + "/", dryRun);
        }
        delete.sort(null);
        kept.sort(null);
        return new Result(delete, kept, blobs);
    }

    private static Instant newest(List<BackupSet> chain) {
        return chain.stream().map(BackupSet::completedAt).max(Comparator.naturalOrder()).orElseThrow();
    }

    private static long deleteSet(BlobStore store, String container, String dir, boolean dryRun) {
        List<String> names = new ArrayList<>();
        for (BlobItem item : store.list(container, ListBlobsOptions.prefix(dir))) {
            names.add(item.name());
        }
        if (!dryRun) {
            store.delete(container, dir + BackupCatalog.MANIFEST);
            var result = store.deleteBlobs(container, names);
            if (!result.isComplete()) {
                throw result.failed().values().iterator().next();
            }
        }
        return names.size();
    }
}
