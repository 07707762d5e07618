package io.unistore.audit;

import io.unistore.StorageAccount;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Where the audit lines go, in order. One writer per sink: two processes appending to the same file, container
 * prefix or table would interleave two chains, which verification reports as broken.
 */
public interface AuditSink extends AutoCloseable {

    /** The last line written, read when the sink opens so the chain goes on; null for an empty sink. */
    String lastLine();

    /**
     * Appends one line (no newline), durable when this returns.
     *
     * @param time the line's time (sinks that split by day use it)
     * @throws io.unistore.StorageException or {@link java.io.UncheckedIOException} when it cannot be written
     */
    void append(String line, Instant time);

    /** Every line, oldest first. */
    void forEachLine(Consumer<String> action);

    /** A short description for logs, without secrets. */
    String describe();

    @Override
    void close();

    /**
     * A local file, rotated by size: {@code audit.jsonl} is renamed {@code audit.jsonl.<first seq, 20 digits>} once it
     * would pass {@code maxBytes}. Rotated files are kept (deleting one breaks the chain by design).
     */
    static AuditSink file(Path file, long maxBytes) {
        return new FileAuditSink(file, maxBytes);
    }

    /**
     * Daily objects in a container of any account: {@code <prefix><yyyy-MM-dd>-<nnnn>.jsonl} (UTC), each rewritten
     * whole as lines are added (with the ETag it last wrote, so another writer is detected) and a new one started
     * past {@code maxObjectBytes} (a clock that goes back keeps writing the newest object). The container is created
     * if needed.
     */
    static AuditSink container(StorageAccount account, String container, String prefix, long maxObjectBytes) {
        return new BlobAuditSink(account, container, prefix, maxObjectBytes);
    }

    /**
     * A table of any account: one entity per line, PartitionKey the sequence number's block of 100,000 (15 digits),
     * RowKey the sequence number (20 digits), the line in property {@code Line}; an entity {@code ~head/head} keeps
     * the last line. The table is created if needed.
     */
    static AuditSink table(StorageAccount account, String table) {
        return new TableAuditSink(account, table);
    }
}
