package io.unistore.testsupport.gcs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code objects.rewrite}: copies a source generation to a destination, in several calls when the object is
 * larger than the bytes rewritten per call (the client loops with {@code rewriteToken} until {@code done}).
 * A request body sets the destination's metadata; without one the source's is kept. The destination's
 * storage class is the body's or the destination bucket's default.
 */
final class Rewrites {
    private final GcsBackend backend;
    private final Map<String, Progress> inFlight = new ConcurrentHashMap<>();
    private volatile long bytesPerCall;

    Rewrites(GcsBackend backend, long bytesPerCall) {
        this.backend = backend;
        this.bytesPerCall = bytesPerCall;
    }

    void bytesPerCall(long value) {
        this.bytesPerCall = value;
    }

    private record Progress(StoredObject source, long done) {
    }

    void rewrite(GcsRequest r, String srcBucket, String srcName, String dstBucket, String dstName) {
        JsonNode body = r.json();
        Preconditions destination = Preconditions.of(r.query);
        String token = r.query.get("rewriteToken");
        Progress progress;
        if (token != null && !token.isEmpty()) {
            progress = inFlight.remove(token);
            if (progress == null) {
                throw GcsError.invalid("Invalid rewriteToken");
            }
        } else {
            StoredObject source = backend.get(srcBucket, srcName, r.longParam("sourceGeneration"));
            Preconditions.ofSource(r.query).check(source, false);
            backend.bucket(dstBucket);
            destination.check(backend.live(dstBucket, dstName), false);
            progress = new Progress(source, 0);
        }
        long perCall = bytesPerCall;
        Long max = r.longParam("maxBytesRewrittenPerCall");
        if (max != null && max > 0) {
            perCall = Math.min(perCall, max);
        }
        StoredObject source = progress.source();
        long done = Math.min(source.size(), progress.done() + perCall);
        ObjectNode response = GcsJson.MAPPER.createObjectNode();
        response.put("kind", "storage#rewriteResponse");
        response.put("totalBytesRewritten", Long.toString(done));
        response.put("objectSize", Long.toString(source.size()));
        if (done < source.size()) {
            String next = UUID.randomUUID().toString();
            inFlight.put(next, new Progress(source, done));
            response.put("done", false);
            response.put("rewriteToken", next);
            r.sendJson(200, response);
            return;
        }
        boolean hasBody = body.isObject() && !body.isEmpty();
        ObjectAttrs attrs = hasBody ? ObjectAttrs.fromResource(body) : source.attrs();
        String storageClass = hasBody ? body.path("storageClass").asString(null) : null;
        Path copy = backend.newTempFile();
        try {
            Files.copy(source.content(), copy, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            GcsBackend.deleteQuietly(copy);
            throw new UncheckedIOException(e);
        }
        StoredObject created;
        try {
            created = backend.commit(dstBucket, dstName, copy, source.size(), source.md5(), source.crc32c(), attrs,
                    storageClass, destination);
        } catch (RuntimeException e) {
            GcsBackend.deleteQuietly(copy);
            throw e;
        }
        response.put("done", true);
        response.set("resource", GcsJson.object(created, r.baseUrl));
        r.sendJson(200, response);
    }
}
