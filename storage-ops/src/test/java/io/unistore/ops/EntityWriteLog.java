package io.unistore.ops;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts every write of every entity of a local account, whoever makes it: SQLite triggers on the provider's
 * entity table append a row to a table of their own inside the writing transaction, so a write that committed
 * is counted even if its process is killed the next instant, and one that did not is not. Test-only: it reads
 * storage-local's schema (table {@code entities}, keys {@code pk}, {@code rk}), and fails loudly if that changes.
 */
final class EntityWriteLog {
    private EntityWriteLog() {
    }

    /** Installs the triggers in the account's database, which must exist (a table was created). */
    static void install(Path dataDir) throws SQLException {
        try (Connection c = connect(dataDir); Statement st = c.createStatement()) {
            st.executeUpdate("CREATE TABLE harness_writes(pk TEXT NOT NULL, rk TEXT NOT NULL)");
            for (String event : new String[] {"INSERT", "UPDATE"}) {
                st.executeUpdate("CREATE TRIGGER harness_" + event.toLowerCase() + " AFTER " + event
                        + " ON entities BEGIN INSERT INTO harness_writes VALUES (NEW.pk, NEW.rk); END");
            }
        }
    }

    /** "pk/rk" to how many times that entity was written since {@link #install}. */
    static Map<String, Integer> counts(Path dataDir) throws SQLException {
        Map<String, Integer> out = new HashMap<>();
        try (Connection c = connect(dataDir); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT pk, rk, count(*) FROM harness_writes GROUP BY pk, rk")) {
            while (rs.next()) {
                out.put(rs.getString(1) + "/" + rs.getString(2), rs.getInt(3));
            }
        }
        return out;
    }

    private static Connection connect(Path dataDir) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("unistore.db"));
        try (Statement st = c.createStatement()) {
            st.execute("PRAGMA busy_timeout = 60000");
        }
        return c;
    }
}
