package io.unistore.local;

import io.unistore.ErrorCode;
import io.unistore.StorageException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The SQLite database of an account: a small pool of connections in WAL mode, so readers never wait for the
 * writer. Writes run in {@code BEGIN IMMEDIATE} transactions: they take the database's write lock up front,
 * so read-modify-write sequences (ETag checks, pop receipts) are serialized across threads and processes.
 * In this process a Java lock queues writers first, which keeps SQLite's busy handler for other processes.
 */
final class Database implements AutoCloseable {
    static final String FILE_NAME = "unistore.db";
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final int MAX_SESSIONS = 8;
    private static final int BUSY_TIMEOUT_MS = 60_000;

    private final String url;
    private final SQLiteConfig config;
    private final BlockingQueue<Session> idle = new ArrayBlockingQueue<>(MAX_SESSIONS);
    private final AtomicInteger opened = new AtomicInteger();
    private final ReentrantLock writeLock = new ReentrantLock();
    private volatile boolean closed;
    private volatile boolean ready;

    Database(Path root, Durability durability) {
        this.url = "jdbc:sqlite:" + root.resolve(FILE_NAME);
        this.config = new SQLiteConfig();
        // Strings are stored as UTF-16BE so SQLite's binary collation orders them by UTF-16 code unit, exactly
        // as String.compareTo and Filter do: listings, key ranges and continuation tokens all agree.
        config.setEncoding(SQLiteConfig.Encoding.UTF16_BIG_ENDIAN);
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(durability == Durability.SYNC ? SQLiteConfig.SynchronousMode.FULL
                : SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
    }

    /**
     * Creates the schema on first use, not when the account opens: opening then costs no SQLite work at all
     * (loading its native library alone takes about 100 ms), which is what lets unistore-mcp answer
     * {@code tools/list} before the database is needed.
     */
    private void ensureSchema() {
        if (ready) {
            return;
        }
        synchronized (this) {
            if (!ready) {
                transaction(Schema::create);
                ready = true;
            }
        }
    }

    /** Runs work outside any explicit transaction (each statement is its own): for reads. */
    <T> T read(SqlWork<T> work) {
        ensureSchema();
        Session s = borrow();
        try {
            return work.run(s);
        } catch (SQLException e) {
            throw failure(e);
        } finally {
            giveBack(s);
        }
    }

    /** Runs work in a {@code BEGIN IMMEDIATE} transaction; commits when it returns, rolls back if it throws. */
    <T> T write(SqlWork<T> work) {
        ensureSchema();
        return transaction(work);
    }

    private <T> T transaction(SqlWork<T> work) {
        Session s = borrow();
        writeLock.lock();
        List<Runnable> afterCommit;
        T result;
        try {
            s.execute("BEGIN IMMEDIATE");
            try {
                result = work.run(s);
                s.execute("COMMIT");
            } catch (SQLException | RuntimeException | Error e) {
                s.discardAfterCommit();
                rollback(s);
                throw e;
            }
            afterCommit = s.takeAfterCommit();
        } catch (SQLException e) {
            throw failure(e);
        } finally {
            writeLock.unlock();
            giveBack(s);
        }
        afterCommit.forEach(Runnable::run);
        return result;
    }

    /**
     * Runs one self-contained write statement (its own implicit transaction), for the fast paths that need
     * no read first.
     */
    <T> T writeOne(SqlWork<T> work) {
        ensureSchema();
        Session s = borrow();
        writeLock.lock();
        try {
            return work.run(s);
        } catch (SQLException e) {
            throw failure(e);
        } finally {
            writeLock.unlock();
            giveBack(s);
        }
    }

    private static void rollback(Session s) {
        try {
            s.execute("ROLLBACK");
        } catch (SQLException e) {
            // SQLite may have rolled back by itself already (e.g. after an I/O error): nothing is left open.
            LOG.debug("Rollback: {}", e.getMessage());
        }
    }

    /** Whether the failure is SQLite refusing a write because of a uniqueness constraint. */
    static boolean isUniqueViolation(SQLException e) {
        return e instanceof SQLiteException se && se.getResultCode().name().startsWith("SQLITE_CONSTRAINT");
    }

    /** An SQLite failure as a StorageException. */
    static StorageException failure(SQLException e) {
        if (e instanceof SQLiteException se) {
            SQLiteErrorCode code = se.getResultCode();
            String name = code.name();
            if (name.startsWith("SQLITE_BUSY") || name.startsWith("SQLITE_LOCKED")) {
                return new StorageException(ErrorCode.UNAVAILABLE, "the local database stayed locked by another "
                        + "writer for " + BUSY_TIMEOUT_MS / 1000 + " s; retry later", e);
            }
            if (name.startsWith("SQLITE_FULL") || name.startsWith("SQLITE_IOERR")) {
                return new StorageException(ErrorCode.UNAVAILABLE, "the local database could not write: "
                        + e.getMessage(), e);
            }
            if (name.startsWith("SQLITE_READONLY") || name.startsWith("SQLITE_CANTOPEN")
                    || name.startsWith("SQLITE_PERM")) {
                return new StorageException(ErrorCode.PERMISSION_DENIED, "the local database cannot be opened for "
                        + "writing: " + e.getMessage(), e);
            }
        }
        return new StorageException(ErrorCode.INTERNAL, "local database failure: " + e.getMessage(), e);
    }

    private Session borrow() {
        if (closed) {
            throw new StorageException(ErrorCode.INVALID_ARGUMENT, "account: this local account is closed");
        }
        Session s = idle.poll();
        if (s != null) {
            return s;
        }
        if (opened.incrementAndGet() <= MAX_SESSIONS) {
            try {
                return new Session(config.createConnection(url));
            } catch (SQLException e) {
                opened.decrementAndGet();
                throw failure(e);
            }
        }
        opened.decrementAndGet();
        try {
            s = idle.poll(BUSY_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException(ErrorCode.UNAVAILABLE, "interrupted while waiting for a database connection");
        }
        if (s == null) {
            throw new StorageException(ErrorCode.UNAVAILABLE, "no local database connection came free in "
                    + BUSY_TIMEOUT_MS / 1000 + " s");
        }
        return s;
    }

    private void giveBack(Session s) {
        if (closed || !idle.offer(s)) {
            s.close();
            opened.decrementAndGet();
        }
    }

    @Override
    public void close() {
        closed = true;
        Session s;
        while ((s = idle.poll()) != null) {
            s.close();
            opened.decrementAndGet();
        }
    }
}
