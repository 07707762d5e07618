package io.unistore.spi;

import io.unistore.StorageException;
import io.unistore.queue.QueueMessageEncoding;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A message body as the text a queue stores, under a {@link QueueMessageEncoding}, with the service's rules:
 * the text travels in XML, so {@code NONE} carries only UTF-8 text of characters XML allows, and it must fit
 * the service's limit in UTF-8 bytes. Providers of queues use it so every one of them keeps the same text.
 */
public final class QueueMessageText {
    private QueueMessageText() {
    }

    /** The encoding a caller asked for, or INVALID_ARGUMENT naming {@code encoding} when it gave none. */
    public static QueueMessageEncoding required(QueueMessageEncoding encoding) {
        if (encoding == null) {
            throw StorageException.invalidArgument("encoding", "is required (none or base64)");
        }
        return encoding;
    }

    /**
     * The text to store for a body.
     *
     * @param maxMessageBytes the service's limit on the stored text, in UTF-8 bytes
     * @throws StorageException INVALID_ARGUMENT naming {@code body} when it is too large, or not text that
     *                          {@code NONE} can carry (the message says to use base64)
     */
    public static String encode(byte[] body, QueueMessageEncoding encoding, int maxMessageBytes) {
        if (body == null) {
            throw StorageException.invalidArgument("body", "is required (use an empty array for an empty message)");
        }
        int max = encoding.maxBodyBytes(maxMessageBytes);
        if (body.length > max) {
            throw StorageException.invalidArgument("body", "must be at most " + max + " bytes with "
                    + QueueMessageEncoding.OPTION + "=" + encoding.optionValue() + " (the service stores at most "
                    + maxMessageBytes + " bytes of text" + (encoding == QueueMessageEncoding.BASE64
                    ? ", and base64 takes 4 for every 3" : "") + "), was " + body.length);
        }
        return encoding == QueueMessageEncoding.BASE64 ? Base64.getEncoder().encodeToString(body) : text(body);
    }

    /**
     * The body a stored text holds.
     *
     * @param where the message, for the error (e.g. "message 42 of queue jobs")
     * @throws StorageException INVALID_ARGUMENT when {@code BASE64} is expected and the text is not base64
     */
    public static byte[] decode(String text, QueueMessageEncoding encoding, String where) {
        if (text == null || text.isEmpty()) {
            return new byte[0];
        }
        if (encoding == QueueMessageEncoding.NONE) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw StorageException.invalidArgument(QueueMessageEncoding.OPTION, where + " is not base64 text, as "
                    + "base64 encoding expects (another program wrote it as plain text?): read it with encoding none");
        }
    }

    /** The body as text {@code NONE} can carry, else INVALID_ARGUMENT saying where and why. */
    private static String text(byte[] body) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw notText("is not UTF-8 text");
        }
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (!xmlChar(c)) {
                throw notText("holds U+" + String.format("%04X", c) + ", which a message's XML cannot carry");
            }
            i += Character.charCount(c);
        }
        return text;
    }

    /** XML 1.0's Char production: tab, newline, carriage return and the rest above U+001F but U+FFFE/U+FFFF. */
    private static boolean xmlChar(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                || c >= 0x10000;
    }

    private static StorageException notText(String why) {
        return StorageException.invalidArgument("body", why + ": with " + QueueMessageEncoding.OPTION
                + "=none a message holds text only; binary bodies need " + QueueMessageEncoding.OPTION + "=base64");
    }
}
