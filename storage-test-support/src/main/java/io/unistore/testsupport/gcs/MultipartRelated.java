package io.unistore.testsupport.gcs;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The two parts of an {@code uploadType=multipart} body: the object resource (JSON), then the media. */
final class MultipartRelated {
    private MultipartRelated() {
    }

    /** A part: its Content-Type and its bytes. */
    record Part(String contentType, byte[] body) {
    }

    static List<Part> parse(String contentTypeHeader, byte[] body) {
        String boundary = boundary(contentTypeHeader);
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        List<Part> parts = new ArrayList<>();
        int pos = indexOf(body, delimiter, 0);
        while (pos >= 0) {
            int start = pos + delimiter.length;
            if (start + 1 < body.length && body[start] == '-' && body[start + 1] == '-') {
                break;
            }
            start = skipLineBreak(body, start);
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), start);
            if (headersEnd < 0) {
                throw GcsError.invalid("Malformed multipart body: part without headers");
            }
            String headers = new String(body, start, headersEnd - start, StandardCharsets.ISO_8859_1);
            int contentStart = headersEnd + 4;
            int next = indexOf(body, delimiter, contentStart);
            if (next < 0) {
                throw GcsError.invalid("Malformed multipart body: missing closing boundary");
            }
            int contentEnd = next;
            if (contentEnd >= 2 && body[contentEnd - 2] == '\r' && body[contentEnd - 1] == '\n') {
                contentEnd -= 2;
            }
            parts.add(new Part(headerValue(headers, "content-type"), Arrays.copyOfRange(body, contentStart, contentEnd)));
            pos = next;
        }
        if (parts.size() != 2) {
            throw GcsError.invalid("A multipart upload needs exactly two parts (metadata, media), got " + parts.size());
        }
        return parts;
    }

    private static String boundary(String contentType) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/related")) {
            throw GcsError.invalid("uploadType=multipart needs Content-Type multipart/related, got " + contentType);
        }
        for (String p : contentType.split(";")) {
            String t = p.trim();
            if (t.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
                String b = t.substring(9);
                return b.startsWith("\"") && b.endsWith("\"") ? b.substring(1, b.length() - 1) : b;
            }
        }
        throw GcsError.invalid("multipart/related without a boundary");
    }

    private static String headerValue(String headers, String name) {
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }

    private static int skipLineBreak(byte[] b, int i) {
        if (i + 1 < b.length && b[i] == '\r' && b[i + 1] == '\n') {
            return i + 2;
        }
        return i < b.length && b[i] == '\n' ? i + 1 : i;
    }

    private static int indexOf(byte[] hay, byte[] needle, int from) {
        outer:
        for (int i = from; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
