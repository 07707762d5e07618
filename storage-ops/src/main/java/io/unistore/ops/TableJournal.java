package io.unistore.ops;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the journal of a table migration or transform tells the next run, read record by record without keeping
 * the journal in memory. Three kinds of records:
 *
 * <ul>
 *   <li>{@code {"run":"<start>","window":n}}, first of every run: when it started, and how many entities after
 *       the last recorded key it may write before recording them (its batches in flight);</li>
 *   <li>{@code {"pk":..,"rk":..,"read":n,"written":n,"window":n}}: every batch up to that key is written;</li>
 *   <li>{@code {"intent":[pk,rk],"pk":..,"rows":[[rk,etag],..]}}, in place only: a batch about to be written
 *       (ending at key {@code intent}), with the ETag each of its entities was read with.</li>
 * </ul>
 */
final class TableJournal {
    String pk;
    String rk;
    long read;
    long written;
    /** Entities after the key that earlier runs may have written without recording them. */
    long window;
    /** When the job's first run started, or null for a journal without run records. */
    Instant since;
    private final Map<String, JsonNode> unrecorded = new LinkedHashMap<>();

    /** Takes in the next record of the journal. */
    void accept(JsonNode r) {
        if (r.has("run")) {
            if (since == null) {
                since = Instant.parse(r.get("run").asString());
            }
            // A run killed before recording anything may still have written its window after the same key.
            window = Math.max(window, r.get("window").asLong());
        } else if (r.has("intent")) {
            unrecorded.put(key(r.get("intent").get(0).asString(), r.get("intent").get(1).asString()), r);
        } else {
            pk = r.get("pk").asString();
            rk = r.get("rk").asString();
            read = r.get("read").asLong();
            written = r.get("written").asLong();
            window = r.get("window").asLong();
            unrecorded.remove(key(pk, rk));
        }
    }

    /**
     * In place: "pk\0rk" to the ETag an earlier run read before writing the entity's transform, for the batches it
     * announced but never recorded as written (a kill can land between the two).
     */
    Map<String, String> announced() {
        Map<String, String> out = new HashMap<>();
        for (JsonNode intent : unrecorded.values()) {
            String partition = intent.get("pk").asString();
            for (JsonNode row : intent.get("rows")) {
                out.put(key(partition, row.get(0).asString()), row.get(1).asString());
            }
        }
        return out;
    }

    static String key(String pk, String rk) {
        return pk + '\0' + rk;
    }

    static ObjectNode run(Instant start, long window) {
        ObjectNode r = Json.object();
        r.put("run", start.toString());
        r.put("window", window);
        return r;
    }

    static ObjectNode progress(String pk, String rk, long read, long written, long window) {
        ObjectNode r = Json.object();
        r.put("pk", pk);
        r.put("rk", rk);
        r.put("read", read);
        r.put("written", written);
        r.put("window", window);
        return r;
    }

    static ObjectNode intent(String lastPk, String lastRk, String pk, Map<String, String> etagsByRowKey) {
        ObjectNode r = Json.object();
        r.putArray("intent").add(lastPk).add(lastRk);
        r.put("pk", pk);
        ArrayNode rows = r.putArray("rows");
        etagsByRowKey.forEach((rowKey, etag) -> rows.addArray().add(rowKey).add(etag));
        return r;
    }
}
