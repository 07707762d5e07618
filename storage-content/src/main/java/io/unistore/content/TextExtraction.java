package io.unistore.content;

import io.unistore.ErrorCode;
import io.unistore.StorageException;
import java.io.IOException;
import java.io.InputStream;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import org.xml.sax.SAXException;

/**
 * The text of documents with Apache Tika's parsers: Word, Excel and PowerPoint (OOXML and the older binary
 * formats, by Apache POI), PDF (Apache PDFBox), HTML, OpenDocument, RTF, e-mail, and plain text. Output stops at
 * a number of characters; the input is streamed from the store, and formats that need random access (zip-based
 * documents, PDF) are spooled by Tika to a temporary file it deletes afterwards. Embedded documents (attachments,
 * pictures) are not parsed.
 */
public final class TextExtraction {
    /**
     * What was extracted.
     *
     * @param text      the text, at most maxChars characters
     * @param truncated whether the document has more text than maxChars
     * @param type      the type Tika parsed it as
     * @param title     the document's title, if it has one
     */
    public record Result(String text, boolean truncated, String type, String title) {
    }

    private TextExtraction() {
    }

    /**
     * Extracts at most {@code maxChars} characters of text from {@code in} ({@code name} is a hint to its type).
     * Does not close {@code in}.
     *
     * @throws StorageException UNSUPPORTED for content with no text Tika can read (an image, an archive), or
     *                          INVALID_ARGUMENT for a damaged or encrypted document, naming {@code what}
     */
    public static Result extract(InputStream in, String name, int maxChars, String what) {
        Metadata metadata = new Metadata();
        if (name != null) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name.substring(name.lastIndexOf('/') + 1));
        }
        BodyContentHandler handler = new BodyContentHandler(maxChars);
        boolean truncated = false;
        try (TikaInputStream tis = TikaInputStream.get(new NonClosing(in))) {
            Tika.PARSER.parse(tis, handler, metadata, new ParseContext());
        } catch (SAXException | TikaException e) {
            if (WriteLimitReachedException.isWriteLimitReached(e)) {
                truncated = true;
            } else if (e instanceof EncryptedDocumentException) {
                throw new StorageException(ErrorCode.INVALID_ARGUMENT, what + " is encrypted: no text can be read");
            } else {
                throw new StorageException(ErrorCode.INVALID_ARGUMENT, what + " could not be read as "
                        + metadata.get(Metadata.CONTENT_TYPE) + ": " + e.getMessage(), e);
            }
        } catch (IOException e) {
            throw new StorageException(ErrorCode.UNAVAILABLE, what + " could not be read: " + e.getMessage(), e);
        }
        String type = metadata.get(Metadata.CONTENT_TYPE);
        String base = type == null ? "application/octet-stream" : type.split(";")[0].trim();
        if (handler.toString().isEmpty() && !extractable(base)) {
            throw StorageException.unsupported(what + " is " + base + ": it holds no text to extract");
        }
        return new Result(handler.toString(), truncated, base, metadata.get(TikaCoreProperties.TITLE));
    }

    /** Whether a detected type is a document Tika reads text from (rather than text as stored, or binary data). */
    public static boolean extractable(String type) {
        return type.startsWith("application/vnd.openxmlformats-officedocument.")
                || type.startsWith("application/vnd.ms-") || type.equals("application/msword")
                || type.startsWith("application/vnd.oasis.opendocument.") || type.equals("application/pdf")
                || type.equals("application/rtf") || type.equals("text/html") || type.equals("application/xhtml+xml")
                || type.equals("message/rfc822") || type.equals("application/epub+zip");
    }

    /** Tika closes what it reads; the caller owns the store's stream. */
    private static final class NonClosing extends java.io.FilterInputStream {
        NonClosing(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
        }
    }
}
