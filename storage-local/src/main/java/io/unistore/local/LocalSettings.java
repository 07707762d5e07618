package io.unistore.local;

import io.unistore.queue.QueueMessageEncoding;
import java.nio.file.Path;

/**
 * What a local account is opened with: the data directory and the options.
 *
 * @param root the data directory as given (made absolute); it is created and resolved when opened
 * @param versioning whether every blob write keeps the previous version
 * @param durability how much of a write survives a crash
 * @param queueEncoding how queue message bodies become the stored text
 */
record LocalSettings(Path root, boolean versioning, Durability durability, QueueMessageEncoding queueEncoding) {
}
