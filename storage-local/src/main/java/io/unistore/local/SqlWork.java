package io.unistore.local;

import java.sql.SQLException;

/** Work done with a {@link Session}, inside a read or a write transaction. */
@FunctionalInterface
interface SqlWork<T> {
    T run(Session session) throws SQLException;
}
