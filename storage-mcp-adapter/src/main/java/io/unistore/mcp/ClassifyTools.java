package io.unistore.mcp;

import static io.unistore.mcp.ToolSchema.array;
import static io.unistore.mcp.ToolSchema.bool;
import static io.unistore.mcp.ToolSchema.integer;
import static io.unistore.mcp.ToolSchema.nullable;
import static io.unistore.mcp.ToolSchema.oneOf;
import static io.unistore.mcp.ToolSchema.string;

import io.unistore.Capability;
import io.unistore.RequestConditions;
import io.unistore.StorageException;
import io.unistore.blob.BlobItem;
import io.unistore.blob.BlobProperties;
import io.unistore.blob.BlobStore;
import io.unistore.blob.ListBlobsOptions;
import io.unistore.blob.ReadOptions;
import io.unistore.content.Classification;
import io.unistore.content.ContentScan;
import io.unistore.content.Finding;
import io.unistore.content.FindingKind;
import io.unistore.file.FileItem;
import io.unistore.file.FileStore;
import io.unistore.file.ListFilesOptions;
import io.unistore.ops.Glob;
import io.unistore.ops.RangedContent;
import io.unistore.spi.Secrets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * classify-blobs and classify-files: for each object under a prefix or path, its type by content against the
 * declared one, its language, and the personal and secret data it holds, with counts and positions and masked
 * previews (storage-content's {@link Classification}). classify-blobs can write the result back as metadata.
 */
final class ClassifyTools implements ToolProvider {
    /** The metadata keys writeMetadata sets: letters, digits and '_' only, which every provider accepts. */
    static final String TYPE_KEY = "unistore_content_type";
    static final String MISMATCH_KEY = "unistore_type_mismatch";
    static final String LANGUAGE_KEY = "unistore_language";
    static final String FINDINGS_KEY = "unistore_findings";
    static final long DEFAULT_MAX_BYTES = 64L << 20;

    @Override
    public List<McpTool> tools() {
        McpTool blobsReadOnly = blobTool(false).readOnly().touches(Touch.reads(NameKind.CONTAINER, "container")).build();
        return List.of(blobTool(true).writes(false, true).readOnlyForm(blobsReadOnly)
                        .touches(Touch.reads(NameKind.CONTAINER, "container"), Touch.writes(NameKind.CONTAINER,
                                "container").when(a -> Boolean.TRUE.equals(a.get("writeMetadata")))
                                .as("set-blob-metadata", "writeMetadata")).build(),
                fileTool());
    }

    private static ToolSchema.ObjectBuilder limits(ToolSchema.ObjectBuilder b) {
        return b.optional("include", SearchTools.INCLUDE).optional("exclude", SearchTools.EXCLUDE)
                .optional("maxObjects", integer("Classify at most this many objects in this call (default 50)", 1,
                        1000))
                .optional("maxBytes", integer("Stop after reading this many bytes in all (default 64 MiB)", 1,
                        1L << 34))
                .optional("maxBytesPerObject", integer("Scan at most this many bytes of one text object, and "
                        + "extract documents up to this size (default 16 MiB)", 1, 1L << 32))
                .optional("maxFindings", integer("Findings listed with positions per object (default 20; all are "
                        + "counted)", 0, 500))
                .optional("continuationToken", Args.CONTINUATION);
    }

    private static Map<String, Object> output(String noun, boolean metadata) {
        Map<String, Object> finding = ToolSchema.object()
                .required("kind", oneOf("What it is", Arrays.stream(FindingKind.values()).map(Enum::name).toList()))
                .required("line", integer("Line, from 1"))
                .required("column", integer("First character in the line, from 1"))
                .required("offset", integer("First byte, from the start of what was scanned"))
                .required("length", integer("Length in characters"))
                .required("preview", string("A masked preview: never the whole value")).build();
        ToolSchema.ObjectBuilder object = ToolSchema.object().required(noun, string("The object"))
                .required("size", integer("Its size in bytes"))
                .required("declaredType", nullable(string("The Content-Type it was stored with")))
                .required("detectedType", nullable(string("Its type by content (Apache Tika)")))
                .required("mismatch", bool("Whether the declared type disagrees with the detected one"))
                .required("language", nullable(string("ISO 639-1 code of its language (en, fr, de, es, it, pt, nl) "
                        + "when it holds enough prose to tell")))
                .required("scannedAs", nullable(oneOf("What was scanned: the content as stored, the text extracted "
                        + "from a document (positions are in that text), or nothing (binary)",
                        List.of("text", "extracted-text", "none"))))
                .required("bytesScanned", integer("Bytes scanned"))
                .required("complete", bool("Whether the whole content was scanned"))
                .required("counts", ToolSchema.openObject().description("Items found per kind").build())
                .required("findings", array("The first maxFindings items", finding))
                .required("note", nullable(string("Why it was not (fully) scanned")))
                .required("error", nullable(string("Why it could not be classified ([CODE] message)")));
        if (metadata) {
            object.optional("metadataWritten", bool("Whether the result was written as metadata"));
        }
        return ToolSchema.object().required("objects", array("One per object, in name order", object.build()))
                .required("objectsClassified", integer("Objects classified in this call"))
                .required("withFindings", integer("Objects holding personal or secret data"))
                .required("bytesScanned", integer("Bytes read in all"))
                .required("stoppedBy", nullable(string("'maxObjects' or 'maxBytes' when a limit ended this call")))
                .required("continuationToken", nullable(string("Pass it back to go on after the last object; null "
                        + "when every object was classified"))).build();
    }

    private static McpTool.Builder blobTool(boolean writes) {
        ToolSchema.ObjectBuilder in = limits(ToolSchema.object().required("container", Args.CONTAINER)
                .optional("prefix", Args.PREFIX));
        if (writes) {
            in.optional("writeMetadata", bool("Also write the result into each blob's metadata (" + TYPE_KEY + ", "
                    + MISMATCH_KEY + ", " + LANGUAGE_KEY + ", " + FINDINGS_KEY + " as KIND=count,...; its other "
                    + "metadata kept), guarded by the ETag read; counts as set-blob-metadata"));
        }
        return McpTool.builder("classify-blobs").requires(Capability.BLOBS).title("Classify blobs")
                .description("For each blob under 'prefix' (filtered by include/exclude globs), in name order: its "
                        + "type by content (Apache Tika) against the declared Content-Type (mismatch flagged), its "
                        + "language, and the personal or secret data it holds: e-mails, phone numbers, IBANs "
                        + "(mod-97 checked), card numbers (Luhn checked), AWS access key ids, Azure storage keys, "
                        + "SAS signatures and connection strings, GitHub tokens, JWTs, private keys, with counts, "
                        + "positions (line, column, byte offset) and masked previews, never the values. Text is "
                        + "scanned as stored, streaming; Office documents, PDF and HTML in their extracted text. A "
                        + "call stops at maxObjects or maxBytes; pass continuationToken to go on."
                        + (writes ? " writeMetadata=true stores the result in each blob's metadata." : ""))
                .input(in.build()).output(output("blob", true))
                .handler(call -> {
                    String container = call.container("container");
                    BlobStore blobs = call.account().blobs();
                    List<Glob> include = Glob.all(SearchTools.strings(call, "include"), "include");
                    List<Glob> exclude = Glob.all(SearchTools.strings(call, "exclude"), "exclude");
                    String after = call.optionalString("continuationToken");
                    Iterator<String> names = StreamSupport.stream(blobs.list(container, ListBlobsOptions.builder()
                                    .prefix(call.optionalString("prefix")).build()).spliterator(), false)
                            .filter(i -> !i.prefix() && Glob.selects(include, exclude, i.name()))
                            .map(BlobItem::name).filter(n -> after == null || n.compareTo(after) > 0).iterator();
                    boolean write = call.bool("writeMetadata", false);
                    return run(call, names, "blob", name -> {
                        BlobProperties p = blobs.getProperties(container, name);
                        RangedContent content = RangedContent.ofBlob(blobs, p, ReadOptions.defaults());
                        return new Opened(p.size(), p.contentType(), content, () -> blobs.openInputStream(container,
                                name, ReadOptions.defaults()), write ? r -> writeMetadata(blobs, p, r) : null);
                    }, true);
                });
    }

    private static McpTool fileTool() {
        return McpTool.builder("classify-files").requires(Capability.FILES).title("Classify files").readOnly()
                .touches(Touch.reads(NameKind.SHARE, "share"))
                .description("classify-blobs for the files of a share under 'path' (the whole tree, in path order): "
                        + "type by content against the declared one, language, and personal or secret data with "
                        + "counts, positions and masked previews. A call stops at maxObjects or maxBytes; pass "
                        + "continuationToken to go on.")
                .input(limits(ToolSchema.object().required("share", Args.SHARE)
                        .optional("path", string("Directory to classify under (default: the root)"))).build())
                .output(output("path", false))
                .handler(call -> {
                    String share = call.share("share");
                    FileStore files = call.account().files();
                    List<Glob> include = Glob.all(SearchTools.strings(call, "include"), "include");
                    List<Glob> exclude = Glob.all(SearchTools.strings(call, "exclude"), "exclude");
                    String after = call.optionalString("continuationToken");
                    // a tree listing has no fixed order across providers: sort it so a continuation holds
                    Iterator<String> names = StreamSupport.stream(files.list(share, call.has("path")
                                    ? call.string("path") : "", ListFilesOptions.recursively()).spliterator(), false)
                            .filter(f -> !f.directory() && Glob.selects(include, exclude, f.path()))
                            .map(FileItem::path).filter(n -> after == null || n.compareTo(after) > 0)
                            .sorted(Comparator.naturalOrder()).iterator();
                    return run(call, names, "path", name -> {
                        var p = files.getProperties(share, name);
                        return new Opened(p.size(), p.contentType(), RangedContent.ofFile(files, p),
                                () -> files.openInputStream(share, name, null), null);
                    }, false);
                }).build();
    }

    /** One object opened for classification, and what to do with its result (null: nothing). */
    private record Opened(long size, String contentType, RangedContent content,
                          java.util.function.Supplier<java.io.InputStream> stream,
                          java.util.function.Consumer<Classification.Result> then) {
    }

    private interface Opener {
        Opened open(String name);
    }

    private static Map<String, Object> run(ToolCall call, Iterator<String> names, String noun, Opener opener,
                                           boolean metadata) {
        int maxObjects = call.integer("maxObjects", 50);
        long maxBytes = call.has("maxBytes") ? ((Number) call.arguments().get("maxBytes")).longValue()
                : DEFAULT_MAX_BYTES;
        Classification.Limits defaults = Classification.Limits.defaults();
        long perObject = call.has("maxBytesPerObject")
                ? ((Number) call.arguments().get("maxBytesPerObject")).longValue() : defaults.maxBytes();
        int maxFindings = call.integer("maxFindings", defaults.maxFindings());
        List<Map<String, Object>> objects = new ArrayList<>();
        long bytes = 0;
        int withFindings = 0;
        String stoppedBy = null;
        String last = null;
        while (names.hasNext()) {
            if (objects.size() >= maxObjects || bytes >= maxBytes) {
                stoppedBy = objects.size() >= maxObjects ? "maxObjects" : "maxBytes";
                break;
            }
            call.checkCancelled();
            String name = names.next();
            last = name;
            Out out = Out.of().put(noun, name);
            try {
                Opened o = opener.open(name);
                Classification.Result r = Classification.classify(new Classification.Source(name, o.size(),
                        o.contentType(), o.content()::read, o.stream()), new Classification.Limits(
                        Math.min(perObject, maxBytes - bytes), defaults.maxChars(), maxFindings));
                ContentScan.Result scan = r.scan();
                // a document is read whole into Tika; text as far as the scan went (and the detection's head)
                bytes += r.scannedAs() == Classification.ScannedAs.EXTRACTED_TEXT ? o.size()
                        : Math.max(scan.bytes(), o.content().bytesRead());
                withFindings += scan.total() > 0 ? 1 : 0;
                out.put("size", o.size()).put("declaredType", r.declaredType()).put("detectedType", r.detectedType())
                        .put("mismatch", r.mismatch()).put("language", r.language())
                        .put("scannedAs", r.scannedAs().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
                        .put("bytesScanned", scan.bytes()).put("complete", scan.complete())
                        .put("counts", counts(scan)).put("findings", scan.findings().stream()
                                .map(ClassifyTools::finding).toList())
                        .put("note", r.note()).put("error", null);
                if (metadata) {
                    out.put("metadataWritten", false);
                    if (o.then() != null) {
                        o.then().accept(r);
                        out.put("metadataWritten", true);
                    }
                }
            } catch (StorageException e) {
                out.put("size", 0).put("declaredType", null).put("detectedType", null).put("mismatch", false)
                        .put("language", null).put("scannedAs", null).put("bytesScanned", 0).put("complete", false)
                        .put("counts", Map.of()).put("findings", List.of()).put("note", null)
                        .put("error", "[" + e.code() + "] " + Secrets.redact(e.getMessage()));
                if (metadata) {
                    out.put("metadataWritten", false);
                }
            }
            objects.add(out.build());
        }
        return Out.of().put("objects", objects).put("objectsClassified", objects.size())
                .put("withFindings", withFindings).put("bytesScanned", bytes).put("stoppedBy", stoppedBy)
                .put("continuationToken", stoppedBy == null ? null : last).build();
    }

    private static Map<String, Object> counts(ContentScan.Result scan) {
        Map<String, Object> counts = new LinkedHashMap<>();
        scan.counts().forEach((k, v) -> counts.put(k.name(), v));
        return counts;
    }

    private static Map<String, Object> finding(Finding f) {
        return Out.of().put("kind", f.kind().name()).put("line", f.line()).put("column", f.column())
                .put("offset", f.offset()).put("length", f.length()).put("preview", f.preview()).build();
    }

    /** The result into the blob's metadata, its other keys kept, only if it did not change since it was read. */
    private static void writeMetadata(BlobStore blobs, BlobProperties p, Classification.Result r) {
        Map<String, String> metadata = new LinkedHashMap<>(p.metadata());
        metadata.put(TYPE_KEY, r.detectedType());
        metadata.put(MISMATCH_KEY, String.valueOf(r.mismatch()));
        metadata.put(LANGUAGE_KEY, r.language() == null ? "unknown" : r.language());
        metadata.put(FINDINGS_KEY, r.scan().counts().isEmpty() ? "none" : r.scan().counts().entrySet().stream()
                .map(e -> e.getKey().name() + "=" + e.getValue()).collect(Collectors.joining(",")));
        blobs.setMetadata(p.container(), p.name(), metadata, p.etag() == null ? RequestConditions.none()
                : RequestConditions.ifMatch(p.etag()));
    }
}
