package io.unistore.ops;

import io.unistore.StorageException;

/**
 * Options of {@link FileTreeCopy#shareToShare}: a directory tree of one file share copied under a directory of
 * another (in the same account or another, on any provider: an Azure file share into a SharePoint library, say).
 *
 * @param sourceShare the share read
 * @param sourceDirectory the directory of it copied ("" for the root)
 * @param targetShare the share written (created when missing)
 * @param targetDirectory the directory the tree lands under ("" for the root)
 * @param concurrency files copied at once
 * @param incremental skip files whose target has the same size and MD5 (both stores must report MD5)
 * @param dryRun only count what would be copied
 * @param progress told how it advances, or null
 */
public record CopyShareOptions(String sourceShare, String sourceDirectory, String targetShare,
                               String targetDirectory, int concurrency, boolean incremental, boolean dryRun,
                               ProgressCallback progress) {
    public CopyShareOptions {
        if (sourceShare == null || sourceShare.isEmpty()) {
            throw StorageException.invalidArgument("sourceShare", "is required");
        }
        if (targetShare == null || targetShare.isEmpty()) {
            throw StorageException.invalidArgument("targetShare", "is required");
        }
        if (concurrency < 1 || concurrency > 256) {
            throw StorageException.invalidArgument("concurrency", "must be 1 to 256, was " + concurrency);
        }
        sourceDirectory = trimSlashes(sourceDirectory);
        targetDirectory = trimSlashes(targetDirectory);
    }

    /** A whole share into the root of another. */
    public static CopyShareOptions of(String sourceShare, String targetShare) {
        return new CopyShareOptions(sourceShare, "", targetShare, "", 4, true, false, null);
    }

    public CopyShareOptions withSourceDirectory(String v) {
        return new CopyShareOptions(sourceShare, v, targetShare, targetDirectory, concurrency, incremental, dryRun,
                progress);
    }

    public CopyShareOptions withTargetDirectory(String v) {
        return new CopyShareOptions(sourceShare, sourceDirectory, targetShare, v, concurrency, incremental, dryRun,
                progress);
    }

    public CopyShareOptions withConcurrency(int v) {
        return new CopyShareOptions(sourceShare, sourceDirectory, targetShare, targetDirectory, v, incremental,
                dryRun, progress);
    }

    public CopyShareOptions withIncremental(boolean v) {
        return new CopyShareOptions(sourceShare, sourceDirectory, targetShare, targetDirectory, concurrency, v,
                dryRun, progress);
    }

    public CopyShareOptions withDryRun(boolean v) {
        return new CopyShareOptions(sourceShare, sourceDirectory, targetShare, targetDirectory, concurrency,
                incremental, v, progress);
    }

    public CopyShareOptions withProgress(ProgressCallback v) {
        return new CopyShareOptions(sourceShare, sourceDirectory, targetShare, targetDirectory, concurrency,
                incremental, dryRun, v);
    }

    /** The target path of a source path under the source directory. */
    String targetPath(String sourcePath) {
        String relative = sourceDirectory.isEmpty() ? sourcePath : sourcePath.substring(sourceDirectory.length() + 1);
        return targetDirectory.isEmpty() ? relative : targetDirectory + "/" + relative;
    }

    private static String trimSlashes(String path) {
        return path == null ? "" : path.replaceAll("^/+|/+$", "");
    }
}
