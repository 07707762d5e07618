package io.unistore.ops;

import io.unistore.StorageAccount;
import io.unistore.Unistore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * The back ends the operation tests run on. Each opens a fresh, empty account; adding an emulator-backed
 * account to the tests is one entry in {@link #targets()}.
 */
final class Backends {
    /** A named way to open an empty account. */
    record Backend(String name, Supplier<StorageAccount> open) {
        @Override
        public String toString() {
            return name;
        }
    }

    private Backends() {
    }

    /** A local account on a fresh directory under the build's temp folder. */
    static StorageAccount local() {
        try {
            Path dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "ops-local-");
            return Unistore.open(dir.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The accounts copies and backups are written to (the source is always local). */
    static List<Backend> targets() {
        return List.of(new Backend("local", Backends::local));
    }
}
