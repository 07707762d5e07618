package io.unistore.ops;

import io.unistore.ErrorCode;
import io.unistore.StorageException;
import io.unistore.blob.BlobItem;
import io.unistore.blob.BlobStore;
import io.unistore.blob.ListBlobsOptions;
import io.unistore.blob.UploadOptions;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The backup sets under a root of a backup container. Layout:
 *
 * <pre>
 * {root}/{setId}/started.json             containers: written first (what the set backs up), to resume it
 * {root}/{setId}/manifest.json            written last: a set without it is incomplete and ignored
 * {root}/{setId}/entities.ndjson.gz       tables: entities (full: all; incremental: changed since the base)
 * {root}/{setId}/keys.ndjson.gz           tables, incremental: every key present at backup time
 * {root}/{setId}/index.ndjson.gz          containers: every blob present at backup time, with where its data is
 * {root}/{setId}/objects/{blob name}.gz   containers: content of the blobs new or changed in this set
 * </pre>
 *
 * The default root is {@code tables/{table}} or {@code containers/{container}}.
 */
public final class BackupCatalog {
    static final String FORMAT = "unistore-backup/1";
    static final String MANIFEST = "manifest.json";
    private static final DateTimeFormatter SET_ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private BackupCatalog() {
    }

    /** The default root of a table's backups. */
    public static String tableRoot(String table) {
        return "tables/" + table;
    }

    /** The default root of a container's backups. */
    public static String containerRoot(String container) {
        return "containers/" + container;
    }

    /**
     * The complete sets under a root, oldest first.
     *
     * @throws StorageException NOT_FOUND if the backup container does not exist
     */
    public static List<BackupSet> list(BlobStore store, String container, String root) {
        return manifests(store, container, root).stream().map(BackupCatalog::toSet).toList();
    }

    /** The newest complete set completed at or before {@code at} (null: the newest). */
    public static Optional<BackupSet> at(List<BackupSet> sets, Instant at) {
        return sets.stream().filter(s -> at == null || !s.completedAt().isAfter(at))
                .max(Comparator.comparing(BackupSet::completedAt));
    }

    /** The newest complete set under the root that {@code matches}, or null (the base of an incremental). */
    static BackupSet newest(BlobStore store, String container, String root, java.util.function.Predicate<BackupSet> matches) {
        List<BackupSet> sets = list(store, container, root).stream().filter(matches).toList();
        return sets.isEmpty() ? null : sets.get(sets.size() - 1);
    }

    /** The chain a set depends on, from its full set to itself. */
    public static List<BackupSet> chain(List<BackupSet> sets, BackupSet last) {
        Map<String, BackupSet> byId = sets.stream().collect(Collectors.toMap(BackupSet::setId, Function.identity()));
        LinkedList<BackupSet> chain = new LinkedList<>();
        for (BackupSet s = last; s != null; s = s.base() == null ? null : byId.get(s.base())) {
            chain.addFirst(s);
            if (s.base() != null && !byId.containsKey(s.base())) {
                throw new StorageException(ErrorCode.NOT_FOUND, "backup set " + s.setId() + " builds on "
                        + s.base() + ", which is missing or incomplete: the chain is broken");
            }
        }
        return chain;
    }

    static List<ObjectNode> manifests(BlobStore store, String container, String root) {
        List<ObjectNode> out = new ArrayList<>();
        for (String setId : setIds(store, container, root)) {
            readManifest(store, container, root, setId).ifPresent(out::add);
        }
        return out;
    }

    /** Every set directory under the root, complete or not, oldest first. */
    static List<String> setIds(BlobStore store, String container, String root) {
        List<String> ids = new ArrayList<>();
        for (BlobItem item : store.list(container, ListBlobsOptions.prefix(root + "/").withDelimiter("/"))) {
            if (item.prefix()) {
                String id = item.name().substring(root.length() + 1, item.name().length() - 1);
                ids.add(id);
            }
        }
        ids.sort(null);
        return ids;
    }

    static Optional<ObjectNode> readManifest(BlobStore store, String container, String root, String setId) {
        String name = root + "/" + setId + "/" + MANIFEST;
        if (!store.exists(container, name)) {
            return Optional.empty();
        }
        JsonNode node = Json.parse(new String(store.downloadBytes(container, name), StandardCharsets.UTF_8), name);
        if (!(node instanceof ObjectNode o) || !FORMAT.equals(Json.text(o, "format"))) {
            throw new StorageException(ErrorCode.INTERNAL, name + " is not a " + FORMAT + " manifest");
        }
        return Optional.of(o);
    }

    static void writeManifest(BlobStore store, String container, String root, ObjectNode manifest) {
        String name = root + "/" + manifest.get("setId").asString() + "/" + MANIFEST;
        byte[] bytes = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest);
        store.upload(container, name, bytes, UploadOptions.defaults().withContentType("application/json"));
    }

    /** A new set id from the start time; later than every existing id under the root. */
    static String newSetId(BlobStore store, String container, String root, Instant start) {
        List<String> existing = store.containerExists(container) ? setIds(store, container, root) : List.of();
        Instant t = start;
        String id = SET_ID.format(t);
        while (!existing.isEmpty() && id.compareTo(existing.get(existing.size() - 1)) <= 0) {
            t = t.plusMillis(1);
            id = SET_ID.format(t);
        }
        return id;
    }

    /** A manifest's common fields. */
    static ObjectNode newManifest(String kind, String setId, BackupSet base, Instant started) {
        ObjectNode m = Json.object();
        m.put("format", FORMAT);
        m.put("kind", kind);
        m.put("setId", setId);
        m.put("type", base == null ? "full" : "incremental");
        m.put("base", base == null ? null : base.setId());
        m.put("chainStart", base == null ? setId : base.chainStart());
        m.put("startedAt", started.toString());
        return m;
    }

    static BackupSet toSet(ObjectNode m) {
        JsonNode src = m.get("source");
        JsonNode counts = m.get("counts");
        return new BackupSet(Json.text(m, "setId"), Json.text(m, "kind"), Json.text(m, "type"), Json.text(m, "base"),
                Json.text(m, "chainStart"), Json.text(src, "account"), Json.text(src, "name"),
                Json.text(src, "prefix"), Instant.parse(Json.text(m, "startedAt")),
                Instant.parse(Json.text(m, "completedAt")), counts.get("items").asLong(),
                counts.get("stored").asLong(), counts.get("bytes").asLong());
    }

    /** The file entry of a manifest by name. */
    static ObjectNode file(ObjectNode manifest, String name) {
        for (JsonNode f : manifest.get("files")) {
            if (name.equals(Json.text(f, "name"))) {
                return (ObjectNode) f;
            }
        }
        return null;
    }
}
