package io.unistore.testsupport.azurefiles;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** The XML bodies of the Files REST API the stand-in answers with (error, share and directory listings). */
final class FilesXml {
    static final String PROLOG = "<?xml version=\"1.0\" encoding=\"utf-8\"?>";

    private FilesXml() {
    }

    /** {@code <Error><Code/><Message/></Error>}, as every storage service reports a failure. */
    static String error(String code, String message, String requestId) {
        return PROLOG + "<Error><Code>" + escape(code) + "</Code><Message>" + escape(message) + "\nRequestId:"
                + requestId + "\nTime:" + DateTimeFormatter.ISO_INSTANT.format(Instant.now()) + "</Message></Error>";
    }

    static String metadata(Map<String, String> metadata) {
        StringBuilder sb = new StringBuilder("<Metadata>");
        metadata.forEach((k, v) -> sb.append('<').append(k).append('>').append(escape(v)).append("</").append(k)
                .append('>'));
        return sb.append("</Metadata>").toString();
    }

    static String element(String name, Object value) {
        return value == null ? "<" + name + " />" : "<" + name + ">" + escape(value.toString()) + "</" + name + ">";
    }

    /** RFC 1123 dates, as Last-Modified headers and listing properties carry them. */
    static String rfc1123(Instant i) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(i.atOffset(ZoneOffset.UTC));
    }

    /** The 7-digit ISO form of the x-ms-file-*-time headers. */
    static String fileTime(Instant i) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS'Z'").withZone(ZoneOffset.UTC).format(i);
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
