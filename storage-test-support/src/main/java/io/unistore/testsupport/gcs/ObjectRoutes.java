package io.unistore.testsupport.gcs;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * {@code /storage/v1/b/BUCKET/o[/OBJECT]}: list (prefix, delimiter, versions, paging), get (metadata or
 * {@code alt=media}), patch and update, delete; {@code .../rewriteTo/b/B/o/O} is handed to {@link Rewrites}.
 */
final class ObjectRoutes {
    private final GcsBackend backend;
    private final Rewrites rewrites;

    ObjectRoutes(GcsBackend backend, Rewrites rewrites) {
        this.backend = backend;
        this.rewrites = rewrites;
    }

    /** {@code segments} from "b": [b, BUCKET, o, OBJECT, ...]. */
    void handle(GcsRequest r, List<String> segments) {
        String bucket = segments.get(1);
        String name = segments.size() > 3 ? segments.get(3) : null;
        if (name == null) {
            if (!r.method.equals("GET")) {
                throw new GcsError(405, "methodNotAllowed", r.method + " not allowed on objects");
            }
            list(r, bucket);
            return;
        }
        if (segments.size() > 4) {
            if (segments.size() == 8 && segments.get(4).equals("rewriteTo") && segments.get(5).equals("b")
                    && segments.get(7).equals("o")) {
                throw GcsError.invalid("rewriteTo needs a destination object name");
            }
            if (segments.size() == 9 && segments.get(4).equals("rewriteTo") && r.method.equals("POST")) {
                rewrites.rewrite(r, bucket, name, segments.get(6), segments.get(8));
                return;
            }
            throw GcsError.notFound("Not Found");
        }
        Long generation = r.longParam("generation");
        switch (r.method) {
            case "GET" -> {
                StoredObject o = media(r, bucket, name);
                if ("media".equals(r.query.get("alt"))) {
                    MediaDownload.serve(r, o, false);
                } else {
                    r.sendJson(200, GcsJson.object(o, r.baseUrl));
                }
            }
            case "PATCH" -> {
                JsonNode doc = r.json();
                r.sendJson(200, GcsJson.object(backend.update(bucket, name, generation, Preconditions.of(r.query),
                        attrs -> attrs.patch(doc)), r.baseUrl));
            }
            case "PUT" -> {
                JsonNode doc = r.json();
                r.sendJson(200, GcsJson.object(backend.update(bucket, name, generation, Preconditions.of(r.query),
                        attrs -> ObjectAttrs.replace(doc)), r.baseUrl));
            }
            case "DELETE" -> {
                backend.delete(bucket, name, generation, Preconditions.of(r.query));
                r.send(204, new byte[0]);
            }
            default -> throw new GcsError(405, "methodNotAllowed", r.method + " not allowed on an object");
        }
    }

    /** A media download of {@code /download/storage/v1/b/BUCKET/o/OBJECT}: the object, preconditions checked. */
    StoredObject media(GcsRequest r, String bucket, String name) {
        StoredObject o = backend.get(bucket, name, r.longParam("generation"));
        Preconditions.of(r.query).check(o, true);
        return o;
    }

    private void list(GcsRequest r, String bucket) {
        Long max = r.longParam("maxResults");
        if (max != null && max < 1) {
            throw GcsError.invalid("Invalid value for maxResults: " + max);
        }
        String delimiter = r.query.get("delimiter");
        GcsBackend.ListRequest request = new GcsBackend.ListRequest(empty(r.query.get("prefix")),
                empty(delimiter), r.flag("versions"), empty(r.query.get("pageToken")),
                max == null ? 1000 : (int) Math.min(max, 1000), r.flag("includeTrailingDelimiter"),
                empty(r.query.get("startOffset")), empty(r.query.get("endOffset")));
        GcsBackend.ListPage page = backend.list(bucket, request);
        r.sendJson(200, GcsJson.list("storage#objects",
                page.items().stream().map(o -> GcsJson.object(o, r.baseUrl)).toList(), page.prefixes(),
                page.nextPageToken()));
    }

    private static String empty(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
