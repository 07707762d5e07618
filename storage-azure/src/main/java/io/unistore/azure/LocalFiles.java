package io.unistore.azure;

import io.unistore.ErrorCode;
import io.unistore.StorageException;
import io.unistore.spi.Streams;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.Base64;

/** Local files written by downloads: through a hidden temporary sibling, moved into place only when complete. */
final class LocalFiles {
    private LocalFiles() {
    }

    /** Fills a temporary file. */
    @FunctionalInterface
    interface Filler {
        void fill(Path tmp) throws IOException;
    }

    /** Creates a temporary sibling of {@code file}, lets {@code filler} write it, then moves it over the file. */
    static void replace(Path file, Filler filler, String what) {
        Path target = file.toAbsolutePath();
        Path tmp = null;
        try {
            Path dir = target.getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".part");
            filler.fill(tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw Streams.ioFailure(what + " into " + file, e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: the temporary file is hidden and named .part
                }
            }
        }
    }

    /** Fails unless the file's MD5 is {@code expectedBase64}. */
    static void checkMd5(Path file, String expectedBase64, String what) throws IOException {
        MessageDigest md5 = ParallelUpload.md5();
        byte[] buf = new byte[Streams.BUFFER_SIZE];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                md5.update(buf, 0, n);
            }
        }
        String actual = Base64.getEncoder().encodeToString(md5.digest());
        if (!actual.equals(expectedBase64)) {
            throw new StorageException(ErrorCode.INTERNAL, what + ": content MD5 mismatch: stored " + expectedBase64
                    + ", received " + actual);
        }
    }
}
