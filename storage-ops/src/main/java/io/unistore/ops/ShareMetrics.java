package io.unistore.ops;

/**
 * What {@link StorageMetrics} found in one file share.
 *
 * @param name the share
 * @param files files in it (all directories walked)
 * @param directories directories in it
 * @param bytes the files' total size
 * @param quotaGb the share's quota in GiB, 0 when none
 * @param usedPercent bytes as a percentage of the quota, or -1 without a quota
 */
public record ShareMetrics(String name, long files, long directories, long bytes, int quotaGb, double usedPercent) {
}
