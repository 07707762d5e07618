package io.unistore.spi;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The one way Unistore replaces a local file: content goes to a hidden temporary sibling
 * ({@code .NAME.RANDOM.part}), which is flushed to disk and renamed over the target only when complete. So
 * the target is always either the old file or the whole new one, also after a crash; a failed write leaves no
 * temporary file behind (a crash may leave a {@code .part}, never a half file under the real name).
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Writes a temporary file. */
    @FunctionalInterface
    public interface Filler {
        void fill(Path temporary) throws IOException;
    }

    /** Writes to an output stream. */
    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    /**
     * Replaces {@code file} with what {@code writer} writes.
     *
     * @throws io.unistore.StorageException UNAVAILABLE (or the writer's own StorageException) on failure
     */
    public static void write(Path file, Writer writer) {
        replace(file, tmp -> {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                writer.write(out);
            }
        });
    }

    /**
     * Replaces {@code file} with the temporary file {@code filler} fills (for writers that need the path, e.g. to
     * write ranges at their offsets in parallel).
     */
    public static void replace(Path file, Filler filler) {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Path tmp = null;
        try {
            if (dir != null) {
                Files.createDirectories(dir);
            }
            tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".part");
            filler.fill(tmp);
            force(tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw Streams.ioFailure("writing " + file, e);
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

    /** Flushes a file's content to the device, so a rename after it never exposes a file with missing data. */
    public static void force(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }
}
