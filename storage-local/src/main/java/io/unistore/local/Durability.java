package io.unistore.local;

import io.unistore.StorageException;
import java.util.Locale;

/** How much of a write survives a crash once the call returns. */
enum Durability {
    /**
     * Safe against a crash of the process: content is renamed into place whole and committed in SQLite (WAL,
     * {@code synchronous=NORMAL}) after, so a killed process leaves every write that returned, none torn; nothing
     * is forced to the disk. After a power loss or an OS crash the database is consistent, but the last moments'
     * writes may be lost, and a blob or file written, replaced or deleted then may name content that is missing
     * or cut short (its row reached the disk before its bytes).
     */
    PROCESS,
    /**
     * Safe against a power loss too: a content file is forced to the disk before its rename, its folder after
     * (and a new folder's parent), and SQLite runs with {@code synchronous=FULL}, which forces each commit before
     * it returns. Slower: several fsyncs a write.
     */
    SYNC;

    static Durability parse(String value) {
        for (Durability d : values()) {
            if (d.name().equalsIgnoreCase(value.trim())) {
                return d;
            }
        }
        throw StorageException.invalidArgument("durability", "must be 'process' or 'sync', was '" + value + "'");
    }

    String optionValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
