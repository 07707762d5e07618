package io.unistore.testsupport.gcs;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** {@code /storage/v1/b[/BUCKET]}: insert, get, list, patch (versioning, labels), delete. */
final class BucketRoutes {
    private static final Pattern NAME = Pattern.compile("^[a-z0-9][a-z0-9._-]{1,61}[a-z0-9]$");

    private final GcsBackend backend;

    BucketRoutes(GcsBackend backend) {
        this.backend = backend;
    }

    void handle(GcsRequest r) {
        String bucket = r.segment(3);
        if (bucket == null) {
            switch (r.method) {
                case "POST" -> insert(r);
                case "GET" -> list(r);
                default -> throw new GcsError(405, "methodNotAllowed", r.method + " not allowed on buckets");
            }
            return;
        }
        switch (r.method) {
            case "GET" -> r.sendJson(200, GcsJson.bucket(backend.bucket(bucket), r.baseUrl));
            case "PATCH", "PUT" -> patch(r, bucket);
            case "DELETE" -> {
                backend.deleteBucket(bucket);
                r.send(204, new byte[0]);
            }
            default -> throw new GcsError(405, "methodNotAllowed", r.method + " not allowed on a bucket");
        }
    }

    private void insert(GcsRequest r) {
        String project = r.query.get("project");
        if (project == null || project.isEmpty()) {
            throw new GcsError(400, "required", "Required parameter: project");
        }
        JsonNode body = r.json();
        String name = body.path("name").asString(null);
        if (name == null || !NAME.matcher(name).matches()) {
            throw GcsError.invalid("Invalid bucket name: '" + name + "'");
        }
        Instant now = GcsBackend.now();
        StoredBucket b = new StoredBucket(name, project, body.path("versioning").path("enabled").asBoolean(false),
                body.path("storageClass").asString("STANDARD"), body.path("location").asString("US").toUpperCase(),
                GcsJson.stringMap(body.get("labels")), BucketLifecycle.check(body.get("lifecycle")), 1, now, now);
        r.sendJson(200, GcsJson.bucket(backend.createBucket(b), r.baseUrl));
    }

    private void list(GcsRequest r) {
        String project = r.query.get("project");
        if (project == null || project.isEmpty()) {
            throw new GcsError(400, "required", "Required parameter: project");
        }
        int max = r.longParam("maxResults") == null ? 1000 : r.longParam("maxResults").intValue();
        String after = r.query.get("pageToken") == null ? null
                : new String(Base64.getUrlDecoder().decode(r.query.get("pageToken")), StandardCharsets.UTF_8);
        List<StoredBucket> all = backend.buckets(r.query.get("prefix")).stream()
                .filter(b -> b.project().equals(project))
                .filter(b -> after == null || b.name().compareTo(after) > 0).toList();
        List<StoredBucket> page = all.subList(0, Math.min(max, all.size()));
        String next = all.size() > max ? Base64.getUrlEncoder().withoutPadding()
                .encodeToString(page.get(page.size() - 1).name().getBytes(StandardCharsets.UTF_8)) : null;
        r.sendJson(200, GcsJson.list("storage#buckets", page.stream().map(b -> GcsJson.bucket(b, r.baseUrl)).toList(),
                null, next));
    }

    private void patch(GcsRequest r, String bucket) {
        JsonNode body = r.json();
        StoredBucket current = backend.bucket(bucket);
        boolean versioning = body.has("versioning")
                ? body.path("versioning").path("enabled").asBoolean(false) : current.versioning();
        Map<String, String> labels = current.labels();
        if (body.has("labels")) {
            labels = new java.util.TreeMap<>(labels);
            for (Map.Entry<String, JsonNode> e : body.get("labels").properties()) {
                if (e.getValue().isNull()) {
                    labels.remove(e.getKey());
                } else {
                    labels.put(e.getKey(), e.getValue().asString());
                }
            }
        }
        JsonNode lifecycle = body.has("lifecycle") ? BucketLifecycle.check(body.get("lifecycle")) : current.lifecycle();
        StoredBucket updated = backend.replaceBucket(current.with(versioning, labels, lifecycle, GcsBackend.now()),
                r.longParam("ifMetagenerationMatch"));
        r.sendJson(200, GcsJson.bucket(updated, r.baseUrl));
    }
}
