package io.unistore.azure;

import io.unistore.StorageException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Message bodies on the wire: always base64 of the bytes (what the SDKs' BASE64 message encoding writes, so other
 * clients configured that way read them too). A message that is not valid base64, written by a client that sends
 * plain text, is read as the UTF-8 bytes of its text.
 */
final class QueueBodies {
    private QueueBodies() {
    }

    static String encode(byte[] body) {
        byte[] b = body == null ? new byte[0] : body;
        if (b.length > AzureAccount.MAX_QUEUE_MESSAGE_BYTES) {
            throw StorageException.invalidArgument("body", "must be at most " + AzureAccount.MAX_QUEUE_MESSAGE_BYTES
                    + " bytes (Azure's 64 KiB limit after base64), was " + b.length);
        }
        return Base64.getEncoder().encodeToString(b);
    }

    static byte[] decode(String text) {
        if (text == null) {
            return new byte[0];
        }
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
    }
}
