package io.unistore.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Set;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;

/**
 * The type of content by what it holds (Apache Tika's magic bytes, container inspection and text detection, the
 * name only as a hint among text types), and whether a declared Content-Type agrees with it.
 */
public final class ContentTypes {
    /** Bytes from the start that detection reads: enough for magic bytes and the first entries of a zip. */
    public static final int HEAD_BYTES = 256 * 1024;

    private static final Set<String> TEXT_APPLICATION = Set.of("application/json", "application/xml",
            "application/javascript", "application/x-sh", "application/x-yaml", "application/yaml",
            "application/x-ndjson", "application/sql", "application/x-httpd-php", "application/ld+json");
    private static final Set<String> GENERIC = Set.of("application/octet-stream", "binary/octet-stream");

    private ContentTypes() {
    }

    /**
     * The media type (without parameters) of content starting with {@code head}, named {@code name} (may be null).
     */
    public static String detect(byte[] head, String name) {
        Metadata metadata = new Metadata();
        if (name != null) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name.substring(name.lastIndexOf('/') + 1));
        }
        try (TikaInputStream in = TikaInputStream.get(head)) {
            return Tika.DETECTOR.detect(in, metadata).getBaseType().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether a declared type disagrees with the detected one: not when none or a generic one
     * ({@code application/octet-stream}) was declared, when they are the same, or when one is a kind of the other
     * ({@code text/csv} is a kind of {@code text/plain}).
     */
    public static boolean mismatch(String declared, String detected) {
        if (declared == null || declared.isBlank()) {
            return false;
        }
        MediaType d = MediaType.parse(declared.toLowerCase(Locale.ROOT));
        if (d == null) {
            return true;
        }
        String base = d.getBaseType().toString();
        if (GENERIC.contains(base) || base.equals(detected)) {
            return false;
        }
        MediaType a = Tika.TYPES.normalize(d.getBaseType());
        MediaType b = Tika.TYPES.normalize(MediaType.parse(detected));
        if (a.equals(b) || Tika.TYPES.isSpecializationOf(a, b) || Tika.TYPES.isSpecializationOf(b, a)) {
            return false;
        }
        // text declared for text detected (text/plain for JSON, YAML or source code) is not worth a flag
        return !(isText(base) && isText(detected));
    }

    /** Whether content of this type is text, scanned line by line as it is stored. */
    public static boolean isText(String type) {
        return type.startsWith("text/") || TEXT_APPLICATION.contains(type) || type.endsWith("+xml")
                || type.endsWith("+json");
    }
}
