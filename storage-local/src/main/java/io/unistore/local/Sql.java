package io.unistore.local;

import io.unistore.StorageException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Short forms of the statements the stores run again and again (not for the hot entity paths). */
final class Sql {
    private Sql() {
    }

    /** Whether the query returns a row. */
    static boolean exists(Session s, String sql, Object... parameters) throws SQLException {
        try (ResultSet rs = bind(s, sql, parameters).executeQuery()) {
            return rs.next();
        }
    }

    /** Runs a write; returns the number of rows changed. */
    static int update(Session s, String sql, Object... parameters) throws SQLException {
        return bind(s, sql, parameters).executeUpdate();
    }

    /** Inserts a row that must be new; a key already taken is ALREADY_EXISTS naming {@code what}. */
    static void insertNew(Session s, String what, String sql, Object... parameters) throws SQLException {
        try {
            update(s, sql, parameters);
        } catch (SQLException e) {
            if (Database.isUniqueViolation(e)) {
                throw StorageException.alreadyExists(what);
            }
            throw e;
        }
    }

    private static PreparedStatement bind(Session s, String sql, Object... parameters) throws SQLException {
        PreparedStatement ps = s.prepare(sql);
        for (int i = 0; i < parameters.length; i++) {
            ps.setObject(i + 1, parameters[i]);
        }
        return ps;
    }
}
