package io.unistore.local;

import io.unistore.Capabilities;
import io.unistore.ErrorCode;
import io.unistore.ListOptions;
import io.unistore.PagedIterable;
import io.unistore.StorageException;
import io.unistore.queue.QueueInfo;
import io.unistore.queue.QueueMessage;
import io.unistore.queue.QueueProperties;
import io.unistore.queue.ReceiveOptions;
import io.unistore.queue.SendMessageOptions;
import io.unistore.queue.SendReceipt;
import io.unistore.queue.UpdateReceipt;
import io.unistore.spi.QueueBackend;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Queues on SQLite. A message row carries when it becomes visible, when it expires, its dequeue count and its
 * current pop receipt; receiving is one write transaction that picks the oldest visible messages, hides them
 * and gives each a new receipt, so two receivers (threads or processes) never get the same message at once.
 * Expired messages are invisible and purged as the queue is used.
 */
final class LocalQueueStore implements QueueBackend {
    private static final long NEVER = Long.MAX_VALUE;

    private final Database db;

    LocalQueueStore(Database db) {
        this.db = db;
    }

    @Override
    public void createQueue(String queue, Map<String, String> metadata) {
        String encoded = MetadataCodec.encode(metadata);
        db.writeOne(s -> {
            Sql.insertNew(s, "queue " + queue, "INSERT INTO queues(name, metadata, created) VALUES (?, ?, ?)", queue,
                    encoded, Times.now());
            return null;
        });
    }

    @Override
    public boolean deleteQueue(String queue) {
        return db.write(s -> {
            Sql.update(s, "DELETE FROM messages WHERE queue = ?", queue);
            return Sql.update(s, "DELETE FROM queues WHERE name = ?", queue) > 0;
        });
    }

    @Override
    public boolean queueExists(String queue) {
        return db.read(s -> exists(s, queue));
    }

    @Override
    public PagedIterable<QueueInfo> listQueues(ListOptions options) {
        return PagedIterable.of((token, size) -> db.read(s -> NamePager.fetch(s,
                "SELECT name, metadata FROM queues WHERE", "name", options.prefix(), token, size,
                rs -> new QueueInfo(rs.getString(1), MetadataCodec.decode(rs.getString(2))))),
                options.continuationToken(), options.pageSize());
    }

    @Override
    public QueueProperties getQueueProperties(String queue) {
        return db.read(s -> {
            PreparedStatement ps = s.prepare("SELECT metadata FROM queues WHERE name = ?");
            ps.setString(1, queue);
            Map<String, String> metadata;
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw notFound(queue);
                }
                metadata = MetadataCodec.decode(rs.getString(1));
            }
            ps = s.prepare("SELECT count(*) FROM messages WHERE queue = ? AND expires > ?");
            ps.setString(1, queue);
            ps.setLong(2, Times.now());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new QueueProperties(queue, metadata, rs.getLong(1));
            }
        });
    }

    @Override
    public void setQueueMetadata(String queue, Map<String, String> metadata) {
        String encoded = MetadataCodec.encode(metadata);
        db.writeOne(s -> {
            if (Sql.update(s, "UPDATE queues SET metadata = ? WHERE name = ?", encoded, queue) == 0) {
                throw notFound(queue);
            }
            return null;
        });
    }

    @Override
    public void clearMessages(String queue) {
        db.write(s -> {
            requireQueue(s, queue);
            Sql.update(s, "DELETE FROM messages WHERE queue = ?", queue);
            return null;
        });
    }

    @Override
    public SendReceipt sendMessage(String queue, byte[] body, SendMessageOptions options) {
        SendMessageOptions o = options == null ? SendMessageOptions.defaults() : options;
        long now = Times.now();
        long visible = now + o.visibilityDelay().toNanos();
        long expires = o.neverExpires() ? NEVER : saturatedAdd(now, o.effectiveTimeToLive());
        String id = UUID.randomUUID().toString();
        String receipt = Ids.random();
        db.writeOne(s -> {
            PreparedStatement ps = s.prepare("INSERT INTO messages(queue, id, body, inserted, expires, visible, "
                    + "dequeues, receipt) SELECT name, ?, ?, ?, ?, ?, 0, ? FROM queues WHERE name = ?");
            ps.setString(1, id);
            ps.setBytes(2, body);
            ps.setLong(3, now);
            ps.setLong(4, expires);
            ps.setLong(5, visible);
            ps.setString(6, receipt);
            ps.setString(7, queue);
            if (ps.executeUpdate() == 0) {
                throw notFound(queue);
            }
            return null;
        });
        return new SendReceipt(id, receipt, Times.instant(now), expiresAt(expires), Times.instant(visible));
    }

    @Override
    public List<QueueMessage> receiveMessages(String queue, ReceiveOptions options) {
        ReceiveOptions o = options == null ? ReceiveOptions.defaults() : options;
        return db.write(s -> {
            requireQueue(s, queue);
            long now = Times.now();
            purgeExpired(s, queue, now);
            long visible = now + o.visibilityTimeout().toNanos();
            List<QueueMessage> received = new ArrayList<>();
            PreparedStatement ps = s.prepare("SELECT seq, id, body, inserted, expires, dequeues FROM messages "
                    + "WHERE queue = ? AND visible <= ? ORDER BY seq LIMIT ?");
            ps.setString(1, queue);
            ps.setLong(2, now);
            ps.setInt(3, o.maxMessages());
            List<Long> seqs = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    seqs.add(rs.getLong(1));
                    received.add(new QueueMessage(rs.getString(2), Ids.random(), rs.getBytes(3),
                            Times.instant(rs.getLong(4)), expiresAt(rs.getLong(5)), Times.instant(visible),
                            rs.getLong(6) + 1));
                }
            }
            PreparedStatement update = s.prepare("UPDATE messages SET visible = ?, dequeues = dequeues + 1, "
                    + "receipt = ? WHERE seq = ?");
            for (int i = 0; i < seqs.size(); i++) {
                update.setLong(1, visible);
                update.setString(2, received.get(i).popReceipt());
                update.setLong(3, seqs.get(i));
                update.executeUpdate();
            }
            return received;
        });
    }

    @Override
    public List<QueueMessage> peekMessages(String queue, int maxMessages) {
        return db.read(s -> {
            requireQueue(s, queue);
            long now = Times.now();
            PreparedStatement ps = s.prepare("SELECT id, body, inserted, expires, dequeues FROM messages "
                    + "WHERE queue = ? AND visible <= ? AND expires > ? ORDER BY seq LIMIT ?");
            ps.setString(1, queue);
            ps.setLong(2, now);
            ps.setLong(3, now);
            ps.setInt(4, maxMessages);
            List<QueueMessage> peeked = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    peeked.add(new QueueMessage(rs.getString(1), null, rs.getBytes(2), Times.instant(rs.getLong(3)),
                            expiresAt(rs.getLong(4)), null, rs.getLong(5)));
                }
            }
            return peeked;
        });
    }

    @Override
    public UpdateReceipt updateMessage(String queue, String messageId, String popReceipt, byte[] newBody,
                                       Duration visibilityTimeout) {
        String receipt = Ids.random();
        return db.write(s -> {
            long seq = checkReceipt(s, queue, messageId, popReceipt);
            long visible = Times.now() + visibilityTimeout.toNanos();
            PreparedStatement ps = s.prepare(newBody == null
                    ? "UPDATE messages SET visible = ?, receipt = ? WHERE seq = ?"
                    : "UPDATE messages SET visible = ?, receipt = ?, body = ? WHERE seq = ?");
            ps.setLong(1, visible);
            ps.setString(2, receipt);
            if (newBody == null) {
                ps.setLong(3, seq);
            } else {
                ps.setBytes(3, newBody);
                ps.setLong(4, seq);
            }
            ps.executeUpdate();
            return new UpdateReceipt(receipt, Times.instant(visible));
        });
    }

    @Override
    public void deleteMessage(String queue, String messageId, String popReceipt) {
        db.write(s -> {
            Sql.update(s, "DELETE FROM messages WHERE seq = ?", checkReceipt(s, queue, messageId, popReceipt));
            return null;
        });
    }

    /** The message's row number, if it exists, has not expired and the receipt is its current one. */
    private static long checkReceipt(Session s, String queue, String messageId, String popReceipt)
            throws SQLException {
        requireQueue(s, queue);
        PreparedStatement ps = s.prepare("SELECT seq, receipt, expires FROM messages WHERE queue = ? AND id = ?");
        ps.setString(1, queue);
        ps.setString(2, messageId);
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next() || rs.getLong(3) <= Times.now()) {
                throw StorageException.notFound("message " + messageId + " of queue " + queue);
            }
            if (!popReceipt.equals(rs.getString(2))) {
                throw new StorageException(ErrorCode.PRECONDITION_FAILED, "the pop receipt of message " + messageId
                        + " is stale: the message was received or updated since");
            }
            return rs.getLong(1);
        }
    }

    private static void purgeExpired(Session s, String queue, long now) throws SQLException {
        Sql.update(s, "DELETE FROM messages WHERE queue = ? AND expires <= ?", queue, now);
    }

    private static boolean exists(Session s, String queue) throws SQLException {
        return Sql.exists(s, "SELECT 1 FROM queues WHERE name = ?", queue);
    }

    private static void requireQueue(Session s, String queue) throws SQLException {
        if (!exists(s, queue)) {
            throw notFound(queue);
        }
    }

    private static StorageException notFound(String queue) {
        return StorageException.notFound("queue " + queue);
    }

    private static long saturatedAdd(long now, Duration d) {
        try {
            return Math.addExact(now, d.toNanos());
        } catch (ArithmeticException e) {
            return NEVER;
        }
    }

    private static Instant expiresAt(long expires) {
        return expires == NEVER ? null : Times.instant(expires);
    }
}
