package io.unistore.testsupport.azurefiles;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One request to the stand-in and the answer being built for it, independent of the HTTP server. */
final class FilesExchange {
    final String method;
    final String rawPath;
    final String rawQuery;
    final Map<String, List<String>> headers;
    final byte[] body;
    final Map<String, String> query = new LinkedHashMap<>();

    int status = 200;
    final Map<String, String> responseHeaders = new LinkedHashMap<>();
    byte[] responseBody = new byte[0];

    FilesExchange(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body) {
        this.method = method;
        this.rawPath = rawPath;
        this.rawQuery = rawQuery;
        this.headers = headers;
        this.body = body;
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                query.put(name, eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
    }

    /** A request header, matched case-insensitively, or null. */
    String header(String name) {
        return SharedKey.header(headers, name);
    }

    /** The x-ms-meta-* headers as metadata, names as sent. */
    Map<String, String> metadata() {
        Map<String, String> m = new LinkedHashMap<>();
        headers.forEach((name, values) -> {
            if (name.regionMatches(true, 0, "x-ms-meta-", 0, 10) && !values.isEmpty()) {
                m.put(name.substring(10), values.get(0));
            }
        });
        return m;
    }

    String query(String name) {
        return query.get(name);
    }

    void header(String name, String value) {
        if (value != null) {
            responseHeaders.put(name, value);
        }
    }

    static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
