package io.unistore.bench.micro;

import io.unistore.StorageAccount;
import io.unistore.Unistore;
import io.unistore.table.TableQuery;
import io.unistore.table.TableStore;
import io.unistore.table.UpdateMode;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;
import org.sqlite.SQLiteConfig;

/**
 * The local provider's tables against plain SQLite JDBC running the same statements on the same schema with the
 * same settings (WAL, synchronous=NORMAL, UTF-16BE), in a database file on the same disk. The JDBC side encodes
 * the five properties into the props column with a DataOutputStream and reads every column back, as a
 * hand-written application would.
 */
@State(Scope.Benchmark)
public class LocalBench {
    static final String TABLE = "benchlocal";
    private static final String DDL_TABLES = "CREATE TABLE IF NOT EXISTS tables(id INTEGER PRIMARY KEY "
            + "AUTOINCREMENT, key TEXT NOT NULL UNIQUE, name TEXT NOT NULL)";
    private static final String DDL_ENTITIES = "CREATE TABLE IF NOT EXISTS entities(tid INTEGER NOT NULL, "
            + "pk TEXT NOT NULL, rk TEXT NOT NULL, etag TEXT NOT NULL, ts INTEGER NOT NULL, props BLOB NOT NULL, "
            + "PRIMARY KEY(tid, pk, rk)) WITHOUT ROWID";
    private static final String UPSERT = "INSERT INTO entities(tid, pk, rk, etag, ts, props) SELECT id, ?, ?, ?, ?, ? "
            + "FROM tables WHERE key = ? ON CONFLICT(tid, pk, rk) DO UPDATE SET etag = excluded.etag, "
            + "ts = excluded.ts, props = excluded.props";
    private static final String TABLE_ID = "SELECT id FROM tables WHERE key = ?";
    private static final String GET = "SELECT etag, ts, props FROM entities WHERE tid = ? AND pk = ? AND rk = ?";
    private static final String RANGE = "SELECT pk, rk, etag, ts, props FROM entities WHERE tid = ? AND pk = ? "
            + "AND rk >= ? AND rk < ? ORDER BY pk, rk LIMIT ?";

    StorageAccount account;
    TableStore tables;
    Connection jdbc;
    PreparedStatement upsert;
    PreparedStatement tableId;
    PreparedStatement get;
    PreparedStatement range;
    int next;

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        account = Unistore.open(MicroTargets.localDir.toString());
        tables = account.tables();
        jdbc = connect();
        upsert = jdbc.prepareStatement(UPSERT);
        tableId = jdbc.prepareStatement(TABLE_ID);
        get = jdbc.prepareStatement(GET);
        range = jdbc.prepareStatement(RANGE);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws SQLException {
        account.close();
        jdbc.close();
    }

    private static Connection connect() throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setEncoding(SQLiteConfig.Encoding.UTF16_BIG_ENDIAN);
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(60_000);
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        return config.createConnection("jdbc:sqlite:" + MicroTargets.jdbcFile);
    }

    /** Points the benchmark at a store directory and a JDBC file, both given the table and 2 x 100 entities. */
    public static void prepare(java.nio.file.Path localDir, java.nio.file.Path jdbcFile) throws SQLException {
        MicroTargets.localDir = localDir;
        MicroTargets.jdbcFile = jdbcFile;
        try (StorageAccount a = Unistore.open(MicroTargets.localDir.toString())) {
            a.tables().createTableIfNotExists(TABLE);
            for (int p = 0; p < 2; p++) {
                for (int i = 0; i < MicroTargets.ENTITIES_PER_PARTITION; i++) {
                    a.tables().upsertEntity(TABLE, MicroTargets.entity("p" + p, MicroTargets.rowKey(i), i),
                            UpdateMode.REPLACE);
                }
            }
        }
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.executeUpdate(DDL_TABLES);
            st.executeUpdate(DDL_ENTITIES);
            st.executeUpdate("INSERT OR IGNORE INTO tables(key, name) VALUES ('" + TABLE + "', '" + TABLE + "')");
            try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
                for (int p = 0; p < 2; p++) {
                    for (int i = 0; i < MicroTargets.ENTITIES_PER_PARTITION; i++) {
                        bindUpsert(ps, "p" + p, MicroTargets.rowKey(i), i);
                        ps.executeUpdate();
                    }
                }
            }
        }
    }

    private int nextIndex() {
        next = (next + 1) % MicroTargets.ENTITIES_PER_PARTITION;
        return next;
    }

    @Benchmark
    public String uEntityUpsert() {
        int i = nextIndex();
        return tables.upsertEntity(TABLE, MicroTargets.entity("p0", MicroTargets.rowKey(i), i), UpdateMode.REPLACE);
    }

    @Benchmark
    public int rEntityUpsert() throws SQLException {
        int i = nextIndex();
        bindUpsert(upsert, "p0", MicroTargets.rowKey(i), i);
        return upsert.executeUpdate();
    }

    @Benchmark
    public Object uEntityGet() {
        return tables.getEntity(TABLE, "p0", MicroTargets.rowKey(nextIndex()));
    }

    @Benchmark
    public void rEntityGet(Blackhole bh) throws SQLException {
        get.setLong(1, tid());
        get.setString(2, "p0");
        get.setString(3, MicroTargets.rowKey(nextIndex()));
        try (ResultSet rs = get.executeQuery()) {
            if (rs.next()) {
                bh.consume(rs.getString(1));
                bh.consume(rs.getLong(2));
                bh.consume(decode(rs.getBytes(3)));
            }
        }
    }

    @Benchmark
    public long uRangeQuery() {
        return tables.query(TABLE, TableQuery.where(MicroTargets.RANGE_FILTER)).stream().count();
    }

    @Benchmark
    public long rRangeQuery(Blackhole bh) throws SQLException {
        range.setLong(1, tid());
        range.setString(2, MicroTargets.RANGE_PARTITION);
        range.setString(3, MicroTargets.RANGE_FROM);
        range.setString(4, MicroTargets.RANGE_TO);
        range.setInt(5, 1001);
        long n = 0;
        try (ResultSet rs = range.executeQuery()) {
            while (rs.next()) {
                bh.consume(rs.getString(1));
                bh.consume(rs.getString(2));
                bh.consume(rs.getString(3));
                bh.consume(rs.getLong(4));
                bh.consume(decode(rs.getBytes(5)));
                n++;
            }
        }
        return n;
    }

    private long tid() throws SQLException {
        tableId.setString(1, TABLE);
        try (ResultSet rs = tableId.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void bindUpsert(PreparedStatement ps, String pk, String rk, int i) throws SQLException {
        ps.setString(1, pk);
        ps.setString(2, rk);
        ps.setString(3, "W/\"" + System.nanoTime() + "\"");
        ps.setLong(4, System.currentTimeMillis() * 1_000_000L);
        ps.setBytes(5, props(i));
        ps.setString(6, TABLE);
    }

    /** Reads the properties back into a map, as the store's decoder does. */
    private static java.util.Map<String, Object> decode(byte[] props) {
        java.util.Map<String, Object> m = new java.util.HashMap<>();
        try (java.io.DataInputStream in = new java.io.DataInputStream(new java.io.ByteArrayInputStream(props))) {
            m.put(in.readUTF(), in.readUTF());
            m.put(in.readUTF(), in.readInt());
            m.put(in.readUTF(), in.readDouble());
            m.put(in.readUTF(), in.readBoolean());
            m.put(in.readUTF(), java.time.Instant.ofEpochSecond(in.readLong()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return m;
    }

    private static byte[] props(int i) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(96);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF("name");
            out.writeUTF("name " + i);
            out.writeUTF("age");
            out.writeInt(i);
            out.writeUTF("score");
            out.writeDouble(i * 1.5);
            out.writeUTF("active");
            out.writeBoolean(i % 2 == 0);
            out.writeUTF("at");
            out.writeLong(1_700_000_000L + i);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
