package io.unistore.local;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One SQLite connection with its prepared statements, used by one thread at a time (the {@link Database}
 * pool hands it out). Statements are prepared once per connection and reused.
 */
final class Session {
    private final Connection connection;
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private final List<Runnable> afterCommit = new ArrayList<>();

    Session(Connection connection) {
        this.connection = connection;
    }

    /** The statement for this SQL, prepared on first use; parameters are cleared. */
    PreparedStatement prepare(String sql) throws SQLException {
        PreparedStatement ps = statements.get(sql);
        if (ps == null) {
            ps = connection.prepareStatement(sql);
            statements.put(sql, ps);
        } else {
            ps.clearParameters();
        }
        return ps;
    }

    /** Runs SQL that takes no parameters and returns no rows. */
    void execute(String sql) throws SQLException {
        prepare(sql).execute();
    }

    /** Runs {@code action} once the current write transaction commits; dropped if it rolls back. */
    void afterCommit(Runnable action) {
        afterCommit.add(action);
    }

    List<Runnable> takeAfterCommit() {
        List<Runnable> actions = List.copyOf(afterCommit);
        afterCommit.clear();
        return actions;
    }

    void discardAfterCommit() {
        afterCommit.clear();
    }

    Connection connection() {
        return connection;
    }

    void close() {
        for (PreparedStatement ps : statements.values()) {
            try {
                ps.close();
            } catch (SQLException ignored) {
                // closing the connection below releases it anyway
            }
        }
        statements.clear();
        try {
            connection.close();
        } catch (SQLException ignored) {
            // nothing left to release
        }
    }
}
