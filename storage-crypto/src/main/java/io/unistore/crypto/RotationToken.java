package io.unistore.crypto;

import io.unistore.StorageException;
import io.unistore.spi.ContinuationTokens;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where a key rotation resumes: the listing page it was in and the last blob it finished there, so a stopped run
 * (a limit, a cancel, a crash after a report) continues with the next blob instead of repeating the page. Opaque
 * to callers (base64url JSON).
 *
 * @param page the listing's continuation token of the page, or null for the first page
 * @param after the last blob finished in that page, or null for none
 */
record RotationToken(String page, String after) {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The token of the start, from a caller's token or null. */
    static RotationToken parse(String token) {
        String json = ContinuationTokens.decode(token);
        if (json == null) {
            return new RotationToken(null, null);
        }
        try {
            JsonNode root = JSON.readTree(json);
            if (root.isObject() && root.path("v").asInt() == 1) {
                return new RotationToken(text(root.get("page")), text(root.get("after")));
            }
        } catch (JacksonException e) {
            // reported below
        }
        throw StorageException.invalidArgument("continuationToken", "is not a token a key rotation returned (it "
                + "must be passed back unchanged)");
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asString();
    }

    String encode() {
        return ContinuationTokens.encode(JSON.writeValueAsString(JSON.createObjectNode().put("v", 1)
                .put("page", page).put("after", after)));
    }

    /**
     * Whether a blob of the page was finished before the stop: listings are ordered by the names' UTF-8 bytes
     * (Azure, S3, GCS and the local provider alike), so those are the names up to {@link #after}.
     */
    boolean done(String name) {
        return after != null && Arrays.compareUnsigned(name.getBytes(StandardCharsets.UTF_8),
                after.getBytes(StandardCharsets.UTF_8)) <= 0;
    }
}
