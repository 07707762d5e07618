package io.unistore.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The text of a line and its hash. A line is JSON in a fixed field order ending with {@code "hash"}; the hash is
 * SHA-256 of the line's text without {@code ,"hash":"..."}, and that text holds the hash of the line before
 * ({@code prev}), so editing, removing or reordering a line breaks the chain from there on.
 */
final class AuditLines {
    static final String GENESIS = "0".repeat(64);
    private static final String HASH_FIELD = ",\"hash\":\"";
    /** {@code ,"hash":"} + 64 hex digits + {@code "}}. */
    private static final int HASH_SUFFIX = HASH_FIELD.length() + 64 + 2;
    /** Names kept per line: a batch delete of thousands of blobs must not make a line of megabytes. */
    static final int MAX_TARGETS = 20;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AuditLines() {
    }

    /** The complete line (no newline) for a record whose {@code hash} is ignored and computed here. */
    static String format(AuditRecord r) {
        ObjectNode n = JSON.createObjectNode();
        n.put("seq", r.seq());
        n.put("time", r.time().toString());
        n.put("principal", r.principal());
        n.put("account", r.account());
        n.put("store", r.store());
        n.put("operation", r.operation());
        n.put("writes", r.writes());
        ArrayNode targets = n.putArray("targets");
        List<String> names = r.targets();
        for (int i = 0; i < names.size() && i < MAX_TARGETS; i++) {
            targets.add(names.get(i));
        }
        if (names.size() > MAX_TARGETS) {
            targets.add("... " + (names.size() - MAX_TARGETS) + " more");
        }
        n.put("outcome", r.outcome());
        n.put("bytes", r.bytes());
        n.put("requestId", r.requestId());
        n.put("durationMicros", r.durationMicros());
        n.put("prev", r.prev());
        String body = JSON.writeValueAsString(n);
        return body.substring(0, body.length() - 1) + HASH_FIELD + sha256(body) + "\"}";
    }

    /** The hash the line states (its last field), or null when the line does not end with one. */
    static String statedHash(String line) {
        if (line.length() < HASH_SUFFIX + 2 || !line.endsWith("\"}")) {
            return null;
        }
        int at = line.length() - HASH_SUFFIX;
        if (!line.startsWith(HASH_FIELD, at)) {
            return null;
        }
        return line.substring(at + HASH_FIELD.length(), line.length() - 2);
    }

    /** The hash the line should have: of its text without the hash field. Null when it has none. */
    static String computedHash(String line) {
        if (statedHash(line) == null) {
            return null;
        }
        return sha256(line.substring(0, line.length() - HASH_SUFFIX) + "}");
    }

    /**
     * Reads a line.
     *
     * @throws IllegalArgumentException when it is not a line of the audit trail
     */
    static AuditRecord parse(String line) {
        JsonNode n;
        try {
            n = JSON.readTree(line);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not JSON");
        }
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        try {
            List<String> targets = new ArrayList<>();
            n.path("targets").forEach(t -> targets.add(t.asString()));
            return new AuditRecord(required(n, "seq").asLong(), Instant.parse(required(n, "time").asString()),
                    n.path("principal").asString(), n.path("account").asString(), required(n, "store").asString(),
                    required(n, "operation").asString(), n.path("writes").asBoolean(), List.copyOf(targets),
                    n.path("outcome").asString(), n.path("bytes").asLong(), n.path("requestId").asString(),
                    n.path("durationMicros").asLong(), required(n, "prev").asString(),
                    required(n, "hash").asString());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not an audit line: " + e.getMessage());
        }
    }

    private static JsonNode required(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("missing '" + field + "'");
        }
        return v;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
