package io.unistore.mcp;

import static io.unistore.mcp.ToolSchema.array;
import static io.unistore.mcp.ToolSchema.bool;
import static io.unistore.mcp.ToolSchema.integer;
import static io.unistore.mcp.ToolSchema.nullable;
import static io.unistore.mcp.ToolSchema.string;
import static io.unistore.mcp.ToolSchema.stringMap;

import io.unistore.blob.BlobProperties;
import io.unistore.blob.BlobWriteResult;
import io.unistore.blob.ContainerInfo;
import io.unistore.file.FileItem;
import io.unistore.file.FileProperties;
import io.unistore.file.ShareInfo;
import io.unistore.queue.QueueInfo;
import java.util.Map;

/**
 * How the stores' model objects look in tool results, and their output schemas: defined once so every
 * tool shows a blob, container or file the same way.
 */
final class Shapes {
    private Shapes() {
    }

    static final Map<String, Object> CONTINUATION = nullable(string("Pass it back as continuationToken to get the "
            + "next page; null on the last page"));

    static Map<String, Object> container(ContainerInfo c) {
        return Out.of().put("name", c.name()).put("metadata", c.metadata()).put("lastModified", c.lastModified())
                .put("etag", c.etag()).build();
    }

    static final Map<String, Object> CONTAINER = ToolSchema.object()
            .required("name", string("Container name"))
            .required("metadata", stringMap("User metadata"))
            .required("lastModified", nullable(string("ISO-8601 instant")))
            .required("etag", nullable(string("ETag"))).build();

    static Map<String, Object> blob(BlobProperties p) {
        return Out.of().put("container", p.container()).put("name", p.name()).put("size", p.size())
                .put("contentType", p.contentType()).put("contentMd5", p.contentMd5()).put("etag", p.etag())
                .put("lastModified", p.lastModified()).put("metadata", p.metadata())
                .put("tier", BlobTools.tierName(p.tier()))
                .put("versionId", p.versionId()).put("currentVersion", p.currentVersion())
                .put("snapshot", p.snapshot()).build();
    }

    static final Map<String, Object> BLOB = ToolSchema.object()
            .required("container", string("Container"))
            .required("name", string("Blob name"))
            .required("size", integer("Content length in bytes"))
            .required("contentType", nullable(string("MIME type")))
            .required("contentMd5", nullable(string("Base64 MD5 of the content")))
            .required("etag", nullable(string("ETag; pass it as ifMatch to change the blob only if unchanged")))
            .required("lastModified", nullable(string("ISO-8601 instant")))
            .required("metadata", stringMap("User metadata"))
            .required("tier", nullable(string("Hot, Cool, Cold or Archive where the provider has tiers")))
            .required("versionId", nullable(string("Version id where versions are kept")))
            .required("currentVersion", bool("Whether this is the current version"))
            .required("snapshot", nullable(string("Snapshot id when these are a snapshot's properties")))
            .build();

    static Map<String, Object> written(String container, String blob, BlobWriteResult r) {
        return Out.of().put("container", container).put("blob", blob).put("etag", r.etag())
                .put("lastModified", r.lastModified()).put("size", r.size() < 0 ? null : r.size())
                .put("contentMd5", r.contentMd5()).put("versionId", r.versionId()).build();
    }

    static final Map<String, Object> WRITTEN = ToolSchema.object()
            .required("container", string("Container"))
            .required("blob", string("Blob name"))
            .required("etag", nullable(string("The blob's new ETag")))
            .required("lastModified", nullable(string("ISO-8601 instant")))
            .required("size", nullable(integer("Content length in bytes, when known")))
            .required("contentMd5", nullable(string("Base64 MD5, when known")))
            .required("versionId", nullable(string("The new version's id where versions are kept")))
            .build();

    static Map<String, Object> queue(QueueInfo q) {
        return Out.of().put("name", q.name()).put("metadata", q.metadata()).build();
    }

    static final Map<String, Object> QUEUE = ToolSchema.object()
            .required("name", string("Queue name"))
            .required("metadata", stringMap("User metadata")).build();

    static Map<String, Object> share(ShareInfo s) {
        return Out.of().put("name", s.name()).put("quotaGb", s.quotaGb()).put("metadata", s.metadata())
                .put("lastModified", s.lastModified()).put("etag", s.etag()).build();
    }

    static final Map<String, Object> SHARE = ToolSchema.object()
            .required("name", string("Share name"))
            .required("quotaGb", integer("Quota in GiB, 0 when none"))
            .required("metadata", stringMap("User metadata"))
            .required("lastModified", nullable(string("ISO-8601 instant")))
            .required("etag", nullable(string("ETag"))).build();

    static Map<String, Object> fileItem(FileItem f) {
        return Out.of().put("name", f.name()).put("path", f.path()).put("directory", f.directory())
                .put("size", f.size()).build();
    }

    static final Map<String, Object> FILE_ITEM = ToolSchema.object()
            .required("name", string("Name within its directory"))
            .required("path", string("Path from the share root"))
            .required("directory", bool("Whether it is a directory"))
            .required("size", integer("Content length in bytes (0 for directories)")).build();

    static Map<String, Object> file(FileProperties p) {
        return Out.of().put("share", p.share()).put("path", p.path()).put("directory", p.directory())
                .put("size", p.size()).put("contentType", p.contentType()).put("contentMd5", p.contentMd5())
                .put("etag", p.etag()).put("lastModified", p.lastModified()).put("metadata", p.metadata()).build();
    }

    static final Map<String, Object> FILE = ToolSchema.object()
            .required("share", string("Share"))
            .required("path", string("Path from the share root"))
            .required("directory", bool("Whether it is a directory"))
            .required("size", integer("Content length in bytes"))
            .required("contentType", nullable(string("MIME type")))
            .required("contentMd5", nullable(string("Base64 MD5 of the content")))
            .required("etag", nullable(string("ETag")))
            .required("lastModified", nullable(string("ISO-8601 instant")))
            .required("metadata", stringMap("User metadata")).build();

    /** A page of items under {@code key}, with the token of the next page. */
    static Map<String, Object> pageSchema(String key, String what, Map<String, Object> item) {
        return ToolSchema.object()
                .required(key, array(what, item))
                .required("continuationToken", CONTINUATION).build();
    }
}
