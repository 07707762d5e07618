package io.unistore.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Keysets for tests: real files, with a low PBKDF2 count so that the tests stay fast. */
final class TestKeys {
    static final char[] PASSWORD = "correct horse battery staple".toCharArray();
    static final int ITERATIONS = 10_000;

    private TestKeys() {
    }

    /** A fresh keyset file with key {@code name/1}. */
    static LocalKeyset create(String name) {
        try {
            Path dir = Files.createTempDirectory("unistore-keys");
            dir.toFile().deleteOnExit();
            Path file = dir.resolve(name + ".json");
            file.toFile().deleteOnExit();
            return LocalKeyset.create(file, PASSWORD, name, ITERATIONS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
