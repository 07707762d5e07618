package io.unistore.mcp;

import static io.unistore.mcp.ToolSchema.bool;
import static io.unistore.mcp.ToolSchema.integer;
import static io.unistore.mcp.ToolSchema.nullable;
import static io.unistore.mcp.ToolSchema.oneOf;
import static io.unistore.mcp.ToolSchema.string;

import io.unistore.Capability;
import io.unistore.ErrorCode;
import io.unistore.Page;
import io.unistore.StorageException;
import io.unistore.file.CreateShareOptions;
import io.unistore.file.FileItem;
import io.unistore.file.FileProperties;
import io.unistore.file.FileStore;
import io.unistore.file.FileUploadOptions;
import io.unistore.file.ListFilesOptions;
import io.unistore.file.ShareInfo;
import io.unistore.ops.RangedContent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** The file share tools: shares, directories and files. */
final class FileTools implements ToolProvider {

    private static final Map<String, Object> PATH = string("Path from the share root, '/'-separated, without a "
            + "leading '/'; \"\" is the root");
    private static final Map<String, Object> FILE_PATH = ToolSchema.name("Path of the file from the share root, "
            + "'/'-separated, e.g. 'reports/2024/q1.csv'");

    @Override
    public List<McpTool> tools() {
        return List.of(listShares(), createShare(), listFiles(), createDirectory(), uploadFile(), downloadFile(),
                moveFile(), deleteFile());
    }

    private static McpTool.Builder tool(String name) {
        return McpTool.builder(name).requires(Capability.FILES);
    }

    private static McpTool listShares() {
        return NameListing.tool("list-file-shares", Capability.FILES, "List file shares", "file shares",
                Shapes.SHARE, NameKind.SHARE, (a, o) -> a.files().listShares(o), ShareInfo::name,
                Shapes::share);
    }

    private static McpTool createShare() {
        return tool("create-file-share").title("Create a file share").writes(false, false)
                .touches(Touch.writes(NameKind.SHARE, "share"))
                .description("Create a file share. Fails with ALREADY_EXISTS if it exists. Share names are 3-63 "
                        + "lowercase letters, digits and single hyphens. quotaGb needs an account with quotas.")
                .input(ToolSchema.object().required("share", Args.SHARE).optional("metadata", Args.METADATA)
                        .optional("quotaGb", integer("Size quota in GiB (1-102400)", 1, 102_400)).build())
                .output(ToolSchema.object().required("share", string("The new share"))
                        .required("created", bool("Always true")).build())
                .handler(call -> {
                    String share = call.share("share");
                    if (call.has("quotaGb")) {
                        call.account().capabilities().require(Capability.FILE_SHARE_QUOTA, "quotaGb");
                    }
                    call.account().files().createShare(share, CreateShareOptions.builder()
                            .quotaGb(call.integer("quotaGb", 0)).metadata(call.stringMap("metadata")).build());
                    return Out.of().put("share", share).put("created", true).build();
                }).build();
    }

    private static McpTool listFiles() {
        return tool("list-files").title("List files").readOnly()
                .touches(Touch.reads(NameKind.SHARE, "share"))
                .description("List a directory of a share (path \"\" or omitted: the root), in name order, one page "
                        + "at a time; recursive=true lists the whole tree under it. Pass the returned "
                        + "continuationToken to get the next page.")
                .input(ToolSchema.object().required("share", Args.SHARE).optional("path", PATH)
                        .optional("prefix", Args.PREFIX)
                        .optional("recursive", bool("List the whole tree, not just the children"))
                        .optional("pageSize", Args.PAGE_SIZE).optional("continuationToken", Args.CONTINUATION)
                        .build())
                .output(Shapes.pageSchema("files", "Files and directories of this page", Shapes.FILE_ITEM))
                .handler(call -> {
                    String path = call.has("path") ? call.string("path") : "";
                    String share = call.share("share");
                    Page<FileItem> page = BoundedPage.fetch(Args.pageSize(call), call.maxInlineBytes(),
                            n -> call.account().files().list(share, path, ListFilesOptions.builder()
                                    .prefix(call.optionalString("prefix")).recursive(call.bool("recursive", false))
                                    .pageSize(n).continuationToken(call.optionalString("continuationToken")).build()).firstPage(),
                            Shapes::fileItem, "file", "list fewer at a time");
                    return Out.of().put("files", page.items().stream().map(Shapes::fileItem).toList())
                            .put("continuationToken", page.continuationToken()).build();
                }).build();
    }

    private static McpTool createDirectory() {
        return tool("create-directory").title("Create a directory").writes(false, true)
                .touches(Touch.writes(NameKind.SHARE, "share"))
                .description("Create a directory in a share, with any missing parents (existing ones are fine).")
                .input(ToolSchema.object().required("share", Args.SHARE).required("path", FILE_PATH).build())
                .output(ToolSchema.object().required("share", string("Share")).required("path", string("Directory"))
                        .build())
                .handler(call -> {
                    String share = call.share("share");
                    String path = call.string("path");
                    call.account().files().createDirectories(share, path);
                    return Out.of().put("share", share).put("path", path).build();
                }).build();
    }

    private static McpTool uploadFile() {
        return tool("upload-file").title("Upload a file").writes(true, true)
                .touches(Touch.writes(NameKind.SHARE, "share"))
                .description("Create or overwrite a file in a share with either inline 'content' (utf8 text, or "
                        + "base64 with encoding=base64, up to the server's inline limit) or the local file at "
                        + "'localPath' (any size, inside the allowed roots). Give exactly one. The parent directory "
                        + "must exist (create-directory). Reports progress for large files.")
                .input(ToolSchema.object().required("share", Args.SHARE).required("path", FILE_PATH)
                        .optional("content", Args.CONTENT).optional("encoding", Args.ENCODING)
                        .optional("localPath", Args.LOCAL_PATH).optional("contentType", Args.CONTENT_TYPE)
                        .optional("metadata", Args.METADATA).build())
                .output(Shapes.FILE)
                .handler(call -> {
                    String share = call.share("share");
                    String path = call.string("path");
                    FileUploadOptions options = FileUploadOptions.defaults()
                            .withContentType(call.optionalString("contentType"))
                            .withMetadata(call.stringMap("metadata"))
                            .withProgress(call.progress("upload of " + share + "/" + path));
                    FileStore files = call.account().files();
                    Object source = BlobTools.exactlyOneSource(call);
                    FileProperties p = source instanceof Path file ? files.upload(share, path, file, options)
                            : files.upload(share, path, (byte[]) source, options);
                    return Shapes.file(p);
                }).build();
    }

    private static McpTool downloadFile() {
        return tool("download-file").title("Download a file").readOnly()
                .touches(Touch.reads(NameKind.SHARE, "share"))
                .description("Read a file of a share. Without localPath the content comes back inline: text for "
                        + "text content (encoding=utf8), else base64, up to the server's inline limit. With localPath "
                        + "(inside the allowed roots) it is written to that file, whatever its size, with progress. A byte "
                        + "range (offset, length) or a line range (startLine and lineCount, head, or tail) reads only "
                        + "that part of the file, by ranged requests, and comes back inline. redact=true masks "
                        + "personal and secret data in text as it streams.")
                .input(RangedRead.inputs(ToolSchema.object().required("share", Args.SHARE)
                        .required("path", FILE_PATH).optional("localPath", Args.LOCAL_PATH)
                        .optional("encoding", oneOf("Force the inline encoding", List.of("utf8", "base64"))))
                        .build())
                .output(RangedRead.outputs(ToolSchema.object().required("file", Shapes.FILE)
                        .required("encoding", nullable(oneOf("How 'content' is encoded", List.of("utf8", "base64"))))
                        .required("content", nullable(string("The content, when inline")))
                        .required("localPath", nullable(string("The file written, when localPath was given")))
                        .required("note", nullable(string("Why the content is not inline, if it is not"))))
                        .build())
                .handler(FileTools::download).build();
    }

    private static Map<String, Object> download(ToolCall call) {
        String share = call.share("share");
        String path = call.string("path");
        FileStore files = call.account().files();
        Out out = Out.of();
        if (RangedRead.asked(call)) {
            FileProperties p = files.getProperties(share, path);
            return RangedRead.read(call, RangedContent.ofFile(files, p), p.contentType(),
                    out.put("file", Shapes.file(p)).put("localPath", null));
        }
        if (call.has("localPath") && Redact.asked(call.arguments())) {
            Path target = call.localPathToWrite("localPath");
            FileProperties p = files.getProperties(share, path);
            Redact.toFile(files.openInputStream(share, path, null), target, p.contentType());
            return out.put("file", Shapes.file(p)).put("encoding", null).put("content", null)
                    .put("localPath", target.toString()).put("note", null).build();
        }
        if (call.has("localPath")) {
            Path target = call.localPathToWrite("localPath");
            FileProperties p = files.downloadToFile(share, path, target);
            return out.put("file", Shapes.file(p)).put("encoding", null).put("content", null)
                    .put("localPath", target.toString()).put("note", null).build();
        }
        FileProperties p = files.getProperties(share, path);
        out.put("file", Shapes.file(p)).put("localPath", null);
        if (p.directory()) {
            throw new StorageException(ErrorCode.CONFLICT, "path: '" + path + "' is a directory; list it with "
                    + "list-files");
        }
        if (p.size() > call.maxInlineBytes()) {
            return out.put("encoding", null).put("content", null).put("note", "the file is " + p.size()
                    + " bytes, over the inline limit of " + call.maxInlineBytes() + "; pass localPath (inside the "
                    + "allowed roots) to save it to a file").build();
        }
        byte[] bytes;
        try (InputStream in = files.openInputStream(share, path, null)) {
            bytes = in.readNBytes(call.maxInlineBytes() + 1);
        } catch (IOException e) {
            throw new StorageException(ErrorCode.UNAVAILABLE, "reading " + share + "/" + path + " failed: "
                    + e.getMessage(), e);
        }
        String text = Redact.text(Content.asText(bytes, p.contentType(), call.optionalString("encoding")),
                call.arguments(), "", p.contentType());
        return out.put("encoding", text != null ? "utf8" : "base64")
                .put("content", text != null ? text : Base64.getEncoder().encodeToString(bytes))
                .put("note", null).build();
    }

    private static McpTool moveFile() {
        return tool("move-file").title("Move or rename a file").requires(Capability.FILE_MOVE).writes(true, false)
                .touches(Touch.writes(NameKind.SHARE, "share"))
                .description("Move or rename a file within its share, done by the service (the bytes are not copied "
                        + "through the server); content, headers and metadata are kept. The target's directory must "
                        + "exist. An existing file at the target is replaced only with replaceIfExists (a directory "
                        + "never); the source must be a file. Asks the user to confirm a replacement when the client "
                        + "supports it.")
                .input(ToolSchema.object().required("share", Args.SHARE).required("path", FILE_PATH)
                        .required("targetPath", FILE_PATH)
                        .optional("replaceIfExists", ToolSchema.bool("Replace a file already at targetPath "
                                + "(default false)")).build())
                .output(Shapes.FILE)
                .handler(call -> {
                    String share = call.share("share");
                    String path = call.string("path");
                    String target = call.string("targetPath");
                    boolean replace = call.bool("replaceIfExists", false);
                    if (replace) {
                        call.confirm("replacing file '" + target + "' in share '" + share + "' of account '"
                                + call.accountName() + "' by '" + path + "'");
                    }
                    return Shapes.file(call.account().files().moveFile(share, path, target, replace));
                }).build();
    }

    private static McpTool deleteFile() {
        return tool("delete-file").title("Delete a file").writes(true, true)
                .touches(Touch.writes(NameKind.SHARE, "share"))
                .description("Delete a file of a share (not a directory). Succeeds with deleted=false when it does not "
                        + "exist. Asks the user to confirm when the client supports it.")
                .input(ToolSchema.object().required("share", Args.SHARE).required("path", FILE_PATH).build())
                .output(BlobTools.deleted("file"))
                .handler(call -> {
                    String share = call.share("share");
                    String path = call.string("path");
                    call.confirm("file '" + path + "' in share '" + share + "' of account '" + call.accountName() + "'");
                    return Out.of().put("file", share + "/" + path)
                            .put("deleted", call.account().files().deleteFile(share, path)).build();
                }).build();
    }
}
