package io.unistore.queue;

import java.util.Map;

/**
 * A queue's properties.
 *
 * @param name the queue name
 * @param metadata user metadata
 * @param approximateMessageCount messages in the queue, visible or not, approximately
 */
public record QueueProperties(String name, Map<String, String> metadata, long approximateMessageCount) {
    public QueueProperties {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }
}
