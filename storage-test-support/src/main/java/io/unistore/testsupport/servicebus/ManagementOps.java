package io.unistore.testsupport.servicebus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.qpid.proton.amqp.Binary;
import org.apache.qpid.proton.amqp.Symbol;
import org.apache.qpid.proton.amqp.messaging.AmqpValue;
import org.apache.qpid.proton.amqp.messaging.MessageAnnotations;
import org.apache.qpid.proton.message.Message;

/**
 * The {@code $management} operations of a queue that the SDKs call: peek, renew lock, schedule and cancel
 * scheduled messages. Requests carry {@code operation} in their application properties and a map body; answers
 * carry the status (200, 204 when a peek finds nothing, 4xx with an {@code errorCondition}) and a map body.
 */
final class ManagementOps {
    private static final int MAX_SCHEDULE = 4500;

    private ManagementOps() {
    }

    static Message handle(SbQueue queue, boolean deadLetter, Message request, Instant now) {
        Object id = request.getMessageId();
        Object op = request.getApplicationProperties() == null ? null
                : request.getApplicationProperties().getValue().get("operation");
        Map<?, ?> body = request.getBody() instanceof AmqpValue v && v.getValue() instanceof Map<?, ?> m ? m : Map.of();
        if (queue == null) {
            return AmqpMessages.response(id, 404, "The messaging entity could not be found.", "amqp:not-found", null);
        }
        String operation = String.valueOf(op);
        return switch (operation) {
            case "com.microsoft:peek-message" -> peek(queue, deadLetter, id, body, now);
            case "com.microsoft:renew-lock" -> renew(queue, id, body, now);
            case "com.microsoft:schedule-message" -> schedule(queue, id, body, now);
            case "com.microsoft:cancel-scheduled-message" -> cancel(queue, id, body, now);
            default -> AmqpMessages.response(id, 501, "The stand-in does not implement " + operation,
                    "amqp:not-implemented", null);
        };
    }

    private static Message peek(SbQueue queue, boolean deadLetter, Object id, Map<?, ?> body, Instant now) {
        long from = body.get("from-sequence-number") instanceof Number n ? n.longValue() : 0;
        int count = body.get("message-count") instanceof Number n ? n.intValue() : 1;
        List<SbMessage> found = queue.peek(deadLetter, from, count, now);
        if (found.isEmpty()) {
            return AmqpMessages.response(id, 204, "No messages", null, null);
        }
        List<Map<String, Object>> messages = new ArrayList<>();
        for (SbMessage m : found) {
            messages.add(Map.of("message", new Binary(AmqpMessages.forDelivery(m, true))));
        }
        return AmqpMessages.response(id, 200, "OK", null, Map.of("messages", messages));
    }

    private static Message renew(SbQueue queue, Object id, Map<?, ?> body, Instant now) {
        Object tokens = body.get("lock-tokens");
        UUID[] lockTokens = tokens instanceof UUID[] t ? t : tokens instanceof Object[] o
                ? java.util.Arrays.stream(o).map(UUID.class::cast).toArray(UUID[]::new) : new UUID[0];
        Date[] expirations = new Date[lockTokens.length];
        for (int i = 0; i < lockTokens.length; i++) {
            Instant until = queue.renew(lockTokens[i], now);
            if (until == null) {
                return AmqpMessages.response(id, 410, "The lock supplied is invalid. Either the lock expired, or the "
                        + "message has already been removed from the queue.", "com.microsoft:message-lock-lost", null);
            }
            expirations[i] = Date.from(until);
        }
        return AmqpMessages.response(id, 200, "OK", null, Map.of("expirations", expirations));
    }

    private static Message schedule(SbQueue queue, Object id, Map<?, ?> body, Instant now) {
        List<?> entries = body.get("messages") instanceof List<?> l ? l : List.of();
        if (entries.size() > MAX_SCHEDULE) {
            return AmqpMessages.response(id, 400, "Too many messages", "com.microsoft:argument-error", null);
        }
        // An object array: Proton encodes it as an AMQP array of longs, which clients decode as long[].
        Long[] sequenceNumbers = new Long[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            Map<?, ?> entry = (Map<?, ?>) entries.get(i);
            byte[] bytes = binary(entry.get("message"));
            Message m = AmqpMessages.decode(bytes);
            Instant at = scheduledTime(m);
            String messageId = m.getMessageId() == null ? String.valueOf(entry.get("message-id"))
                    : String.valueOf(m.getMessageId());
            sequenceNumbers[i] = queue.enqueue(bytes, messageId, ttl(m), at == null ? now : at, now).sequenceNumber;
        }
        return AmqpMessages.response(id, 200, "OK", null, Map.of("sequence-numbers", sequenceNumbers));
    }

    private static Message cancel(SbQueue queue, Object id, Map<?, ?> body, Instant now) {
        Object numbers = body.get("sequence-numbers");
        long[] seqs = numbers instanceof long[] l ? l : numbers instanceof Object[] o
                ? java.util.Arrays.stream(o).mapToLong(x -> ((Number) x).longValue()).toArray() : new long[0];
        for (long seq : seqs) {
            if (!queue.cancelScheduled(seq, now)) {
                return AmqpMessages.response(id, 404, "No scheduled message with sequence number " + seq,
                        "com.microsoft:message-not-found", null);
            }
        }
        return AmqpMessages.response(id, 200, "OK", null, new HashMap<>());
    }

    static byte[] binary(Object o) {
        if (o instanceof Binary b) {
            byte[] out = new byte[b.getLength()];
            System.arraycopy(b.getArray(), b.getArrayOffset(), out, 0, b.getLength());
            return out;
        }
        throw new IllegalArgumentException("expected a binary message");
    }

    /** When a sender asked the message to appear ({@code x-opt-scheduled-enqueue-time}); null for now. */
    static Instant scheduledTime(Message m) {
        MessageAnnotations a = m.getMessageAnnotations();
        Object at = a == null ? null : a.getValue().get(Symbol.valueOf("x-opt-scheduled-enqueue-time"));
        return at instanceof Date d ? d.toInstant() : null;
    }

    /** The header's time to live in milliseconds; 0 when none. */
    static long ttl(Message m) {
        return m.getHeader() == null || m.getHeader().getTtl() == null ? 0 : m.getHeader().getTtl().longValue();
    }
}
