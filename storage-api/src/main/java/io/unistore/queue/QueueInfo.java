package io.unistore.queue;

import java.util.Map;

/**
 * A queue, as listed.
 *
 * @param name the queue name
 * @param metadata user metadata
 */
public record QueueInfo(String name, Map<String, String> metadata) {
    public QueueInfo {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }
}
