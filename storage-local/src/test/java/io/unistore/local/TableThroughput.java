package io.unistore.local;

import io.unistore.StorageAccount;
import io.unistore.Unistore;
import io.unistore.table.TableEntity;
import io.unistore.table.TableQuery;
import io.unistore.table.TableStore;
import io.unistore.table.UpdateMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import org.sqlite.SQLiteConfig;

/**
 * A rough side-by-side of entity upserts and partition queries through the local TableStore and through plain
 * SQLite JDBC running the same statements on an equivalent table (run by hand: {@code java ... TableThroughput
 * N}); the bench module holds the real benchmark.
 */
final class TableThroughput {
    private TableThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        Path dir = Files.createTempDirectory("throughput");
        for (int round = 0; round < 3; round++) {
            double store = storeUpserts(dir.resolve("store" + round), n);
            double plain = plainUpserts(dir.resolve("plain" + round), n);
            System.out.printf("upserts/s: store %.0f, plain JDBC %.0f, ratio %.2f%n", store, plain, store / plain);
        }
    }

    private static TableEntity entity(int i) {
        return TableEntity.builder("p" + (i % 10), "r" + i).put("name", "name " + i).put("age", i)
                .put("score", i * 1.5).put("active", true).put("at", Instant.ofEpochSecond(i)).build();
    }

    private static double storeUpserts(Path dir, int n) {
        try (StorageAccount a = Unistore.open(dir.toString())) {
            TableStore t = a.tables();
            t.createTable("Bench");
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                t.upsertEntity("Bench", entity(i), UpdateMode.REPLACE);
            }
            double rate = n / ((System.nanoTime() - t0) / 1e9);
            long q0 = System.nanoTime();
            long rows = 0;
            for (int i = 0; i < 50; i++) {
                rows += t.query("Bench", TableQuery.where("PartitionKey eq 'p" + (i % 10) + "'")).stream().count();
            }
            System.out.printf("  store query: %.0f entities/s%n", rows / ((System.nanoTime() - q0) / 1e9));
            return rate;
        }
    }

    private static double plainUpserts(Path dir, int n) throws Exception {
        Files.createDirectories(dir);
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        // -Dutf16 gives the plain side the store's text encoding, to see what that costs on its own.
        if (System.getProperty("utf16") != null) {
            config.setEncoding(SQLiteConfig.Encoding.UTF16_BIG_ENDIAN);
        }
        try (Connection c = config.createConnection("jdbc:sqlite:" + dir.resolve("plain.db"))) {
            c.createStatement().executeUpdate("CREATE TABLE entities(pk TEXT NOT NULL, rk TEXT NOT NULL, etag TEXT,"
                    + " ts INTEGER, props BLOB, PRIMARY KEY(pk, rk)) WITHOUT ROWID");
            PreparedStatement ps = c.prepareStatement("INSERT INTO entities(pk, rk, etag, ts, props) VALUES (?, ?, ?,"
                    + " ?, ?) ON CONFLICT(pk, rk) DO UPDATE SET etag = excluded.etag, ts = excluded.ts, props ="
                    + " excluded.props");
            byte[] props = new byte[80];
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                ps.setString(1, "p" + (i % 10));
                ps.setString(2, "r" + i);
                ps.setString(3, "etag" + i);
                ps.setLong(4, System.nanoTime());
                ps.setBytes(5, props);
                ps.executeUpdate();
            }
            double rate = n / ((System.nanoTime() - t0) / 1e9);
            PreparedStatement q = c.prepareStatement("SELECT pk, rk, etag, ts, props FROM entities WHERE pk = ? "
                    + "ORDER BY pk, rk");
            long q0 = System.nanoTime();
            long rows = 0;
            for (int i = 0; i < 50; i++) {
                q.setString(1, "p" + (i % 10));
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        rs.getString(1);
                        rs.getString(2);
                        rs.getString(3);
                        rs.getLong(4);
                        rs.getBytes(5);
                        rows++;
                    }
                }
            }
            System.out.printf("  plain query: %.0f rows/s%n", rows / ((System.nanoTime() - q0) / 1e9));
            return rate;
        }
    }
}
