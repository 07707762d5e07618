package io.unistore.azure;

import io.unistore.StorageException;
import io.unistore.spi.ProviderConfig;

/**
 * Transfer tuning of an account, from options: {@code blockSize} (bytes per uploaded block, default 8 MiB),
 * {@code concurrency} (blocks or ranges in flight, default 4) and {@code downloadChunkSize} (bytes per ranged GET
 * of a stream, default 4 MiB). Upload options override the first two per call.
 *
 * @param blockSize bytes per block
 * @param concurrency transfers in flight at once
 * @param downloadChunkSize bytes per ranged read
 */
record Tuning(long blockSize, int concurrency, int downloadChunkSize) {
    static final long DEFAULT_BLOCK_SIZE = 8L * 1024 * 1024;
    static final int DEFAULT_CONCURRENCY = 4;
    static final int DEFAULT_DOWNLOAD_CHUNK = 4 * 1024 * 1024;
    /** Azure's largest block (Put Block, API 2019-12-12 and later). */
    static final long MAX_BLOCK_SIZE = 4000L * 1024 * 1024;
    /** The buffers are Java arrays; keep a block well inside what one can hold. */
    static final long MAX_BUFFERED_BLOCK = 1024L * 1024 * 1024;

    static Tuning from(ProviderConfig config) {
        long block = longOption(config, "blockSize", DEFAULT_BLOCK_SIZE);
        int concurrency = config.intOption("concurrency", DEFAULT_CONCURRENCY);
        int chunk = config.intOption("downloadChunkSize", DEFAULT_DOWNLOAD_CHUNK);
        if (block < 1 || block > MAX_BUFFERED_BLOCK) {
            throw StorageException.invalidArgument("blockSize", "must be between 1 byte and 1 GiB, was " + block);
        }
        if (concurrency < 1 || concurrency > 64) {
            throw StorageException.invalidArgument("concurrency", "must be between 1 and 64, was " + concurrency);
        }
        if (chunk < 1024) {
            throw StorageException.invalidArgument("downloadChunkSize", "must be at least 1024, was " + chunk);
        }
        return new Tuning(block, concurrency, chunk);
    }

    /** The block size for one upload: the call's, else the account's, raised so Azure's 50,000 blocks suffice. */
    long blockSizeFor(long callBlockSize, long length) {
        long size = callBlockSize > 0 ? callBlockSize : blockSize;
        if (size > MAX_BUFFERED_BLOCK) {
            throw StorageException.invalidArgument("blockSize", "must be at most 1 GiB, was " + size);
        }
        if (length > 0) {
            long needed = (length + 49_999) / 50_000;
            size = Math.max(size, needed);
        }
        return size;
    }

    /** The concurrency for one transfer: the call's, else the account's. */
    int concurrencyFor(int callConcurrency) {
        return callConcurrency > 0 ? callConcurrency : concurrency;
    }

    private static long longOption(ProviderConfig config, String name, long defaultValue) {
        String v = config.option(name);
        if (v == null) {
            return defaultValue;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw StorageException.invalidArgument(name, "must be a whole number of bytes, was '" + v + "'");
        }
    }
}
