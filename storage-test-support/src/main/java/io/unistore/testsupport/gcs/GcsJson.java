package io.unistore.testsupport.gcs;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON API's resources as the service writes them: 64-bit numbers as strings, RFC 3339 times.
 */
final class GcsJson {
    static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private GcsJson() {
    }

    static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return MAPPER.createObjectNode();
        }
        try {
            return MAPPER.readTree(body);
        } catch (RuntimeException e) {
            throw GcsError.invalid("Parse Error: the request body is not JSON");
        }
    }

    static ObjectNode object(StoredObject o, String baseUrl) {
        ObjectNode n = MAPPER.createObjectNode();
        String path = "b/" + encode(o.bucket()) + "/o/" + encode(o.name());
        n.put("kind", "storage#object");
        n.put("id", o.bucket() + "/" + o.name() + "/" + o.generation());
        n.put("selfLink", baseUrl + "/storage/v1/" + path);
        n.put("mediaLink", baseUrl + "/download/storage/v1/" + path + "?generation=" + o.generation() + "&alt=media");
        n.put("name", o.name());
        n.put("bucket", o.bucket());
        n.put("generation", Long.toString(o.generation()));
        n.put("metageneration", Long.toString(o.metageneration()));
        ObjectAttrs a = o.attrs();
        n.put("contentType", a.contentType() != null ? a.contentType() : "application/octet-stream");
        putIfSet(n, "contentEncoding", a.contentEncoding());
        putIfSet(n, "cacheControl", a.cacheControl());
        putIfSet(n, "contentDisposition", a.contentDisposition());
        putIfSet(n, "contentLanguage", a.contentLanguage());
        n.put("storageClass", o.storageClass());
        n.put("size", Long.toString(o.size()));
        n.put("md5Hash", o.md5());
        n.put("crc32c", o.crc32c());
        n.put("etag", o.etag());
        n.put("timeCreated", time(o.created()));
        n.put("updated", time(o.updated()));
        n.put("timeStorageClassUpdated", time(o.classUpdated()));
        if (o.deleted() != null) {
            n.put("timeDeleted", time(o.deleted()));
        }
        if (!a.metadata().isEmpty()) {
            ObjectNode md = n.putObject("metadata");
            a.metadata().forEach(md::put);
        }
        return n;
    }

    static ObjectNode bucket(StoredBucket b, String baseUrl) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("kind", "storage#bucket");
        n.put("id", b.name());
        n.put("selfLink", baseUrl + "/storage/v1/b/" + encode(b.name()));
        n.put("name", b.name());
        n.put("projectNumber", Long.toString(Math.abs((long) b.project().hashCode())));
        n.put("metageneration", Long.toString(b.metageneration()));
        n.put("location", b.location());
        n.put("locationType", "multi-region");
        n.put("storageClass", b.storageClass());
        n.put("etag", "CA" + b.metageneration() + "=");
        n.put("timeCreated", time(b.created()));
        n.put("updated", time(b.updated()));
        n.putObject("versioning").put("enabled", b.versioning());
        if (!b.labels().isEmpty()) {
            ObjectNode labels = n.putObject("labels");
            b.labels().forEach(labels::put);
        }
        if (b.lifecycle() != null) {
            n.set("lifecycle", b.lifecycle().deepCopy());
        }
        return n;
    }

    static ObjectNode list(String kind, Iterable<? extends JsonNode> items, Iterable<String> prefixes,
                           String nextPageToken) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("kind", kind);
        ArrayNode arr = MAPPER.createArrayNode();
        items.forEach(arr::add);
        if (!arr.isEmpty()) {
            n.set("items", arr);
        }
        if (prefixes != null) {
            ArrayNode p = MAPPER.createArrayNode();
            prefixes.forEach(p::add);
            if (!p.isEmpty()) {
                n.set("prefixes", p);
            }
        }
        putIfSet(n, "nextPageToken", nextPageToken);
        return n;
    }

    static ObjectNode error(GcsError e) {
        ObjectNode n = MAPPER.createObjectNode();
        ObjectNode err = n.putObject("error");
        err.put("code", e.status);
        err.put("message", e.getMessage());
        ObjectNode detail = err.putArray("errors").addObject();
        detail.put("message", e.getMessage());
        detail.put("domain", "global");
        detail.put("reason", e.reason);
        return n;
    }

    static Map<String, String> stringMap(JsonNode node) {
        Map<String, String> m = new java.util.TreeMap<>();
        if (node != null && node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (!e.getValue().isNull()) {
                    m.put(e.getKey(), e.getValue().asString());
                }
            }
        }
        return m;
    }

    static String time(Instant t) {
        return t.toString();
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void putIfSet(ObjectNode n, String field, String value) {
        if (value != null) {
            n.put(field, value);
        }
    }
}
