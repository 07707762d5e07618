package io.unistore.queue;

import java.time.Instant;

/**
 * What updating a message returned.
 *
 * @param popReceipt the new pop receipt; the old one is no longer valid
 * @param nextVisibleAt when the message becomes visible again
 */
public record UpdateReceipt(String popReceipt, Instant nextVisibleAt) {
}
