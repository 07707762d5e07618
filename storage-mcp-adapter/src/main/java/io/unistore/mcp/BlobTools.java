package io.unistore.mcp;

import static io.unistore.mcp.ToolSchema.array;
import static io.unistore.mcp.ToolSchema.bool;
import static io.unistore.mcp.ToolSchema.integer;
import static io.unistore.mcp.ToolSchema.name;
import static io.unistore.mcp.ToolSchema.nullable;
import static io.unistore.mcp.ToolSchema.oneOf;
import static io.unistore.mcp.ToolSchema.string;

import io.unistore.Capability;
import io.unistore.ListOptions;
import io.unistore.Page;
import io.unistore.RequestConditions;
import io.unistore.StorageException;
import io.unistore.blob.AccessTier;
import io.unistore.blob.BlobItem;
import io.unistore.blob.BlobPermission;
import io.unistore.blob.BlobProperties;
import io.unistore.blob.BlobStore;
import io.unistore.blob.ContainerInfo;
import io.unistore.blob.CopyOptions;
import io.unistore.blob.DeleteBlobOptions;
import io.unistore.blob.ListBlobsOptions;
import io.unistore.blob.PresignOptions;
import io.unistore.blob.ReadOptions;
import io.unistore.blob.UploadOptions;
import io.unistore.ops.RangedContent;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The blob tools: containers, blobs, tiers, snapshots, versions and presigned URLs. */
final class BlobTools implements ToolProvider {

    @Override
    public List<McpTool> tools() {
        return List.of(listContainers(), createContainer(), deleteContainer(), listBlobs(), uploadBlob(),
                downloadBlob(), getBlobProperties(), setBlobMetadata(), deleteBlob(), copyBlob(), setBlobTier(),
                getBlobTier(), createBlobSnapshot(), listBlobVersions(), restoreBlobVersion(), generateBlobUrl());
    }

    /** The container most blob tools name. */
    private static final Touch READS = Touch.reads(NameKind.CONTAINER, "container");
    private static final Touch WRITES = Touch.writes(NameKind.CONTAINER, "container");

    private static McpTool.Builder tool(String name) {
        return McpTool.builder(name).requires(Capability.BLOBS);
    }

    static String tierName(AccessTier tier) {
        return tier == null ? null : tier.name().charAt(0) + tier.name().substring(1).toLowerCase(java.util.Locale.ROOT);
    }

    private static McpTool listContainers() {
        return NameListing.tool("list-containers", Capability.BLOBS, "List containers", "blob containers (buckets)",
                Shapes.CONTAINER, NameKind.CONTAINER, (a, o) -> a.blobs().listContainers(o),
                ContainerInfo::name, Shapes::container);
    }

    private static McpTool createContainer() {
        return tool("create-container").title("Create a container").writes(false, false)
                .touches(WRITES)
                .description("Create a blob container. Fails with ALREADY_EXISTS if it exists. Container names are "
                        + "3-63 lowercase letters, digits and single hyphens.")
                .input(ToolSchema.object().required("container", Args.CONTAINER).optional("metadata", Args.METADATA)
                        .build())
                .output(ToolSchema.object().required("container", string("The new container"))
                        .required("created", bool("Always true")).build())
                .handler(call -> {
                    String container = call.container("container");
                    call.account().blobs().createContainer(container, call.stringMap("metadata"));
                    return Out.of().put("container", container).put("created", true).build();
                }).build();
    }

    private static McpTool deleteContainer() {
        return tool("delete-container").title("Delete a container").writes(true, true)
                .touches(WRITES)
                .description("Delete a container AND EVERY BLOB IN IT. Cannot be undone. Succeeds with deleted=false "
                        + "when the container does not exist. Asks the user to confirm when the client supports it.")
                .input(ToolSchema.object().required("container", Args.CONTAINER).build())
                .output(deleted("container"))
                .handler(call -> {
                    String container = call.container("container");
                    call.confirm("container '" + container + "' of account '" + call.accountName()
                            + "' and every blob in it");
                    boolean deleted = call.account().blobs().deleteContainer(container);
                    return Out.of().put("container", container).put("deleted", deleted).build();
                }).build();
    }

    static Map<String, Object> deleted(String key) {
        return ToolSchema.object().required(key, string("What the call named"))
                .required("deleted", bool("True if it existed and was deleted, false if it did not exist")).build();
    }

    private static McpTool listBlobs() {
        return tool("list-blobs").title("List blobs").readOnly()
                .touches(READS)
                .description("List the blobs of a container in name order, one page at a time. With a delimiter "
                        + "(usually '/'), names are grouped into 'prefixes' like directories; list a prefix to go "
                        + "down. Pass the returned continuationToken to get the next page.")
                .input(ToolSchema.object().required("container", Args.CONTAINER).optional("prefix", Args.PREFIX)
                        .optional("delimiter", Args.DELIMITER).optional("pageSize", Args.PAGE_SIZE)
                        .optional("continuationToken", Args.CONTINUATION).build())
                .output(ToolSchema.object()
                        .required("blobs", array("Blobs of this page", Shapes.BLOB))
                        .required("prefixes", array("Virtual directories (with a delimiter)", string("Prefix, "
                                + "ending with the delimiter")))
                        .required("continuationToken", Shapes.CONTINUATION).build())
                .handler(call -> {
                    String container = call.container("container");
                    Page<BlobItem> page = BoundedPage.fetch(Args.pageSize(call), call.maxInlineBytes(),
                            n -> call.account().blobs().list(container, ListBlobsOptions.builder()
                                    .prefix(call.optionalString("prefix")).delimiter(call.optionalString("delimiter"))
                                    .pageSize(n).continuationToken(call.optionalString("continuationToken"))
                                    .includeMetadata(true).build()).firstPage(),
                            i -> i.prefix() ? i.name() : Shapes.blob(i.properties()), "blob", "list fewer at a time");
                    List<Map<String, Object>> blobs = new ArrayList<>();
                    List<String> prefixes = new ArrayList<>();
                    for (BlobItem item : page.items()) {
                        if (item.prefix()) {
                            prefixes.add(item.name());
                        } else {
                            blobs.add(Shapes.blob(item.properties()));
                        }
                    }
                    return Out.of().put("blobs", blobs).put("prefixes", prefixes)
                            .put("continuationToken", page.continuationToken()).build();
                }).build();
    }

    private static McpTool uploadBlob() {
        return tool("upload-blob").title("Upload a blob").writes(true, true)
                .touches(WRITES)
                .description("Create or overwrite a blob with either inline 'content' (utf8 text, or base64 with "
                        + "encoding=base64, up to the server's inline limit) or the file at 'localPath' (any size, "
                        + "must be inside the allowed roots). Give exactly one of them. Pass ifMatch with the "
                        + "blob's ETag to overwrite only an unchanged blob. 'tags' are written with the content, in "
                        + "the same request (as set-blob-tags stores them). Reports progress for large files.")
                .input(ToolSchema.object().required("container", Args.CONTAINER).required("blob", Args.BLOB)
                        .optional("content", Args.CONTENT).optional("encoding", Args.ENCODING)
                        .optional("localPath", Args.LOCAL_PATH).optional("contentType", Args.CONTENT_TYPE)
                        .optional("metadata", Args.METADATA).optional("tags", TagTools.TAGS)
                        .optional("tier", Args.TIER).optional("ifMatch", Args.IF_MATCH).build())
                .output(Shapes.WRITTEN)
                .handler(BlobTools::upload).build();
    }

    private static Map<String, Object> upload(ToolCall call) {
        String container = call.container("container");
        String blob = call.string("blob");
        UploadOptions options = UploadOptions.defaults().withContentType(call.optionalString("contentType"))
                .withMetadata(call.stringMap("metadata")).withTags(call.stringMap("tags"))
                .withProgress(call.progress("upload of " + container + "/" + blob));
        if (call.has("tier")) {
            call.account().capabilities().require(Capability.BLOB_TIERS, "tier");
            options = options.withTier(AccessTier.parse(call.string("tier")));
        }
        if (call.has("ifMatch")) {
            options = options.withConditions(RequestConditions.ifMatch(call.string("ifMatch")));
        }
        BlobStore blobs = call.account().blobs();
        Object source = exactlyOneSource(call);
        if (source instanceof Path file) {
            return Shapes.written(container, blob, blobs.upload(container, blob, file, options));
        }
        byte[] bytes = (byte[]) source;
        if (options.contentType() == null && !"base64".equals(call.optionalString("encoding"))) {
            options = options.withContentType("text/plain; charset=utf-8");
        }
        return Shapes.written(container, blob, blobs.upload(container, blob, bytes, options));
    }

    /** The upload source: inline bytes or a local file; exactly one of the two arguments. */
    static Object exactlyOneSource(ToolCall call) {
        boolean inline = call.has("content");
        boolean file = call.has("localPath");
        if (inline == file) {
            throw StorageException.invalidArgument("content/localPath", "give exactly one: inline 'content' or a "
                    + "'localPath' to read from");
        }
        if (file) {
            if (call.has("encoding")) {
                throw StorageException.invalidArgument("encoding", "applies to inline 'content' only");
            }
            return call.localPathToRead("localPath");
        }
        return Content.decode(call.string("content"), call.optionalString("encoding"), call.maxInlineBytes());
    }

    private static McpTool downloadBlob() {
        return tool("download-blob").title("Download a blob").readOnly()
                .touches(READS)
                .description("Read a blob. Without localPath the content comes back inline: as text for text "
                        + "content (encoding=utf8), else base64 (encoding=base64), up to the server's inline limit; "
                        + "a larger blob comes back as a presigned 'url' where the provider has them, otherwise "
                        + "pass localPath. With localPath (inside the allowed roots) the blob is written to that "
                        + "file, whatever its size, with progress notifications. A byte range (offset, length) "
                        + "or a line range (startLine and lineCount, head, or tail) reads only that part of the "
                        + "blob, by ranged requests, and comes back inline with where it lies ('range', 'lines'). "
                        + "redact=true masks personal and secret data in text as it streams.")
                .input(RangedRead.inputs(ToolSchema.object().required("container", Args.CONTAINER)
                        .required("blob", Args.BLOB)
                        .optional("localPath", Args.LOCAL_PATH)
                        .optional("encoding", oneOf("Force the inline encoding (default: utf8 for text, "
                                + "base64 otherwise)", List.of("utf8", "base64")))
                        .optional("versionId", name("Read this version (accounts with versions)"))
                        .optional("snapshot", name("Read this snapshot (accounts with snapshots)"))).build())
                .output(RangedRead.outputs(ToolSchema.object()
                        .required("blob", Shapes.BLOB)
                        .required("encoding", nullable(oneOf("How 'content' is encoded; null when not inline",
                                List.of("utf8", "base64"))))
                        .required("content", nullable(string("The content, when returned inline")))
                        .required("localPath", nullable(string("The file written, when localPath was given")))
                        .required("url", nullable(string("A presigned URL valid for one hour, for blobs over the "
                                + "inline limit")))
                        .required("note", nullable(string("Why the content is not inline, if it is not"))))
                        .build())
                .handler(BlobTools::download).build();
    }

    private static Map<String, Object> download(ToolCall call) {
        String container = call.container("container");
        String blob = call.string("blob");
        BlobStore blobs = call.account().blobs();
        ReadOptions options = ReadOptions.defaults().withVersionId(call.optionalString("versionId"))
                .withSnapshot(call.optionalString("snapshot"));
        Out out = Out.of();
        if (RangedRead.asked(call)) {
            BlobProperties p = blobs.getProperties(container, blob, options);
            return RangedRead.read(call, RangedContent.ofBlob(blobs, p, options), p.contentType(),
                    out.put("blob", Shapes.blob(p)).put("localPath", null).put("url", null));
        }
        if (call.has("localPath") && Redact.asked(call.arguments())) {
            Path target = call.localPathToWrite("localPath");
            BlobProperties p = blobs.getProperties(container, blob, options);
            Redact.toFile(blobs.openInputStream(container, blob, options), target, p.contentType());
            return out.put("blob", Shapes.blob(p)).put("encoding", null).put("content", null)
                    .put("localPath", target.toString()).put("url", null).put("note", null).build();
        }
        if (call.has("localPath")) {
            Path target = call.localPathToWrite("localPath");
            BlobProperties p = blobs.downloadToFile(container, blob, target,
                    options.withProgress(call.progress("download of " + container + "/" + blob)));
            return out.put("blob", Shapes.blob(p)).put("encoding", null).put("content", null)
                    .put("localPath", target.toString()).put("url", null).put("note", null).build();
        }
        BlobProperties p = blobs.getProperties(container, blob, options);
        out.put("blob", Shapes.blob(p)).put("localPath", null);
        if (p.size() > call.maxInlineBytes()) {
            String note = "the blob is " + p.size() + " bytes, over the inline limit of " + call.maxInlineBytes()
                    + "; pass localPath (inside the allowed roots) to save it to a file";
            String url = null;
            if (call.account().capabilities().has(Capability.BLOB_PRESIGNED_URLS) && options.versionId() == null
                    && options.snapshot() == null) {
                url = blobs.generatePresignedUrl(container, blob, PresignOptions.read(Duration.ofHours(1))).toString();
                note += ", or fetch the presigned url (valid one hour)";
            }
            return out.put("encoding", null).put("content", null).put("url", url).put("note", note).build();
        }
        byte[] bytes;
        try (var in = blobs.openInputStream(container, blob, options.withConditions(
                p.etag() == null ? RequestConditions.none() : RequestConditions.ifMatch(p.etag())))) {
            bytes = in.readNBytes(call.maxInlineBytes() + 1);
        } catch (java.io.IOException e) {
            throw new StorageException(io.unistore.ErrorCode.UNAVAILABLE, "reading " + container + "/" + blob
                    + " failed: " + e.getMessage(), e);
        }
        String text = Redact.text(Content.asText(bytes, p.contentType(), call.optionalString("encoding")),
                call.arguments(), "", p.contentType());
        return out.put("encoding", text != null ? "utf8" : "base64")
                .put("content", text != null ? text : Base64.getEncoder().encodeToString(bytes))
                .put("url", null).put("note", null).build();
    }

    private static McpTool getBlobProperties() {
        return tool("get-blob-properties").title("Get blob properties").readOnly()
                .touches(READS)
                .description("Read a blob's properties and metadata (size, content type, ETag, tier, version) "
                        + "without its content.")
                .input(ToolSchema.object().required("container", Args.CONTAINER).required("blob", Args.BLOB)
                        .optional("versionId", name("Read this version (accounts with versions)"))
                        .optional("snapshot", name("Read this snapshot (accounts with snapshots)")).build())
                .output(Shapes.BLOB)
                .handler(call -> Shapes.blob(call.account().blobs().getProperties(call.container("container"),
                        call.string("blob"), ReadOptions.defaults().withVersionId(call.optionalString("versionId"))
                                .withSnapshot(call.optionalString("snapshot"))))).build();
    }

    private static McpTool setBlobMetadata() {
        return tool("set-blob-metadata").title("Set blob metadata").writes(true, true)
                .touches(WRITES)
                .description("Replace ALL of a blob's user metadata with the given map ({} clears it). Pass ifMatch "
                        + "with the blob's ETag to change it only if unchanged.")
                .input(ToolSchema.object().required("container", Args.CONTAINER).required("blob", Args.BLOB)
                        .required("metadata", Args.METADATA).optional("ifMatch", Args.IF_MATCH).build())
                .output(Shapes.WRITTEN)
                .handler(call -> {
                    String container = call.container("container");
                    String blob = call.string("blob");
                    return Shapes.written(container, blob, call.account().blobs().setMetadata(container, blob,
                            call.stringMap("metadata"), conditions(call)));
                }).build();
    }

    static RequestConditions conditions(ToolCall call) {
        return call.has("ifMatch") ? RequestConditions.ifMatch(call.string("ifMatch")) : RequestConditions.none();
    }

    private static McpTool deleteBlob() {
        return tool("delete-blob").title("Delete a blob").writes(true, true)
                .touches(WRITES)
                .description("Delete a blob and its snapshots (previous versions stay where the account keeps "
                        + "them). Succeeds with deleted=false when it does not exist. Pass ifMatch to delete only an "
                        + "unchanged blob. Asks the user to confirm when the client supports it.")
                .input(ToolSchema.object().required("container", Args.CONTAINER).required("blob", Args.BLOB)
                        .optional("ifMatch", Args.IF_MATCH).build())
                .output(deleted("blob"))
                .handler(call -> {
                    String container = call.container("container");
                    String blob = call.string("blob");
                    call.confirm("blob '" + blob + "' (and its snapshots) in container '" + container
                            + "' of account '" + call.accountName() + "'");
                    boolean deleted = call.account().blobs().delete(container, blob,
                            DeleteBlobOptions.defaults().withConditions(conditions(call)));
                    return Out.of().put("blob", container + "/" + blob).put("deleted", deleted).build();
                }).build();
    }

    private static McpTool copyBlob() {
        return tool("copy-blob").title("Copy a blob").writes(true, true)
                .touches(READS, Touch.writes(NameKind.CONTAINER, "targetContainer"))
                .description("Copy a blob within the account (server-side where the provider can), overwriting "
                        + "the target. 'container'/'blob' name the source; ifMatch applies to the source. Metadata "
                        + "and tier apply to the target (metadata defaults to the source's).")
                .input(ToolSchema.object().required("container", Args.CONTAINER).required("blob", Args.BLOB)
                        .required("targetContainer", name("Container to copy into"))
                        .required("targetBlob", name("Name of the copy"))
                        .optional("metadata", Args.METADATA).optional("tier", Args.TIER)
                        .optional("ifMatch", Args.IF_MATCH).build())
                .output(Shapes.WRITTEN)
                .handler(call -> {
                    String container = call.container("container");
                    String target = call.container("targetContainer");
                    String targetBlob = call.string("targetBlob");
                    CopyOptions options = CopyOptions.defaults().withSourceConditions(conditions(call));
                    if (call.has("metadata")) {
                        options = options.withMetadata(call.stringMap("metadata"));
                    }
                    if (call.has("tier")) {
                        options = options.withTier(AccessTier.parse(call.string("tier")));
                    }
                    return Shapes.written(target, targetBlob, call.account().blobs().copy(container,
                            call.string("blob"), target, targetBlob, options));
                }).build();
    }

    private static McpTool setBlobTier() {
        return tool("set-blob-tier").title("Set a blob's tier").writes(false, true).requires(Capability.BLOB_TIERS)
                .touches(WRITES)
                .description("Move a blob to the Hot, Cool, Cold or Archive tier (Archive only where the account "
                        + "has it). An archived blob cannot be read until moved to another tier (rehydration).")
                .input(ToolSchema.object().required("container", Args.CONTAINER).required("blob", Args.BLOB)
                        .required("tier", Args.TIER).build())
                .output(ToolSchema.object().required("container", string("Container"))
                        .required("blob", string("Blob")).required("tier", string("The tier asked for")).build())
                .handler(call -> {
                    String container = call.container("container");
                    String blob = call.string("blob");
                    AccessTier tier = AccessTier.parse(call.string("tier"));
                    call.account().blobs().setTier(container, blob, tier);
                    return Out.of().put("container", container).put("blob", blob).put("tier", tierName(tier)).build();
                }).build();
    }

    private static McpTool getBlobTier() {
        return tool("get-blob-tier").title("Get a blob's tier").readOnly().requires(Capability.BLOB_TIERS)
                .touches(READS)
                .description("Read a blob's access tier, the provider's own name for it, and any rehydration in "
                        + "progress.")
                .input(ToolSchema.object().required("container", Args.CONTAINER).required("blob", Args.BLOB).build())
                .output(ToolSchema.object().required("container", string("Container")).required("blob", string("Blob"))
                        .required("tier", nullable(string("Hot, Cool, Cold or Archive")))
                        .required("providerTier", nullable(string("The provider's name of the tier or class")))
                        .required("archiveStatus", nullable(string("Rehydration in progress, if any"))).build())
                .handler(call -> {
                    String container = call.container("container");
                    String blob = call.string("blob");
                    BlobProperties p = call.account().blobs().getProperties(container, blob);
                    return Out.of().put("container", container).put("blob", blob).put("tier", tierName(p.tier()))
                            .put("providerTier", p.tierName()).put("archiveStatus", p.archiveStatus()).build();
                }).build();
    }

    private static McpTool createBlobSnapshot() {
        return tool("create-blob-snapshot").title("Snapshot a blob").writes(false, false)
                .touches(WRITES)
                .requires(Capability.BLOB_SNAPSHOTS)
                .description("Take a read-only snapshot of a blob as it is now; read it later with the returned "
                        + "snapshot id (download-blob / get-blob-properties 'snapshot').")
                .input(ToolSchema.object().required("container", Args.CONTAINER).required("blob", Args.BLOB)
                        .optional("metadata", Args.METADATA).build())
                .output(ToolSchema.object().required("container", string("Container")).required("blob", string("Blob"))
                        .required("snapshot", string("The snapshot id")).build())
                .handler(call -> {
                    String container = call.container("container");
                    String blob = call.string("blob");
                    String id = call.account().blobs().createSnapshot(container, blob,
                            call.has("metadata") ? call.stringMap("metadata") : null);
                    return Out.of().put("container", container).put("blob", blob).put("snapshot", id).build();
                }).build();
    }

    private static McpTool listBlobVersions() {
        return tool("list-blob-versions").title("List blob versions").readOnly().requires(Capability.BLOB_VERSIONS)
                .touches(READS)
                .description("List the versions of a blob, oldest first, the current one included "
                        + "(currentVersion=true). A deleted blob still has its versions; restore one with "
                        + "restore-blob-version.")
                .input(ToolSchema.object().required("container", Args.CONTAINER).required("blob", Args.BLOB)
                        .optional("pageSize", Args.PAGE_SIZE).optional("continuationToken", Args.CONTINUATION)
                        .build())
                .output(Shapes.pageSchema("versions", "Versions of this page", Shapes.BLOB))
                .handler(call -> {
                    String container = call.container("container");
                    Page<BlobProperties> page = BoundedPage.fetch(Args.pageSize(call), call.maxInlineBytes(),
                            n -> call.account().blobs().listVersions(container, call.string("blob"),
                                    ListOptions.defaults().withPageSize(n)
                                            .withContinuationToken(call.optionalString("continuationToken"))).firstPage(),
                            Shapes::blob, "version", "list fewer at a time");
                    return Out.of().put("versions", page.items().stream().map(Shapes::blob).toList())
                            .put("continuationToken", page.continuationToken()).build();
                }).build();
    }

    private static McpTool restoreBlobVersion() {
        return tool("restore-blob-version").title("Restore a blob version").writes(true, true)
                .touches(WRITES)
                .requires(Capability.BLOB_VERSIONS)
                .description("Make a previous version (from list-blob-versions) the blob's current content again. "
                        + "The current content is overwritten (it stays as a version). Asks the user to confirm "
                        + "when the client supports it.")
                .input(ToolSchema.object().required("container", Args.CONTAINER).required("blob", Args.BLOB)
                        .required("versionId", name("The version to restore")).build())
                .output(Shapes.WRITTEN)
                .handler(call -> {
                    String container = call.container("container");
                    String blob = call.string("blob");
                    String version = call.string("versionId");
                    call.confirm("the current content of blob '" + blob + "' in container '" + container
                            + "' (replaced by version " + version + ")");
                    return Shapes.written(container, blob, call.account().blobs().restoreVersion(container, blob,
                            version));
                }).build();
    }

    /**
     * generate-blob-url. A URL with write or delete permission writes: it is what upload-blob and delete-blob do,
     * handed to whoever holds the URL. So the tool offering them is a writing, destructive tool whose write and
     * delete permissions are checked as those tools; where the server or every account is read-only, the tool is
     * served in its read-only form, whose only permission is read.
     */
    private static McpTool generateBlobUrl() {
        McpTool reads = urlTool(List.of("read")).readOnly().touches(READS).build();
        return urlTool(List.of("read", "write", "delete")).writes(true, true).readOnlyForm(reads)
                .touches(READS,
                        WRITES.when(a -> asks(a, "write")).as("upload-blob", "a URL with write permission"),
                        WRITES.when(a -> asks(a, "delete")).as("delete-blob", "a URL with delete permission"))
                .build();
    }

    private static boolean asks(Map<String, Object> args, String permission) {
        return args.get("permissions") instanceof List<?> asked && asked.contains(permission);
    }

    private static McpTool.Builder urlTool(List<String> offered) {
        boolean writes = offered.size() > 1;
        return tool("generate-blob-url").title("Generate a presigned URL").requires(Capability.BLOB_PRESIGNED_URLS)
                .description("Create a presigned (SAS / V4-signed) URL that grants " + (writes ? "read (and "
                        + "optionally write or delete)" : "read") + " access to one blob until it expires, with no "
                        + "other credentials. Anyone holding the URL has that access: share it carefully."
                        + (writes ? " Write and delete permissions count as upload-blob and delete-blob in the "
                        + "server's and the account's rules." : ""))
                .input(ToolSchema.object().required("container", Args.CONTAINER).required("blob", Args.BLOB)
                        .optional("expiresInSeconds", integer("Validity in seconds (default 3600, max 7 days)", 1,
                                604_800))
                        .optional("permissions", array("What the URL allows (default [read])",
                                oneOf(null, offered), 1, offered.size())).build())
                .output(ToolSchema.object().required("url", string("The presigned URL"))
                        .required("expiresAt", string("ISO-8601 instant")).build())
                .handler(call -> {
                    Duration expiry = Duration.ofSeconds(call.integer("expiresInSeconds", 3600));
                    Set<BlobPermission> permissions = EnumSet.noneOf(BlobPermission.class);
                    List<Object> asked = call.array("permissions");
                    if (asked == null) {
                        permissions.add(BlobPermission.READ);
                    } else {
                        asked.forEach(p -> permissions.add(BlobPermission.valueOf(p.toString().toUpperCase(
                                java.util.Locale.ROOT))));
                    }
                    Instant expiresAt = Instant.now().plus(expiry);
                    String url = call.account().blobs().generatePresignedUrl(call.container("container"),
                            call.string("blob"), PresignOptions.of(expiry, permissions)).toString();
                    return Out.of().put("url", url).put("expiresAt", expiresAt).build();
                });
    }
}
