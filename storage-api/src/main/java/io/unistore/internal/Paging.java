package io.unistore.internal;

import io.unistore.Capabilities;
import io.unistore.ListOptions;
import io.unistore.StorageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small shared steps of the stores: page sizes clamped to the declared limit, sizes of local files. */
final class Paging {
    private Paging() {
    }

    /** The options with a page size no larger than the account declares. */
    static ListOptions clamp(ListOptions options, Capabilities capabilities) {
        int max = capabilities.limits().maxPageSize();
        return options.pageSize() <= max ? options : options.withPageSize(max);
    }

    /** A page size no larger than the account declares. */
    static int clamp(int pageSize, Capabilities capabilities) {
        return Math.min(pageSize, capabilities.limits().maxPageSize());
    }

    static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw StorageException.invalidArgument("file", "cannot read '" + file + "': " + e.getMessage());
        }
    }
}
