package io.unistore.mcp;

import io.unistore.StorageException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * Content passed inline in tool arguments and results: UTF-8 text or base64, within the inline limit.
 */
final class Content {
    private Content() {
    }

    /** Decodes the {@code content} argument; INVALID_ARGUMENT for bad base64 or content over the limit. */
    static byte[] decode(String content, String encoding, int maxInlineBytes) {
        byte[] bytes;
        if ("base64".equals(encoding)) {
            try {
                bytes = Base64.getMimeDecoder().decode(content);
            } catch (IllegalArgumentException e) {
                throw StorageException.invalidArgument("content", "is not valid base64 (" + e.getMessage() + ")");
            }
        } else {
            bytes = content.getBytes(StandardCharsets.UTF_8);
        }
        if (bytes.length > maxInlineBytes) {
            throw StorageException.invalidArgument("content", bytes.length + " bytes exceed the inline limit of "
                    + maxInlineBytes + " (--max-inline-bytes); write the content to a file inside the allowed roots "
                    + "and pass localPath instead");
        }
        return bytes;
    }

    /** Whether a content type names text an agent can read as a string. */
    static boolean isTextType(String contentType) {
        if (contentType == null) {
            return false;
        }
        String t = contentType.toLowerCase(Locale.ROOT);
        return t.startsWith("text/") || t.contains("json") || t.contains("xml") || t.contains("yaml")
                || t.contains("csv") || t.contains("javascript") || t.contains("x-sh") || t.contains("sql")
                || t.contains("markdown") || t.contains("toml");
    }

    /**
     * The text of the bytes if they should be shown as text: a text content type, or no specific type and
     * valid UTF-8 without control characters other than whitespace. Null means "use base64".
     */
    static String asText(byte[] bytes, String contentType, String forcedEncoding) {
        if ("base64".equals(forcedEncoding)) {
            return null;
        }
        boolean unknownType = contentType == null || contentType.startsWith("application/octet-stream");
        if (!"utf8".equals(forcedEncoding) && !isTextType(contentType) && !unknownType) {
            return null;
        }
        // Plain ASCII is valid UTF-8 as it is: it skips the checking decoder and its char buffer (most text).
        String text = isAscii(bytes) ? new String(bytes, StandardCharsets.ISO_8859_1) : strictUtf8(bytes);
        if (text == null) {
            if ("utf8".equals(forcedEncoding)) {
                throw StorageException.invalidArgument("encoding", "utf8 was asked but the content is not valid "
                        + "UTF-8; ask for base64");
            }
            return null;
        }
        if (unknownType && !"utf8".equals(forcedEncoding) && text.chars().anyMatch(
                c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            return null;
        }
        return text;
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    /** The bytes as UTF-8 text, or null where they are not valid UTF-8. */
    private static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
