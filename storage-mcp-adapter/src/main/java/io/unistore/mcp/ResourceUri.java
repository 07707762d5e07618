package io.unistore.mcp;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A resource address: {@code unistore://ACCOUNT/KIND/NAME[/PATH]}, KIND one of blobs, tables, queues,
 * shares; PATH (a blob name or a file path) may contain '/'. Segments are percent-encoded.
 *
 * @param account the account name
 * @param kind blobs, tables, queues or shares
 * @param name the container, table, queue or share
 * @param path the blob or file path, or null for the container/table/queue/share itself
 */
record ResourceUri(String account, String kind, String name, String path) {
    static final String SCHEME = "unistore://";

    /** Parses a URI, or returns null when it is not one of ours. */
    static ResourceUri parse(String uri) {
        if (uri == null || !uri.startsWith(SCHEME)) {
            return null;
        }
        String[] parts = uri.substring(SCHEME.length()).split("/", 4);
        if (parts.length < 3 || parts[0].isEmpty() || parts[2].isEmpty()) {
            return null;
        }
        String path = parts.length == 4 && !parts[3].isEmpty() ? decodePath(parts[3]) : null;
        return new ResourceUri(decode(parts[0]), parts[1], decode(parts[2]), path);
    }

    /** The URI of a container, table, queue or share. */
    static String of(String account, String kind, String name) {
        return SCHEME + encode(account) + "/" + kind + "/" + encode(name);
    }

    /** The URI of a blob or file. */
    static String of(String account, String kind, String name, String path) {
        StringBuilder sb = new StringBuilder(of(account, kind, name));
        for (String segment : path.split("/", -1)) {
            sb.append('/').append(encode(segment));
        }
        return sb.toString();
    }

    private static String decodePath(String raw) {
        StringBuilder sb = new StringBuilder();
        String[] segments = raw.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            sb.append(i == 0 ? "" : "/").append(decode(segments[i]));
        }
        return sb.toString();
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
