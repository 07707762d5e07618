package io.unistore.audit;

import io.unistore.StorageAccount;
import io.unistore.table.TableEntity;
import io.unistore.table.TableQuery;
import io.unistore.table.TableStore;
import io.unistore.table.UpdateMode;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * {@link AuditSink#table}: one entity per line, PartitionKey a block of 100,000 sequence numbers (15 digits) and
 * RowKey the sequence number (20 digits), so the table's own order is the chain's whatever the clock did; and a
 * head entity with the last line, so opening reads the last block only, not the whole table.
 */
final class TableAuditSink implements AuditSink {
    static final String HEAD_PARTITION = "~head";
    private static final String HEAD_ROW = "head";
    private static final String LINE = "Line";
    private static final long BLOCK = 100_000;

    private final TableStore tables;
    private final String table;
    private final String lastLine;

    TableAuditSink(StorageAccount account, String table) {
        this.tables = account.tables();
        this.table = table;
        tables.createTableIfNotExists(table);
        String last = tables.findEntity(table, HEAD_PARTITION, HEAD_ROW).map(e -> e.getString(LINE)).orElse(null);
        if (last != null) {
            // The head is written after the line: a line stored just before a crash is later than the head.
            String block = block(AuditLines.parse(last).seq());
            for (TableEntity e : tables.query(table, TableQuery.where("PartitionKey ge '" + block
                    + "' and PartitionKey lt '" + HEAD_PARTITION + "'"))) {
                String line = e.getString(LINE);
                if (line != null && AuditLines.parse(line).seq() > AuditLines.parse(last).seq()) {
                    last = line;
                }
            }
        }
        this.lastLine = last;
    }

    @Override
    public String lastLine() {
        return lastLine;
    }

    @Override
    public synchronized void append(String line, Instant time) {
        AuditRecord r = AuditLines.parse(line);
        tables.insertEntity(table, TableEntity.builder(block(r.seq()), String.format("%020d", r.seq())).put(LINE, line).build());
        tables.upsertEntity(table, TableEntity.builder(HEAD_PARTITION, HEAD_ROW).put(LINE, line).build(),
                UpdateMode.REPLACE);
    }

    private static String block(long seq) {
        return String.format("%015d", seq / BLOCK);
    }

    @Override
    public void forEachLine(Consumer<String> action) {
        for (TableEntity e : tables.query(table, TableQuery.where("PartitionKey lt '" + HEAD_PARTITION + "'"))) {
            String line = e.getString(LINE);
            action.accept(line == null ? "" : line);
        }
    }

    @Override
    public String describe() {
        return "table " + table;
    }

    @Override
    public void close() {
        // Every line is stored when append returns; the account belongs to whoever opened it.
    }
}
