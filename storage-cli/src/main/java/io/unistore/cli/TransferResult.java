package io.unistore.cli;

import java.util.Map;

/**
 * What {@code cp} or {@code sync} moved (the {@code --json} output).
 *
 * @param copied objects written
 * @param unchanged objects skipped because the target held the same size and MD5 already
 * @param failed objects that failed (see {@code failures})
 * @param bytes bytes of the copied objects
 * @param bytesStreamed bytes that passed through this machine (the rest the services copied themselves)
 * @param byMethod copied objects per method: UPLOAD, DOWNLOAD, LOCAL, or storage-ops' SERVER_COPY,
 *                 COPY_FROM_URL, STREAM
 * @param failures failed names with why
 * @param seconds wall time
 */
record TransferResult(long copied, long unchanged, long failed, long bytes, long bytesStreamed,
                      Map<String, Long> byMethod, Map<String, String> failures, double seconds) {

    static final TransferResult NOTHING = new TransferResult(0, 0, 0, 0, 0, Map.of(), Map.of(), 0);

    /** The summary line people read. */
    String summary() {
        double mib = bytes / (1024.0 * 1024.0);
        return String.format(java.util.Locale.ROOT, "%d copied (%s, %.1f MiB/s), %d unchanged, %d failed in %.1f s",
                copied, Sizes.human(bytes), seconds > 0 ? mib / seconds : 0, unchanged, failed, seconds);
    }
}
