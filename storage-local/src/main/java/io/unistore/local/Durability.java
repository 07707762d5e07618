package io.unistore.local;

import io.unistore.StorageException;
import java.util.Locale;

/** How much of a write survives a crash once the call returns. */
enum Durability {
    /**
     * Safe against a crash of the process: content is renamed into place whole and SQLite runs in WAL mode
     * with {@code synchronous=NORMAL}. A power loss may lose the last writes (never tear one).
     */
    PROCESS,
    /**
     * Safe against a power loss too: content files and their directory are fsync'ed before the rename, and
     * SQLite runs with {@code synchronous=FULL}. Slower.
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
