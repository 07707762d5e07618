package io.unistore.bench.bulk;

import io.unistore.bench.Trial;
import io.unistore.table.TableAction;
import io.unistore.table.TableEntity;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.sqlite.SQLiteConfig;

/**
 * The raw path of the local bulk load: plain SQLite JDBC with the local provider's schema and settings, one
 * transaction per batch of rows, each row the same {@code INSERT ... ON CONFLICT DO UPDATE}.
 */
final class PlainJdbcLoader {
    private static final String UPSERT = "INSERT INTO entities(tid, pk, rk, etag, ts, props) VALUES (?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT(tid, pk, rk) DO UPDATE SET etag = excluded.etag, ts = excluded.ts, props = excluded.props";
    private final Path file;
    private int table;

    PlainJdbcLoader(Path file) {
        this.file = file;
    }

    Trial load(List<TableAction> actions, int batch) throws SQLException, IOException {
        SQLiteConfig config = new SQLiteConfig();
        config.setEncoding(SQLiteConfig.Encoding.UTF16_BIG_ENDIAN);
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        try (Connection c = config.createConnection("jdbc:sqlite:" + file)) {
            try (Statement st = c.createStatement()) {
                st.executeUpdate("CREATE TABLE IF NOT EXISTS entities(tid INTEGER NOT NULL, pk TEXT NOT NULL, "
                        + "rk TEXT NOT NULL, etag TEXT NOT NULL, ts INTEGER NOT NULL, props BLOB NOT NULL, "
                        + "PRIMARY KEY(tid, pk, rk)) WITHOUT ROWID");
            }
            int tid = ++table;
            c.setAutoCommit(false);
            long t0 = System.nanoTime();
            try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
                int inBatch = 0;
                for (TableAction a : actions) {
                    TableEntity e = a.entity();
                    ps.setInt(1, tid);
                    ps.setString(2, e.partitionKey());
                    ps.setString(3, e.rowKey());
                    ps.setString(4, "W/\"" + System.nanoTime() + "\"");
                    ps.setLong(5, System.currentTimeMillis() * 1_000_000L);
                    ps.setBytes(6, encode(e));
                    ps.executeUpdate();
                    if (++inBatch == batch) {
                        c.commit();
                        inBatch = 0;
                    }
                }
                c.commit();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            try (Statement st = c.createStatement()) {
                st.executeUpdate("DELETE FROM entities WHERE tid = " + tid);
            }
            c.commit();
            return Trial.of(actions.size() / seconds);
        }
    }

    private static byte[] encode(TableEntity e) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(96);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF("name");
            out.writeUTF((String) e.get("name"));
            out.writeUTF("age");
            out.writeInt((Integer) e.get("age"));
            out.writeUTF("score");
            out.writeDouble((Double) e.get("score"));
            out.writeUTF("active");
            out.writeBoolean((Boolean) e.get("active"));
            out.writeUTF("at");
            out.writeLong(((Instant) e.get("at")).getEpochSecond());
        }
        return bytes.toByteArray();
    }
}
