package io.unistore.testsupport.gcs;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * {@code /upload/storage/v1/b/BUCKET/o}: simple ({@code uploadType=media}), multipart and resumable uploads.
 * A resumable session takes chunks with {@code Content-Range: bytes a-b/*} (answered 308 with the
 * {@code Range} received so far), and becomes an object only when the last chunk arrives and every declared
 * hash matches; until then nothing is visible.
 */
final class UploadRoutes {
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (?:(\\d+)-(\\d+|\\*)|\\*)/(\\d+|\\*)");

    private final GcsBackend backend;
    private final Map<String, ResumableSession> sessions = new ConcurrentHashMap<>();

    UploadRoutes(GcsBackend backend) {
        this.backend = backend;
    }

    void handle(GcsRequest r) {
        String bucket = r.segment(4);
        if (bucket == null || !"o".equals(r.segment(5)) || r.segment(6) != null) {
            throw GcsError.notFound("Not Found");
        }
        String type = r.query.getOrDefault("uploadType", "media");
        String uploadId = r.query.get("upload_id");
        if (uploadId != null) {
            ResumableSession s = sessions.get(uploadId);
            if (s == null) {
                throw GcsError.notFound("No such upload session: " + uploadId);
            }
            switch (r.method) {
                case "PUT", "POST" -> chunk(r, s);
                case "DELETE" -> {
                    sessions.remove(uploadId);
                    s.sink.discard();
                    r.sendJson(499, GcsJson.error(new GcsError(499, "clientClosedRequest", "Upload cancelled")));
                }
                default -> throw new GcsError(405, "methodNotAllowed", r.method + " not allowed on an upload");
            }
            return;
        }
        if (!r.method.equals("POST")) {
            throw new GcsError(405, "methodNotAllowed", r.method + " not allowed on uploads");
        }
        backend.bucket(bucket);
        switch (type) {
            case "media" -> media(r, bucket);
            case "multipart" -> multipart(r, bucket);
            case "resumable" -> start(r, bucket);
            default -> throw GcsError.invalid("Unknown uploadType: " + type);
        }
    }

    private void media(GcsRequest r, String bucket) {
        String name = requireName(r.query.get("name"));
        Preconditions conditions = Preconditions.of(r.query);
        conditions.check(backend.live(bucket, name), false);
        ObjectAttrs attrs = ObjectAttrs.EMPTY.patch(GcsJson.MAPPER.createObjectNode()
                .put("contentType", r.header("Content-Type")).put("contentEncoding", r.query.get("contentEncoding")));
        ContentSink sink = new ContentSink(backend.newTempFile());
        try {
            appendBody(r, sink, 0);
        } catch (RuntimeException e) {
            sink.discard();
            throw e;
        }
        finish(r, bucket, name, attrs, null, null, null, conditions, sink);
    }

    private void multipart(GcsRequest r, String bucket) {
        List<MultipartRelated.Part> parts = MultipartRelated.parse(r.header("Content-Type"), r.bodyBytes());
        JsonNode resource = GcsJson.parse(parts.get(0).body());
        String name = requireName(r.query.getOrDefault("name", resource.path("name").asString(null)));
        Preconditions conditions = Preconditions.of(r.query);
        conditions.check(backend.live(bucket, name), false);
        ObjectAttrs attrs = ObjectAttrs.fromResource(resource);
        if (attrs.contentType() == null && parts.get(1).contentType() != null) {
            attrs = attrs.patch(GcsJson.MAPPER.createObjectNode().put("contentType", parts.get(1).contentType()));
        }
        ContentSink sink = new ContentSink(backend.newTempFile());
        sink.append(new ByteArrayInputStream(parts.get(1).body()), 0);
        finish(r, bucket, name, attrs, resource, storageClass(resource), null, conditions, sink);
    }

    private void start(GcsRequest r, String bucket) {
        JsonNode resource = r.json();
        String name = requireName(r.query.getOrDefault("name", resource.path("name").asString(null)));
        Preconditions conditions = Preconditions.of(r.query);
        conditions.check(backend.live(bucket, name), false);
        ObjectAttrs attrs = ObjectAttrs.fromResource(resource);
        String uploadType = r.header("X-Upload-Content-Type");
        if (attrs.contentType() == null && uploadType != null) {
            attrs = attrs.patch(GcsJson.MAPPER.createObjectNode().put("contentType", uploadType));
        }
        String id = UUID.randomUUID().toString().replace("-", "");
        sessions.put(id, new ResumableSession(bucket, name, attrs, resource, storageClass(resource), conditions,
                new ContentSink(backend.newTempFile())));
        r.setHeader("Location", r.baseUrl + "/upload/storage/v1/b/" + GcsJson.encode(bucket)
                + "/o?uploadType=resumable&upload_id=" + id);
        r.send(200, new byte[0]);
    }

    private void chunk(GcsRequest r, ResumableSession s) {
        synchronized (s) {
            if (s.result != null) {
                r.sendJson(200, GcsJson.object(s.result, r.baseUrl));
                return;
            }
            String header = r.header("Content-Range");
            Long first = null;
            Long total = null;
            boolean restInBody = false;
            if (header != null) {
                Matcher m = CONTENT_RANGE.matcher(header.trim());
                if (!m.matches()) {
                    throw GcsError.invalid("Invalid Content-Range: " + header);
                }
                first = m.group(1) == null ? null : Long.parseLong(m.group(1));
                total = m.group(3).equals("*") ? null : Long.parseLong(m.group(3));
                // "bytes a-*/*": the rest of the upload is this request's body (Node's single-request upload).
                restInBody = "*".equals(m.group(2));
            }
            if (first != null) {
                if (first > s.sink.size()) {
                    throw new GcsError(400, "invalid", "Chunk starts at " + first + " but only " + s.sink.size()
                            + " bytes were received");
                }
                appendBody(r, s.sink, s.sink.size() - first);
                if (restInBody && total == null) {
                    total = s.sink.size();
                }
            } else if (header == null) {
                // A whole upload in one PUT without Content-Range: its length is the total.
                appendBody(r, s.sink, 0);
                total = s.sink.size();
            }
            if (total == null || s.sink.size() < total) {
                if (s.sink.size() > 0) {
                    r.setHeader("Range", "bytes=0-" + (s.sink.size() - 1));
                }
                r.send(308, new byte[0]);
                return;
            }
            if (s.sink.size() > total) {
                throw GcsError.invalid("Received " + s.sink.size() + " bytes but the upload declared " + total);
            }
            // A session that failed (hash, precondition) is over. One that committed stays, as on GCS, where a
            // finished session answers a status query or a resent last chunk with 200 and the object: a client
            // whose last answer was lost asks again and must learn that the upload is done.
            try {
                s.result = finish(r, s.bucket, s.name, s.attrs, s.resource, s.storageClass, r.header("X-Goog-Hash"),
                        s.conditions, s.sink);
            } catch (RuntimeException e) {
                sessions.remove(r.query.get("upload_id"));
                throw e;
            }
        }
    }

    private StoredObject finish(GcsRequest r, String bucket, String name, ObjectAttrs attrs, JsonNode resource,
                                String storageClass, String xGoogHash, Preconditions conditions, ContentSink sink) {
        StoredObject o;
        try {
            sink.close();
            sink.verify(resource == null ? null : resource.path("md5Hash").asString(null),
                    resource == null ? null : resource.path("crc32c").asString(null), xGoogHash);
            o = backend.commit(bucket, name, sink.file(), sink.size(), sink.md5(), sink.crc32c(), attrs,
                    storageClass, conditions);
        } catch (RuntimeException e) {
            sink.discard();
            throw e;
        }
        r.sendJson(200, GcsJson.object(o, r.baseUrl));
        return o;
    }

    /** Appends the request body to the sink, dropping its first {@code skip} bytes (already received). */
    static void appendBody(GcsRequest r, ContentSink sink, long skip) {
        try (var in = r.body()) {
            sink.append(in, skip);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String storageClass(JsonNode resource) {
        return resource.path("storageClass").asString(null);
    }

    static String requireName(String name) {
        if (name == null || name.isEmpty()) {
            throw new GcsError(400, "required", "Required parameter: name");
        }
        if (name.length() > 1024 || name.contains("\r") || name.contains("\n")) {
            throw GcsError.invalid("Invalid object name: " + name);
        }
        return name;
    }

    /** An upload in progress: where its bytes go and what it will become. */
    private static final class ResumableSession {
        final String bucket;
        final String name;
        final ObjectAttrs attrs;
        final JsonNode resource;
        final String storageClass;
        final Preconditions conditions;
        final ContentSink sink;
        StoredObject result;

        ResumableSession(String bucket, String name, ObjectAttrs attrs, JsonNode resource, String storageClass,
                         Preconditions conditions, ContentSink sink) {
            this.bucket = bucket;
            this.name = name;
            this.attrs = attrs;
            this.resource = resource;
            this.storageClass = storageClass;
            this.conditions = conditions;
            this.sink = sink;
        }
    }
}
