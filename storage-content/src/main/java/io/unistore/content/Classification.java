package io.unistore.content;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What one stored object is: its type by content against the declared one, its language, and the personal and
 * secret data it holds with their positions. Text is scanned as stored, streaming; documents (Office, PDF, HTML)
 * are scanned in their extracted text, where positions are lines and columns of that text.
 *
 * <pre>{@code
 * Classification.Result r = Classification.classify(new Classification.Source("a.txt", size, "text/plain",
 *         (offset, length) -> content.read(offset, length), () -> blobs.openInputStream("c", "a.txt")),
 *     Classification.Limits.defaults());
 * }</pre>
 */
public final class Classification {
    /** Reads {@code length} bytes from {@code offset} (a ranged read). */
    @FunctionalInterface
    public interface Ranges {
        byte[] read(long offset, long length);
    }

    /**
     * The object to classify.
     *
     * @param name         its name (a hint to its type)
     * @param size         its size in bytes
     * @param declaredType its stored Content-Type, or null
     * @param ranges       ranged reads of it (detection reads its head)
     * @param stream       opens it from the start (the scan streams it)
     */
    public record Source(String name, long size, String declaredType, Ranges ranges, Supplier<InputStream> stream) {
    }

    /**
     * Bounds of one classification.
     *
     * @param maxBytes    bytes scanned at most (text), or the largest document extracted
     * @param maxChars    characters of a document's text scanned at most
     * @param maxFindings findings listed with positions (all are counted)
     */
    public record Limits(long maxBytes, int maxChars, int maxFindings) {
        /** 16 MiB, 4 M characters, 20 findings. */
        public static Limits defaults() {
            return new Limits(16L << 20, 4 << 20, 20);
        }
    }

    /** How an object's content was scanned. */
    public enum ScannedAs {
        /** As stored, line by line. */
        TEXT,
        /** In the text extracted from the document. */
        EXTRACTED_TEXT,
        /** Not scanned: binary content with no text, or a document over maxBytes. */
        NONE
    }

    /**
     * The classification of one object.
     *
     * @param detectedType its type by content
     * @param declaredType the type it was stored with, or null
     * @param mismatch     whether they disagree ({@link ContentTypes#mismatch})
     * @param language     its language ({@link Language}), or null
     * @param scannedAs    what was scanned
     * @param scan         what the scan found (empty when not scanned)
     * @param note         why it was not (fully) scanned, or null
     */
    public record Result(String detectedType, String declaredType, boolean mismatch, String language,
                         ScannedAs scannedAs, ContentScan.Result scan, String note) {
    }

    private static final ContentScan.Result NOTHING = new ContentScan.Result(Map.of(), java.util.List.of(), 0, 0, true);

    private Classification() {
    }

    /** Classifies one object within the limits. */
    public static Result classify(Source source, Limits limits) {
        return classify(source, limits, m -> { });
    }

    static Result classify(Source source, Limits limits, Consumer<SensitiveData.Match> seen) {
        byte[] head = source.size() == 0 ? new byte[0]
                : source.ranges().read(0, Math.min(source.size(), ContentTypes.HEAD_BYTES));
        String detected = ContentTypes.detect(head, source.name());
        boolean mismatch = ContentTypes.mismatch(source.declaredType(), detected);
        if (ContentTypes.isText(detected) && !detected.equals("text/html")) {
            ContentScan.Result scan;
            try (InputStream in = source.size() <= head.length ? new ByteArrayInputStream(head)
                    : source.stream().get()) {
                scan = ContentScan.scan(in, limits.maxBytes(), limits.maxFindings(), seen);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Result(detected, source.declaredType(), mismatch,
                    Language.detect(new String(head, StandardCharsets.UTF_8)), ScannedAs.TEXT, scan,
                    scan.complete() ? null : "scanned the first " + scan.bytes() + " bytes (maxBytes)");
        }
        if (TextExtraction.extractable(detected)) {
            if (source.size() > limits.maxBytes()) {
                return new Result(detected, source.declaredType(), mismatch, null, ScannedAs.NONE, NOTHING,
                        "a document of " + source.size() + " bytes, over maxBytes: not extracted");
            }
            TextExtraction.Result text;
            try (InputStream in = source.stream().get()) {
                text = TextExtraction.extract(in, source.name(), limits.maxChars(), source.name());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            byte[] utf8 = text.text().getBytes(StandardCharsets.UTF_8);
            ContentScan.Result scan = ContentScan.scan(new ByteArrayInputStream(utf8), Long.MAX_VALUE,
                    limits.maxFindings(), seen);
            return new Result(detected, source.declaredType(), mismatch, Language.detect(text.text()),
                    ScannedAs.EXTRACTED_TEXT, scan, text.truncated() ? "scanned the first " + limits.maxChars()
                    + " characters of its text (maxChars)" : null);
        }
        return new Result(detected, source.declaredType(), mismatch, null, ScannedAs.NONE, NOTHING,
                "binary content (" + detected + "): not scanned");
    }
}
