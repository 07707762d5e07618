package io.unistore.testsupport.gcs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Media downloads ({@code alt=media}, and GET through a signed URL): the whole object or one
 * {@code Range}, streamed from its file, with the headers GCS sends ({@code X-Goog-Generation},
 * {@code X-Goog-Hash}, {@code X-Goog-Stored-Content-Length}...). Stored bytes are served as stored: no
 * decompressive transcoding, so {@code contentEncoding} is reported in {@code X-Goog-Stored-Content-Encoding}.
 */
final class MediaDownload {
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    private MediaDownload() {
    }

    static void serve(GcsRequest r, StoredObject o, boolean headOnly) {
        long size = o.size();
        long first = 0;
        long last = size - 1;
        boolean partial = false;
        String range = r.header("Range");
        if (range != null) {
            Matcher m = RANGE.matcher(range.trim());
            if (!m.matches() || m.group(1).isEmpty() && m.group(2).isEmpty()) {
                throw GcsError.invalid("Invalid Range header: " + range);
            }
            if (m.group(1).isEmpty()) {
                first = Math.max(0, size - Long.parseLong(m.group(2)));
            } else {
                first = Long.parseLong(m.group(1));
                if (!m.group(2).isEmpty()) {
                    last = Math.min(last, Long.parseLong(m.group(2)));
                }
            }
            if (first >= size && !(first == 0 && size == 0)) {
                r.setHeader("Content-Range", "bytes */" + size);
                throw new GcsError(416, "requestedRangeNotSatisfiable", "Request range not satisfiable");
            }
            partial = size > 0;
        }
        long length = Math.max(0, last - first + 1);
        headers(r, o);
        if (partial) {
            r.setHeader("Content-Range", "bytes " + first + "-" + last + "/" + size);
        }
        int status = partial ? 206 : 200;
        if (headOnly) {
            r.setHeader("Content-Length", Long.toString(length));
            r.send(status, new byte[0]);
            return;
        }
        try (InputStream in = Files.newInputStream(o.content()); OutputStream out = r.stream(status, length)) {
            in.skipNBytes(first);
            byte[] buf = new byte[64 * 1024];
            long remaining = length;
            while (remaining > 0) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, remaining));
                if (n < 0) {
                    break;
                }
                out.write(buf, 0, n);
                remaining -= n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void headers(GcsRequest r, StoredObject o) {
        ObjectAttrs a = o.attrs();
        r.setHeader("Content-Type", a.contentType() != null ? a.contentType() : "application/octet-stream");
        r.setHeader("Accept-Ranges", "bytes");
        r.setHeader("ETag", "\"" + o.etag() + "\"");
        r.setHeader("Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME.format(o.updated().atOffset(ZoneOffset.UTC)));
        r.setHeader("X-Goog-Generation", Long.toString(o.generation()));
        r.setHeader("X-Goog-Metageneration", Long.toString(o.metageneration()));
        r.setHeader("X-Goog-Hash", "crc32c=" + o.crc32c() + ",md5=" + o.md5());
        r.setHeader("X-Goog-Stored-Content-Length", Long.toString(o.size()));
        r.setHeader("X-Goog-Stored-Content-Encoding", a.contentEncoding() != null ? a.contentEncoding() : "identity");
        r.setHeader("X-Goog-Storage-Class", o.storageClass());
        if (a.cacheControl() != null) {
            r.setHeader("Cache-Control", a.cacheControl());
        }
        if (a.contentDisposition() != null) {
            r.setHeader("Content-Disposition", a.contentDisposition());
        }
        if (a.contentLanguage() != null) {
            r.setHeader("Content-Language", a.contentLanguage());
        }
        a.metadata().forEach((k, v) -> r.setHeader("X-Goog-Meta-" + k, v));
    }
}
