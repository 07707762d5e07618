package io.unistore.ops;

import io.unistore.ErrorCode;
import io.unistore.StorageException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A durable checkpoint journal: a local text file whose first line describes the job and each further line is
 * a record of its progress, as JSON (finished work, or work about to start). A line is written and flushed to the
 * operating system when appended, so killing the process (even with {@code kill -9}) loses nothing already
 * recorded; {@link #sync()} (or {@link #appendDurably}) forces it to the disk as well. A torn last line (a crash in the middle of a write)
 * is ignored on reading. Reopening a journal of another job fails rather than skipping the wrong work.
 */
final class Checkpoint implements AutoCloseable {
    private final Path file;
    private final Writer out;
    // A stream, not a FileChannel: an interrupt of a writing thread closes an interruptible channel, and an
    // interrupted copy must still record what it finished.
    private final java.io.FileOutputStream stream;

    private Checkpoint(Path file) throws IOException {
        this.file = file;
        this.stream = new java.io.FileOutputStream(file.toFile(), true);
        this.out = new java.io.OutputStreamWriter(stream, StandardCharsets.UTF_8);
    }

    /**
     * Opens the journal of a job, creating it with {@code header} as its first line, or handing the records of
     * earlier runs of the same job to {@code records}, oldest first, one line at a time (a journal may be larger
     * than what its reader keeps of it).
     *
     * @throws StorageException INVALID_ARGUMENT if the file holds the journal of another job
     */
    static Checkpoint open(Path file, ObjectNode header, Consumer<JsonNode> records) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (Files.exists(file) && Files.size(file) > 0) {
                try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    String first = in.readLine();
                    if (!header.equals(parseLine(first))) {
                        throw StorageException.invalidArgument("checkpoint", file + " belongs to another job ("
                                + first + "); use another file or delete it to start over");
                    }
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        JsonNode record = parseLine(line);
                        if (record != null) {
                            records.accept(record);
                        }
                    }
                }
                truncateTornTail(file);
            } else {
                Files.writeString(file, Json.write(header) + "\n", StandardCharsets.UTF_8);
            }
            return new Checkpoint(file);
        } catch (IOException e) {
            throw new StorageException(ErrorCode.INTERNAL, "checkpoint " + file + " cannot be opened: "
                    + e.getMessage(), e);
        }
    }

    /** Drops an unterminated last line so the next record starts on a line of its own. */
    private static void truncateTornTail(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long end = ch.size();
            ByteBuffer one = ByteBuffer.allocate(1);
            while (end > 0) {
                one.clear();
                ch.read(one, end - 1);
                if (one.get(0) == '\n') {
                    break;
                }
                end--;
            }
            if (end != ch.size()) {
                ch.truncate(end);
            }
        }
    }

    private static JsonNode parseLine(String line) {
        if (line.isBlank()) {
            return null;
        }
        try {
            return Json.MAPPER.readTree(line);
        } catch (JacksonException e) {
            return null;
        }
    }

    /** Appends a record and hands it to the operating system before returning. */
    synchronized void append(JsonNode record) {
        try {
            out.write(Json.write(record));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new StorageException(ErrorCode.INTERNAL, "checkpoint " + file + " cannot be written: "
                    + e.getMessage(), e);
        }
    }

    /**
     * Appends a record and forces it to the disk before returning: for a record that must be there before the
     * work it announces starts, even after a power loss.
     */
    synchronized void appendDurably(JsonNode record) {
        append(record);
        sync();
    }

    /** Forces the records to the disk (survives a power loss, not only a process kill). */
    synchronized void sync() {
        try {
            out.flush();
            stream.getFD().sync();
        } catch (IOException e) {
            throw new StorageException(ErrorCode.INTERNAL, "checkpoint " + file + " cannot be synced: "
                    + e.getMessage(), e);
        }
    }

    Path file() {
        return file;
    }

    @Override
    public synchronized void close() {
        try {
            out.flush();
            stream.getFD().sync();
            out.close();
        } catch (IOException e) {
            throw new StorageException(ErrorCode.INTERNAL, "checkpoint " + file + " cannot be closed: "
                    + e.getMessage(), e);
        }
    }
}
