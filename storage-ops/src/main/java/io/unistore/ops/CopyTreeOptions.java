package io.unistore.ops;

import io.unistore.StorageException;

/**
 * Options of {@link FileTreeCopy}: a directory tree of a file share and the blobs under a prefix of a
 * container, file {@code dir/sub/file} being blob {@code prefix + "dir/sub/file"}.
 *
 * @param share the file share
 * @param directory the directory of the share ("" for its root)
 * @param container the blob container
 * @param prefix the blob name prefix ("" or null for none; give a trailing "/" for a folder)
 * @param concurrency files copied at once
 * @param incremental skip files whose target has the same size and MD5
 * @param dryRun only count what would be copied
 * @param progress told how it advances, or null
 */
public record CopyTreeOptions(String share, String directory, String container, String prefix, int concurrency,
                              boolean incremental, boolean dryRun, ProgressCallback progress) {
    public CopyTreeOptions {
        if (share == null || share.isEmpty()) {
            throw StorageException.invalidArgument("share", "is required");
        }
        if (container == null || container.isEmpty()) {
            throw StorageException.invalidArgument("container", "is required");
        }
        if (concurrency < 1 || concurrency > 256) {
            throw StorageException.invalidArgument("concurrency", "must be 1 to 256, was " + concurrency);
        }
        directory = directory == null ? "" : directory.replaceAll("^/+|/+$", "");
        prefix = prefix == null ? "" : prefix;
    }

    /** A whole share and a whole container. */
    public static CopyTreeOptions of(String share, String container) {
        return new CopyTreeOptions(share, "", container, "", 4, true, false, null);
    }

    public CopyTreeOptions withDirectory(String v) {
        return new CopyTreeOptions(share, v, container, prefix, concurrency, incremental, dryRun, progress);
    }

    public CopyTreeOptions withPrefix(String v) {
        return new CopyTreeOptions(share, directory, container, v, concurrency, incremental, dryRun, progress);
    }

    public CopyTreeOptions withConcurrency(int v) {
        return new CopyTreeOptions(share, directory, container, prefix, v, incremental, dryRun, progress);
    }

    public CopyTreeOptions withIncremental(boolean v) {
        return new CopyTreeOptions(share, directory, container, prefix, concurrency, v, dryRun, progress);
    }

    public CopyTreeOptions withDryRun(boolean v) {
        return new CopyTreeOptions(share, directory, container, prefix, concurrency, incremental, v, progress);
    }

    public CopyTreeOptions withProgress(ProgressCallback v) {
        return new CopyTreeOptions(share, directory, container, prefix, concurrency, incremental, dryRun, v);
    }

    /** The share path of a file under the directory. */
    String filePath(String relative) {
        return directory.isEmpty() ? relative : directory + "/" + relative;
    }
}
