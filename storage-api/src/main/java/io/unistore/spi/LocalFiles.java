package io.unistore.spi;

import io.unistore.ErrorCode;
import io.unistore.StorageException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/** Reading a local file the user named as the source of an upload (providers and layers share it). */
public final class LocalFiles {
    private LocalFiles() {
    }

    /** Opens {@code file} and hands the stream to {@code upload}; a file that cannot be read is INVALID_ARGUMENT. */
    public static <T> T read(Path file, Function<InputStream, T> upload) {
        try (InputStream in = Files.newInputStream(file)) {
            return upload.apply(in);
        } catch (IOException e) {
            throw new StorageException(ErrorCode.INVALID_ARGUMENT, "file: cannot read " + file + ": "
                    + e.getMessage(), e);
        }
    }

    /** The size of a file just written, or 0 when it cannot be read (only a figure for observers). */
    static long sizeOrZero(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
