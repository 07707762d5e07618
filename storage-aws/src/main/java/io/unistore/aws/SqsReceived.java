package io.unistore.aws;

import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * What an explicit dead-letter needs of a message this store received: SQS has no dead-letter call and returns a
 * body only on receive, so the store keeps the text, attributes and group of each received message by its
 * receipt handle until it is deleted or dead-lettered, or the oldest are dropped past a budget of characters.
 * Thread-safe.
 */
final class SqsReceived {
    /** Bodies kept at most, in characters (SQS messages are up to 256 KiB). */
    static final long BUDGET = 8L * 1024 * 1024;

    /** A received message as SQS gave it. */
    record Message(String text, Map<String, MessageAttributeValue> attributes, String groupId) {
    }

    private final LinkedHashMap<String, Message> byReceipt = new LinkedHashMap<>();
    private long chars;

    synchronized void put(String receipt, Message message) {
        Message old = byReceipt.put(receipt, message);
        chars += message.text().length() - (old == null ? 0 : old.text().length());
        var it = byReceipt.values().iterator();
        while (chars > BUDGET && it.hasNext()) {
            chars -= it.next().text().length();
            it.remove();
        }
    }

    /** The message received with {@code receipt}, or null if this store did not receive it (or dropped it). */
    synchronized Message get(String receipt) {
        return byReceipt.get(receipt);
    }

    synchronized void remove(String receipt) {
        Message old = byReceipt.remove(receipt);
        if (old != null) {
            chars -= old.text().length();
        }
    }
}
