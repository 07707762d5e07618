package io.unistore.queue;

import java.time.Instant;

/**
 * What sending a message returned.
 *
 * @param messageId the message id
 * @param popReceipt a receipt that allows deleting or updating the message before anyone receives it
 * @param insertedAt when it was enqueued
 * @param expiresAt when it expires, or null if never
 * @param nextVisibleAt when it becomes visible
 */
public record SendReceipt(String messageId, String popReceipt, Instant insertedAt, Instant expiresAt,
                          Instant nextVisibleAt) {
}
