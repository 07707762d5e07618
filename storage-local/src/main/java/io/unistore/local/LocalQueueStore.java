package io.unistore.local;

import io.unistore.ErrorCode;
import io.unistore.Limits;
import io.unistore.ListOptions;
import io.unistore.PagedIterable;
import io.unistore.StorageException;
import io.unistore.queue.DeadLetterPolicy;
import io.unistore.queue.QueueInfo;
import io.unistore.queue.QueueMessage;
import io.unistore.queue.QueueMessageEncoding;
import io.unistore.queue.QueueProperties;
import io.unistore.queue.QueueStore;
import io.unistore.queue.ReceiveOptions;
import io.unistore.queue.SendMessageOptions;
import io.unistore.queue.SendReceipt;
import io.unistore.queue.UpdateReceipt;
import io.unistore.spi.QueueBackend;
import io.unistore.spi.QueueMessageText;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Queues on SQLite. A message row carries when it becomes visible, when it expires, its dequeue count and its
 * current pop receipt; receiving is one write transaction that picks the oldest visible messages, hides them
 * and gives each a new receipt, so two receivers (threads or processes) never get the same message at once.
 * Expired messages are invisible and purged as the queue is used. A body is stored as the text Azure would
 * store (UTF-8), made by the caller's {@link QueueMessageEncoding} with the same rules ({@link QueueMessageText}),
 * so a queue reads the same here as on Azure under either encoding.
 *
 * <p>Dead letters follow Service Bus: a queue's dead-letter queue is {@code <queue>/$deadletterqueue}, its
 * messages rows of that queue name that never expire, their reason and description in {@code dead_letters}.
 * With a policy, a receive first moves the visible messages already received {@code maxDeliveryCount} times.
 */
final class LocalQueueStore implements QueueBackend {
    private static final long NEVER = Long.MAX_VALUE;

    private final Database db;
    /** Azure's limit on a message's text, which the local provider keeps too. */
    private static final int MAX_MESSAGE_BYTES = Limits.defaults().maxQueueMessageBytes();

    private final QueueMessageEncoding accountEncoding;

    LocalQueueStore(Database db, QueueMessageEncoding accountEncoding) {
        this.db = db;
        this.accountEncoding = accountEncoding;
    }

    @Override
    public QueueMessageEncoding messageEncoding() {
        return accountEncoding;
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
        String dlq = queue + QueueStore.DEAD_LETTER_SUBQUEUE;
        return db.write(s -> {
            Sql.update(s, "DELETE FROM dead_letters WHERE seq IN (SELECT seq FROM messages WHERE queue = ?)", dlq);
            Sql.update(s, "DELETE FROM messages WHERE queue = ? OR queue = ?", queue, dlq);
            Sql.update(s, "DELETE FROM dead_letter_policies WHERE queue = ?", queue);
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
            ps.setString(1, base(queue));
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
    public SendReceipt sendMessage(String queue, byte[] body, QueueMessageEncoding encoding,
                                   SendMessageOptions options) {
        byte[] stored = stored(body, encoding);
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
            ps.setBytes(2, stored);
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
    public List<QueueMessage> receiveMessages(String queue, QueueMessageEncoding encoding, ReceiveOptions options) {
        ReceiveOptions o = options == null ? ReceiveOptions.defaults() : options;
        // Bodies are decoded once the messages are received, as on Azure: a body the encoding cannot read fails
        // the call, but the messages stay received (hidden, dequeue count raised).
        List<Row> received = db.write(s -> {
            requireQueue(s, queue);
            long now = Times.now();
            purgeExpired(s, queue, now);
            deadLetterOverDelivered(s, queue, now);
            long visible = now + o.visibilityTimeout().toNanos();
            List<Row> rows = new ArrayList<>();
            PreparedStatement ps = s.prepare("SELECT m.seq, id, body, inserted, expires, dequeues, reason, "
                    + "description FROM messages m LEFT JOIN dead_letters d ON d.seq = m.seq "
                    + "WHERE queue = ? AND visible <= ? ORDER BY m.seq LIMIT ?");
            ps.setString(1, queue);
            ps.setLong(2, now);
            ps.setInt(3, o.maxMessages());
            List<Long> seqs = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    seqs.add(rs.getLong(1));
                    rows.add(new Row(rs.getString(2), Ids.random(), rs.getBytes(3), rs.getLong(4), rs.getLong(5),
                            visible, rs.getLong(6) + 1, rs.getString(7), rs.getString(8)));
                }
            }
            PreparedStatement update = s.prepare("UPDATE messages SET visible = ?, dequeues = dequeues + 1, "
                    + "receipt = ? WHERE seq = ?");
            for (int i = 0; i < seqs.size(); i++) {
                update.setLong(1, visible);
                update.setString(2, rows.get(i).receipt());
                update.setLong(3, seqs.get(i));
                update.executeUpdate();
            }
            return rows;
        });
        return messages(queue, received, encoding);
    }

    @Override
    public List<QueueMessage> peekMessages(String queue, QueueMessageEncoding encoding, int maxMessages) {
        List<Row> peeked = db.read(s -> {
            requireQueue(s, queue);
            long now = Times.now();
            PreparedStatement ps = s.prepare("SELECT id, body, inserted, expires, dequeues, reason, description "
                    + "FROM messages m LEFT JOIN dead_letters d ON d.seq = m.seq "
                    + "WHERE queue = ? AND visible <= ? AND expires > ? ORDER BY m.seq LIMIT ?");
            ps.setString(1, queue);
            ps.setLong(2, now);
            ps.setLong(3, now);
            ps.setInt(4, maxMessages);
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getString(1), null, rs.getBytes(2), rs.getLong(3), rs.getLong(4), -1,
                            rs.getLong(5), rs.getString(6), rs.getString(7)));
                }
            }
            return rows;
        });
        return messages(queue, peeked, encoding);
    }

    @Override
    public UpdateReceipt updateMessage(String queue, String messageId, String popReceipt, byte[] newBody,
                                       QueueMessageEncoding encoding, Duration visibilityTimeout) {
        byte[] stored = newBody == null ? null : stored(newBody, encoding);
        String receipt = Ids.random();
        return db.write(s -> {
            long seq = checkReceipt(s, queue, messageId, popReceipt);
            long visible = Times.now() + visibilityTimeout.toNanos();
            PreparedStatement ps = s.prepare(stored == null
                    ? "UPDATE messages SET visible = ?, receipt = ? WHERE seq = ?"
                    : "UPDATE messages SET visible = ?, receipt = ?, body = ? WHERE seq = ?");
            ps.setLong(1, visible);
            ps.setString(2, receipt);
            if (stored == null) {
                ps.setLong(3, seq);
            } else {
                ps.setBytes(3, stored);
                ps.setLong(4, seq);
            }
            ps.executeUpdate();
            return new UpdateReceipt(receipt, Times.instant(visible));
        });
    }

    @Override
    public void deleteMessage(String queue, String messageId, String popReceipt) {
        db.write(s -> {
            long seq = checkReceipt(s, queue, messageId, popReceipt);
            Sql.update(s, "DELETE FROM messages WHERE seq = ?", seq);
            Sql.update(s, "DELETE FROM dead_letters WHERE seq = ?", seq);
            return null;
        });
    }

    @Override
    public void setDeadLetterPolicy(String queue, DeadLetterPolicy policy) {
        if (policy.deadLetterQueue() != null) {
            throw StorageException.invalidArgument("deadLetterQueue", "must be unset on the local provider: dead "
                    + "letters go to " + queue + QueueStore.DEAD_LETTER_SUBQUEUE);
        }
        db.write(s -> {
            requireQueue(s, queue);
            Sql.update(s, "INSERT OR REPLACE INTO dead_letter_policies(queue, max_deliveries) VALUES (?, ?)", queue,
                    policy.maxDeliveryCount());
            return null;
        });
    }

    @Override
    public Optional<DeadLetterPolicy> deadLetterPolicy(String queue) {
        return db.read(s -> {
            requireQueue(s, queue);
            long max = maxDeliveries(s, queue);
            return max < 0 ? Optional.empty() : Optional.of(DeadLetterPolicy.of((int) max));
        });
    }

    @Override
    public String deadLetterQueueOf(String queue) {
        db.read(s -> {
            requireQueue(s, queue);
            return null;
        });
        return queue + QueueStore.DEAD_LETTER_SUBQUEUE;
    }

    @Override
    public void deadLetterMessage(String queue, String messageId, String popReceipt, String reason,
                                  String description) {
        db.write(s -> {
            moveToDeadLetters(s, queue, checkReceipt(s, queue, messageId, popReceipt), reason, description);
            return null;
        });
    }

    /** The queue's maximum deliveries, or -1 without a policy. */
    private static long maxDeliveries(Session s, String queue) throws SQLException {
        PreparedStatement ps = s.prepare("SELECT max_deliveries FROM dead_letter_policies WHERE queue = ?");
        ps.setString(1, queue);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }

    /** Moves the visible messages received as often as the policy allows to the dead-letter queue, as Service Bus. */
    private static void deadLetterOverDelivered(Session s, String queue, long now) throws SQLException {
        long max = maxDeliveries(s, queue);
        if (max < 0) {
            return;
        }
        PreparedStatement ps = s.prepare("SELECT seq FROM messages WHERE queue = ? AND visible <= ? AND dequeues >= ?");
        ps.setString(1, queue);
        ps.setLong(2, now);
        ps.setLong(3, max);
        List<Long> over = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                over.add(rs.getLong(1));
            }
        }
        for (long seq : over) {
            moveToDeadLetters(s, queue, seq, "MaxDeliveryCountExceeded",
                    "Message could not be consumed after " + max + " delivery attempts.");
        }
    }

    /** Moves a message to its queue's dead letters: visible at once, never expiring, with a new receipt. */
    private static void moveToDeadLetters(Session s, String queue, long seq, String reason, String description)
            throws SQLException {
        Sql.update(s, "UPDATE messages SET queue = ?, visible = ?, expires = ?, receipt = ? WHERE seq = ?",
                queue + QueueStore.DEAD_LETTER_SUBQUEUE, Times.now(), NEVER, Ids.random(), seq);
        Sql.update(s, "INSERT OR REPLACE INTO dead_letters(seq, reason, description) VALUES (?, ?, ?)", seq, reason,
                description);
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

    /** The stored text (UTF-8) of a body, by the rules Azure applies. */
    private static byte[] stored(byte[] body, QueueMessageEncoding encoding) {
        return QueueMessageText.encode(body, encoding, MAX_MESSAGE_BYTES)
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Messages from stored rows, their bodies decoded by {@code encoding}. */
    private static List<QueueMessage> messages(String queue, List<Row> rows, QueueMessageEncoding encoding) {
        List<QueueMessage> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            byte[] stored = r.stored() == null ? new byte[0] : r.stored();
            // Rows written before encodings existed hold raw bytes: NONE returns any stored bytes unchanged.
            byte[] body = encoding == QueueMessageEncoding.NONE ? stored : QueueMessageText.decode(
                    new String(stored, StandardCharsets.UTF_8), encoding,
                    "message " + r.id() + " of queue " + queue);
            QueueMessage m = new QueueMessage(r.id(), r.receipt(), body, Times.instant(r.inserted()),
                    expiresAt(r.expires()), r.visible() < 0 ? null : Times.instant(r.visible()), r.dequeues());
            out.add(queue.endsWith(QueueStore.DEAD_LETTER_SUBQUEUE) ? m.withDeadLetter(r.reason(), r.description())
                    : m);
        }
        return out;
    }

    /**
     * A message as stored: its text's bytes, times in nanoseconds ({@code visible} -1 for a peek), why it was
     * dead-lettered (null for live messages).
     */
    private record Row(String id, String receipt, byte[] stored, long inserted, long expires, long visible,
                       long dequeues, String reason, String description) {
    }

    private static void purgeExpired(Session s, String queue, long now) throws SQLException {
        Sql.update(s, "DELETE FROM messages WHERE queue = ? AND expires <= ?", queue, now);
    }

    private static boolean exists(Session s, String queue) throws SQLException {
        return Sql.exists(s, "SELECT 1 FROM queues WHERE name = ?", queue);
    }

    /** Checks the queue exists; for a dead-letter queue, the queue whose dead letters it holds. */
    private static void requireQueue(Session s, String queue) throws SQLException {
        if (!exists(s, base(queue))) {
            throw notFound(queue);
        }
    }

    /** The queue a name's messages belong to: the name itself, or the queue of a dead-letter queue. */
    private static String base(String queue) {
        return queue.endsWith(QueueStore.DEAD_LETTER_SUBQUEUE)
                ? queue.substring(0, queue.length() - QueueStore.DEAD_LETTER_SUBQUEUE.length()) : queue;
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
