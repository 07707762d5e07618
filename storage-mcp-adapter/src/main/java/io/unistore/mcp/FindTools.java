package io.unistore.mcp;

import static io.unistore.mcp.ToolSchema.array;
import static io.unistore.mcp.ToolSchema.bool;
import static io.unistore.mcp.ToolSchema.integer;
import static io.unistore.mcp.ToolSchema.nullable;
import static io.unistore.mcp.ToolSchema.string;

import io.unistore.Capability;
import io.unistore.StorageException;
import io.unistore.blob.BlobItem;
import io.unistore.blob.BlobStore;
import io.unistore.blob.ListBlobsOptions;
import io.unistore.file.FileItem;
import io.unistore.file.FileProperties;
import io.unistore.file.FileStore;
import io.unistore.file.ListFilesOptions;
import io.unistore.ops.Glob;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

/** find-blobs and find-files: names by glob, size and date, flat or as a tree, one bounded page per call. */
final class FindTools implements ToolProvider {
    /** Entries a call looks at before it returns a continuation, so a sparse match cannot run unbounded. */
    static final int MAX_SCANNED = 10_000;

    @Override
    public List<McpTool> tools() {
        return List.of(findBlobs(), findFiles());
    }

    /** One name found, with what the filters look at. */
    private record Found(String name, long size, Instant lastModified) {
    }

    /** The filters of a call. */
    private record Filter(List<Glob> include, List<Glob> exclude, long minSize, long maxSize, Instant after,
                          Instant before) {
        static Filter of(ToolCall call) {
            return new Filter(Glob.all(SearchTools.strings(call, "include"), "include"),
                    Glob.all(SearchTools.strings(call, "exclude"), "exclude"), longArg(call, "minSize", 0),
                    longArg(call, "maxSize", Long.MAX_VALUE), instant(call, "modifiedAfter"),
                    instant(call, "modifiedBefore"));
        }

        boolean byDate() {
            return after != null || before != null;
        }

        boolean selects(String name, long size) {
            return size >= minSize && size <= maxSize && Glob.selects(include, exclude, name);
        }

        boolean selects(Instant modified) {
            return (after == null || modified != null && modified.isAfter(after))
                    && (before == null || modified != null && modified.isBefore(before));
        }
    }

    private static long longArg(ToolCall call, String name, long defaultValue) {
        return call.has(name) ? ((Number) call.arguments().get(name)).longValue() : defaultValue;
    }

    private static Instant instant(ToolCall call, String name) {
        String v = call.optionalString(name);
        try {
            return v == null ? null : Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw StorageException.invalidArgument(name, "must be an ISO-8601 instant such as "
                    + "2026-01-31T12:00:00Z, was '" + v + "'");
        }
    }

    private static ToolSchema.ObjectBuilder findInput(ToolSchema.ObjectBuilder b) {
        return b.optional("include", SearchTools.INCLUDE).optional("exclude", SearchTools.EXCLUDE)
                .optional("recursive", bool("Look at every depth (default true); false: only the direct "
                        + "children"))
                .optional("minSize", integer("Only objects of at least this many bytes", 0, Long.MAX_VALUE))
                .optional("maxSize", integer("Only objects of at most this many bytes", 0, Long.MAX_VALUE))
                .optional("modifiedAfter", string("Only objects changed after this ISO-8601 instant"))
                .optional("modifiedBefore", string("Only objects changed before this ISO-8601 instant"))
                .optional("maxResults", integer("Names per call (default 100)", 1, 1000))
                .optional("tree", bool("Also return the names as a nested tree of directories"))
                .optional("continuationToken", Args.CONTINUATION);
    }

    private static Map<String, Object> findOutput(String key) {
        Map<String, Object> found = ToolSchema.object().required("name", string("Full name"))
                .required("size", integer("Bytes"))
                .required("lastModified", nullable(string("ISO-8601 instant, when known"))).build();
        return ToolSchema.object().required(key, array("What matched, in name order", found))
                .required("tree", nullable(ToolSchema.anyObject("With tree=true: directories as objects, "
                        + "each object's size under its last name segment")))
                .required("scanned", integer("Entries looked at by this call"))
                .required("continuationToken", nullable(string("Pass it back for more; null at the end")))
                .build();
    }

    private static McpTool findBlobs() {
        return McpTool.builder("find-blobs").requires(Capability.BLOBS).title("Find blobs").readOnly()
                .touches(Touch.reads(NameKind.CONTAINER, "container"))
                .description("Find blobs of a container under 'prefix' by glob (include/exclude), size and "
                        + "modification date, at every depth or only the direct children, flat or as a tree. A "
                        + "call returns at most maxResults names and looks at most at " + MAX_SCANNED
                        + " entries; pass continuationToken to go on.")
                .input(findInput(ToolSchema.object().required("container", Args.CONTAINER)
                        .optional("prefix", Args.PREFIX)).build())
                .output(findOutput("blobs"))
                .handler(call -> {
                    String container = call.container("container");
                    BlobStore blobs = call.account().blobs();
                    boolean recursive = call.bool("recursive", true);
                    Iterator<Found> all = StreamSupport.stream(blobs.list(container, ListBlobsOptions.builder()
                                    .prefix(call.optionalString("prefix")).delimiter(recursive ? null : "/")
                                    .build()).spliterator(), false)
                            .filter(i -> !i.prefix()).map(FindTools::found).iterator();
                    return find(call, all, Filter.of(call), "blobs", null);
                }).build();
    }

    private static Found found(BlobItem i) {
        return new Found(i.name(), i.properties().size(), i.properties().lastModified());
    }

    private static McpTool findFiles() {
        return McpTool.builder("find-files").requires(Capability.FILES).title("Find files").readOnly()
                .touches(Touch.reads(NameKind.SHARE, "share"))
                .description("Find files of a share under 'path' by glob (include/exclude, on the path from the "
                        + "share root), size and modification date (a date filter reads each candidate's "
                        + "properties), at every depth or only the direct children, flat or as a tree. A call "
                        + "returns at most maxResults names; pass continuationToken to go on.")
                .input(findInput(ToolSchema.object().required("share", Args.SHARE)
                        .optional("path", string("Directory to look under (default: the root)"))).build())
                .output(findOutput("files"))
                .handler(call -> {
                    String share = call.share("share");
                    FileStore files = call.account().files();
                    ListFilesOptions options = ListFilesOptions.defaults()
                            .withRecursive(call.bool("recursive", true));
                    // a tree listing has no fixed order across providers: sort it so a continuation holds
                    Iterator<Found> all = StreamSupport.stream(files.list(share, call.has("path")
                                    ? call.string("path") : "", options).spliterator(), false)
                            .filter(f -> !f.directory()).sorted(Comparator.comparing(FileItem::path))
                            .map(f -> new Found(f.path(), f.size(), null)).iterator();
                    return find(call, all, Filter.of(call), "files", name -> {
                        FileProperties p = files.getProperties(share, name);
                        return p.lastModified();
                    });
                }).build();
    }

    private static Map<String, Object> find(ToolCall call, Iterator<Found> all, Filter filter, String key,
                                            java.util.function.Function<String, Instant> modified) {
        String after = call.optionalString("continuationToken");
        int max = call.integer("maxResults", 100);
        List<Map<String, Object>> found = new ArrayList<>();
        int scanned = 0;
        String last = null;
        while (all.hasNext()) {
            Found f = all.next();
            if (after != null && f.name().compareTo(after) <= 0) {
                continue;
            }
            if (found.size() == max || scanned == MAX_SCANNED) {
                return result(call, found, key, scanned, last);
            }
            scanned++;
            last = f.name();
            if (!filter.selects(f.name(), f.size())) {
                continue;
            }
            Instant when = f.lastModified() == null && filter.byDate() && modified != null
                    ? modified.apply(f.name()) : f.lastModified();
            if (filter.byDate() && !filter.selects(when)) {
                continue;
            }
            found.add(Out.of().put("name", f.name()).put("size", f.size()).put("lastModified", when).build());
        }
        return result(call, found, key, scanned, null);
    }

    private static Map<String, Object> result(ToolCall call, List<Map<String, Object>> found, String key,
                                              int scanned, String continuation) {
        return Out.of().put(key, found).put("tree", call.bool("tree", false) ? tree(found) : null)
                .put("scanned", scanned).put("continuationToken", continuation).build();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> tree(List<Map<String, Object>> found) {
        Map<String, Object> root = new LinkedHashMap<>();
        for (Map<String, Object> f : found) {
            String[] parts = ((String) f.get("name")).split("/", -1);
            Map<String, Object> dir = root;
            for (int i = 0; i < parts.length - 1; i++) {
                Object child = dir.computeIfAbsent(parts[i] + "/", k -> new LinkedHashMap<String, Object>());
                dir = (Map<String, Object>) child;
            }
            dir.put(parts[parts.length - 1], f.get("size"));
        }
        return root;
    }
}
