package io.unistore.internal;

import io.unistore.ErrorCode;
import io.unistore.ProgressListener;
import io.unistore.StorageException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Stream plumbing shared by the API's default methods and providers. Not part of the public API.
 */
public final class Transfers {
    /** The copy buffer: big enough for throughput, small enough to keep memory flat. */
    public static final int BUFFER_SIZE = 64 * 1024;

    private Transfers() {
    }

    /** An output step that may fail with an I/O error. */
    @FunctionalInterface
    public interface IoConsumer<T> {
        void accept(T value) throws IOException;
    }

    /**
     * Copies {@code in} to {@code out} through one buffer, telling {@code progress} as it goes.
     *
     * @return bytes copied
     */
    public static long copy(InputStream in, OutputStream out, ProgressListener progress, long total)
            throws IOException {
        byte[] buffer = new byte[BUFFER_SIZE];
        long done = 0;
        int n;
        while ((n = in.read(buffer)) != -1) {
            out.write(buffer, 0, n);
            done += n;
            if (progress != null) {
                progress.onProgress(done, total);
            }
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("transfer interrupted after " + done + " bytes");
            }
        }
        return done;
    }

    /**
     * Writes {@code file} through a temporary sibling renamed into place only when {@code writer} succeeds,
     * so the file is either the old one or the complete new one.
     */
    public static void writeAtomically(Path file, IoConsumer<OutputStream> writer) {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Path tmp = null;
        try {
            if (dir != null) {
                Files.createDirectories(dir);
            }
            tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".part");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                writer.accept(out);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw ioFailure("writing " + file, e);
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

    /**
     * Turns an I/O failure into a {@link StorageException}, keeping one thrown by a provider's stream as is.
     */
    public static StorageException ioFailure(String what, IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StorageException se) {
                return se;
            }
        }
        if (e instanceof InterruptedIOException) {
            return new StorageException(ErrorCode.UNAVAILABLE, what + " was interrupted", e);
        }
        return new StorageException(ErrorCode.UNAVAILABLE, what + " failed: " + e.getMessage(), e);
    }
}
