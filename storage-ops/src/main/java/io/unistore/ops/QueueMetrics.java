package io.unistore.ops;

/**
 * What {@link StorageMetrics} found in one queue.
 *
 * @param name the queue
 * @param approximateMessages the service's approximate message count (visible or not)
 * @param oldestMessageAgeSeconds age of the message at the head of the queue, from a peek; -1 when the queue is
 *        empty at the head, the provider cannot peek, or it does not report insertion times
 */
public record QueueMetrics(String name, long approximateMessages, long oldestMessageAgeSeconds) {
}
