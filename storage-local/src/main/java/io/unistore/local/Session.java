package io.unistore.local;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One SQLite connection with its prepared statements, used by one thread at a time (the {@link Database}
 * pool hands it out). Statements are prepared once per connection and reused.
 */
final class Session {
    /** Enough for every statement the stores use; query shapes beyond it push out the least recently used. */
    private static final int MAX_STATEMENTS = 256;

    private final Connection connection;
    private final Map<String, PreparedStatement> statements = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
            if (size() <= MAX_STATEMENTS) {
                return false;
            }
            try {
                eldest.getValue().close();
            } catch (SQLException ignored) {
                // a statement that fails to close is released with its connection
            }
            return true;
        }
    };
    private final List<Runnable> afterCommit = new ArrayList<>();

    Session(Connection connection) {
        this.connection = connection;
    }

    /** The statement for this SQL, prepared on first use. Callers bind every parameter each time. */
    PreparedStatement prepare(String sql) throws SQLException {
        PreparedStatement ps = statements.get(sql);
        if (ps == null) {
            ps = connection.prepareStatement(sql);
            statements.put(sql, ps);
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
