package io.unistore.content;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Masks what {@link ContentScan} finds, streaming line by line: each item becomes {@code [REDACTED:KIND]}, and
 * every line of a private key block, from its BEGIN line to its END line, is masked whole. Line ends are kept,
 * so line numbers stay true. A line cut by a byte range is redacted as far as it goes: an item the cut splits
 * may be missed, so redact line ranges or whole objects.
 */
public final class Redaction {
    private static final Pattern KEY_END = Pattern.compile("-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----");

    private Redaction() {
    }

    /** Copies {@code in} to {@code out} redacted; returns how many items were masked. Closes neither. */
    public static long redact(InputStream in, OutputStream out) {
        TextLines lines = new TextLines(in, Long.MAX_VALUE);
        long masked = 0;
        boolean inKey = false;
        try {
            for (TextLines.Line line = lines.next(); line != null; line = lines.next()) {
                String text = line.text();
                String result;
                if (inKey) {
                    var end = KEY_END.matcher(text);
                    if (end.find()) {
                        inKey = false;
                        result = Masking.redacted(FindingKind.PRIVATE_KEY) + text.substring(end.end());
                    } else {
                        result = Masking.redacted(FindingKind.PRIVATE_KEY) + (text.endsWith("\r") ? "\r" : "");
                    }
                } else {
                    StringBuilder b = new StringBuilder(text.length());
                    int at = 0;
                    for (SensitiveData.Match m : SensitiveData.find(text)) {
                        b.append(text, at, m.start()).append(Masking.redacted(m.kind()));
                        at = m.end();
                        masked++;
                        if (m.kind() == FindingKind.PRIVATE_KEY) {
                            var end = KEY_END.matcher(text);
                            if (end.find(m.end())) {
                                at = end.end();
                            } else {
                                inKey = true;
                                at = text.length();
                            }
                        }
                    }
                    result = b.append(text, at, text.length()).toString();
                }
                out.write(result.getBytes(StandardCharsets.UTF_8));
                if (line.newline()) {
                    out.write('\n');
                }
            }
            return masked;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text redacted. */
    public static String redact(String text) {
        return new String(redact(text.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    /** UTF-8 bytes redacted. */
    public static byte[] redact(byte[] utf8) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(utf8.length);
        redact(new ByteArrayInputStream(utf8), out);
        return out.toByteArray();
    }
}
