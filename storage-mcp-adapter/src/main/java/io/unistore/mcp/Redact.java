package io.unistore.mcp;

import static io.unistore.mcp.ToolSchema.bool;

import io.unistore.ErrorCode;
import io.unistore.StorageException;
import io.unistore.content.Redaction;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The {@code redact} option of the read tools: what comes back (inline, or into localPath) has its personal and
 * secret data masked as {@code [REDACTED:KIND]} (storage-content's {@link Redaction}, the same rules classify-blobs
 * finds with), line by line as it streams. Only text can be redacted; a document's text is extract-text's.
 */
final class Redact {
    static final Map<String, Object> OPTION = bool("Mask personal and secret data (e-mails, phone numbers, IBANs, "
            + "card numbers, access keys, tokens, private keys) as [REDACTED:KIND], line by line; text content only. "
            + "A byte range may cut an item at its ends: redact line ranges or whole objects");

    private Redact() {
    }

    /** Whether the arguments ask for redaction. */
    static boolean asked(Map<String, Object> a) {
        return Boolean.TRUE.equals(a.get("redact"));
    }

    /** The text, redacted when asked; refuses non-text content (text == null means it would go out as base64). */
    static String text(String text, Map<String, Object> a, String where, String contentType) {
        if (!asked(a)) {
            return text;
        }
        if (text == null) {
            throw refused(where, contentType);
        }
        return Redaction.redact(text);
    }

    /** Streams {@code in} redacted into {@code target}; refuses content with a NUL byte in its first 8 KiB. */
    static void toFile(InputStream raw, Path target, String contentType) {
        try (InputStream in = new BufferedInputStream(raw)) {
            in.mark(8192);
            byte[] head = in.readNBytes(8192);
            in.reset();
            for (byte b : head) {
                if (b == 0) {
                    throw refused("", contentType);
                }
            }
            try (OutputStream out = Files.newOutputStream(target)) {
                Redaction.redact(in, out);
            }
        } catch (IOException e) {
            throw new StorageException(ErrorCode.UNAVAILABLE, "redacting into " + target + " failed: "
                    + e.getMessage(), e);
        }
    }

    private static StorageException refused(String where, String contentType) {
        return StorageException.invalidArgument(where + "redact", "only text can be redacted and this content is "
                + (contentType == null ? "binary" : contentType) + "; read a document's text with extract-text "
                + "(redact: true)");
    }
}
