package io.unistore.testsupport.azurefiles;

import io.unistore.testsupport.azurefiles.FilesModel.Directory;
import io.unistore.testsupport.azurefiles.FilesModel.File;
import io.unistore.testsupport.azurefiles.FilesModel.Node;
import io.unistore.testsupport.azurefiles.FilesModel.Share;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Azure Files REST operations the stand-in implements (REST reference "Azure Files REST API"): List Shares;
 * Create / Delete Share, Get / Set Share Properties (quota), Set Share Metadata; Create / Delete Directory, Get
 * Directory Properties, Set Directory Metadata, List Directories and Files (prefix, marker, maxresults); Create
 * File, Put Range, Get File (ranges), Get / Set File Properties, Set File Metadata, Delete File, Rename File.
 * Every request must carry a valid SharedKey signature.
 */
final class FilesService {
    /** Azure's largest Put Range body. */
    private static final int MAX_RANGE = 4 * 1024 * 1024;
    /** The quota of a standard share created without one, in GiB. */
    private static final int DEFAULT_QUOTA_GB = 5120;
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");

    private final String account;
    private final SharedKey sharedKey;
    private final FilesModel model = new FilesModel();

    FilesService(String account, String key) {
        this.account = account;
        this.sharedKey = new SharedKey(account, key);
    }

    /** Answers one request (one at a time: the model is not concurrent). */
    synchronized void handle(FilesExchange x) {
        String requestId = UUID.randomUUID().toString();
        x.header("x-ms-request-id", requestId);
        x.header("x-ms-version", x.header("x-ms-version"));
        x.header("Date", FilesXml.rfc1123(java.time.Instant.now()));
        try {
            if (x.header("x-ms-date") == null && x.header("Date") == null) {
                throw FilesError.missingRequiredHeader("x-ms-date");
            }
            if (!sharedKey.verify(x.method, x.headers, x.rawPath, x.rawQuery)) {
                throw FilesError.authenticationFailed();
            }
            route(x);
            if (x.method.equals("PUT")) {
                // Every successful write of file and directory data reports it was stored encrypted.
                x.header("x-ms-request-server-encrypted", "true");
            }
        } catch (FilesError e) {
            x.status = e.status;
            x.responseHeaders.keySet().removeIf(h -> !h.equals("x-ms-request-id") && !h.equals("x-ms-version")
                    && !h.equals("Date"));
            x.header("x-ms-error-code", e.code);
            x.header("Content-Type", "application/xml");
            x.responseBody = x.method.equals("HEAD") ? new byte[0]
                    : FilesXml.error(e.code, e.getMessage(), requestId).getBytes(StandardCharsets.UTF_8);
        }
    }

    /** The path segments after the account (path-style requests name it first, as emulators do). */
    private List<String> segments(String rawPath) {
        List<String> out = new ArrayList<>();
        for (String s : FilesExchange.decode(rawPath == null ? "" : rawPath).split("/")) {
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        if (!out.isEmpty() && out.get(0).equals(account)) {
            out.remove(0);
        }
        return out;
    }

    private void route(FilesExchange x) {
        List<String> segments = segments(x.rawPath);
        String restype = x.query("restype");
        String comp = x.query("comp");
        if (segments.isEmpty()) {
            if (x.method.equals("GET") && "list".equals(comp)) {
                listShares(x);
                return;
            }
            throw FilesError.invalidUri();
        }
        String shareName = segments.get(0);
        String path = String.join("/", segments.subList(1, segments.size()));
        if ("share".equals(restype)) {
            share(x, shareName, comp);
        } else if ("directory".equals(restype)) {
            directory(x, shareName, path, comp);
        } else if (path.isEmpty()) {
            throw FilesError.invalidUri();
        } else {
            file(x, shareName, path, comp);
        }
    }

    // ---- shares -------------------------------------------------------------------------------------

    private void listShares(FilesExchange x) {
        String prefix = x.query("prefix") == null ? "" : x.query("prefix");
        int max = maxResults(x);
        boolean withMetadata = x.query("include") != null && x.query("include").contains("metadata");
        NavigableMap<String, Share> from = x.query("marker") == null || x.query("marker").isEmpty() ? model.shares
                : model.shares.tailMap(x.query("marker"), true);
        StringBuilder sb = new StringBuilder(FilesXml.PROLOG).append("<EnumerationResults ServiceEndpoint=\"")
                .append(FilesXml.escape(endpoint())).append("\">").append(FilesXml.element("Prefix", x.query("prefix")))
                .append(FilesXml.element("Marker", x.query("marker")))
                .append(FilesXml.element("MaxResults", x.query("maxresults"))).append("<Shares>");
        String next = null;
        int n = 0;
        for (Map.Entry<String, Share> e : from.entrySet()) {
            if (!e.getKey().startsWith(prefix)) {
                continue;
            }
            if (n == max) {
                next = e.getKey();
                break;
            }
            Share s = e.getValue();
            sb.append("<Share>").append(FilesXml.element("Name", e.getKey())).append("<Properties>")
                    .append(FilesXml.element("Last-Modified", FilesXml.rfc1123(s.lastModified)))
                    .append(FilesXml.element("Etag", s.etag)).append(FilesXml.element("Quota", s.quotaGb))
                    .append("</Properties>");
            if (withMetadata) {
                sb.append(FilesXml.metadata(s.metadata));
            }
            sb.append("</Share>");
            n++;
        }
        sb.append("</Shares>").append(FilesXml.element("NextMarker", next)).append("</EnumerationResults>");
        xml(x, sb.toString());
    }

    private void share(FilesExchange x, String name, String comp) {
        if (x.method.equals("PUT") && comp == null) {
            if (model.shares.containsKey(name)) {
                throw FilesError.shareAlreadyExists();
            }
            Share s = new Share();
            s.quotaGb = quota(x, DEFAULT_QUOTA_GB);
            s.metadata.putAll(x.metadata());
            model.shares.put(name, s);
            x.status = 201;
            etagHeaders(x, s);
            return;
        }
        Share s = shareOrFail(name);
        switch (x.method + " " + comp) {
            case "PUT properties" -> {
                s.quotaGb = quota(x, s.quotaGb);
                s.touch();
                etagHeaders(x, s);
            }
            case "PUT metadata" -> {
                s.metadata.clear();
                s.metadata.putAll(x.metadata());
                s.touch();
                etagHeaders(x, s);
            }
            case "DELETE null" -> {
                model.shares.remove(name);
                x.status = 202;
            }
            case "GET null", "HEAD null" -> {
                metadataHeaders(x, s.metadata);
                etagHeaders(x, s);
                x.header("x-ms-share-quota", String.valueOf(s.quotaGb));
            }
            default -> throw FilesError.unsupportedHttpVerb();
        }
    }

    private static int quota(FilesExchange x, int current) {
        String q = x.header("x-ms-share-quota");
        if (q == null) {
            return current;
        }
        try {
            int value = Integer.parseInt(q.trim());
            if (value < 1 || value > 102_400) {
                throw FilesError.outOfRangeInput("x-ms-share-quota");
            }
            return value;
        } catch (NumberFormatException e) {
            throw FilesError.invalidHeaderValue("x-ms-share-quota");
        }
    }

    // ---- directories --------------------------------------------------------------------------------

    private void directory(FilesExchange x, String shareName, String path, String comp) {
        Share s = shareOrFail(shareName);
        if (x.method.equals("PUT") && comp == null) {
            if (path.isEmpty()) {
                throw FilesError.resourceAlreadyExists();
            }
            Directory parent = parentOf(s, path);
            String name = leaf(path);
            if (parent.children.containsKey(name)) {
                throw FilesError.resourceAlreadyExists();
            }
            Directory d = new Directory(parent);
            d.metadata.putAll(x.metadata());
            parent.children.put(name, d);
            parent.touch();
            x.status = 201;
            etagHeaders(x, d);
            smbHeaders(x, d, true);
            return;
        }
        Directory d = directoryOrFail(s, path);
        switch (x.method + " " + comp) {
            case "PUT metadata" -> {
                d.metadata.clear();
                d.metadata.putAll(x.metadata());
                d.touch();
                etagHeaders(x, d);
            }
            case "PUT properties" -> {
                etagHeaders(x, d);
                smbHeaders(x, d, true);
            }
            case "DELETE null" -> {
                if (path.isEmpty()) {
                    throw FilesError.invalidUri();
                }
                if (!d.children.isEmpty()) {
                    throw FilesError.directoryNotEmpty();
                }
                d.parent.children.remove(leaf(path));
                d.parent.touch();
                x.status = 202;
            }
            case "GET null", "HEAD null" -> {
                metadataHeaders(x, d.metadata);
                etagHeaders(x, d);
                smbHeaders(x, d, true);
                x.header("x-ms-server-encrypted", "true");
            }
            case "GET list" -> list(x, d, path);
            default -> throw FilesError.unsupportedHttpVerb();
        }
    }

    private void list(FilesExchange x, Directory d, String path) {
        String prefix = x.query("prefix") == null ? "" : x.query("prefix");
        int max = maxResults(x);
        String marker = x.query("marker");
        NavigableMap<String, Node> from = marker == null || marker.isEmpty() ? d.children
                : d.children.tailMap(marker, true);
        StringBuilder sb = new StringBuilder(FilesXml.PROLOG).append("<EnumerationResults ServiceEndpoint=\"")
                .append(FilesXml.escape(endpoint())).append("\" ShareName=\"").append(FilesXml.escape(segments(
                        x.rawPath).get(0))).append("\" DirectoryPath=\"").append(FilesXml.escape(path)).append("\">")
                .append(FilesXml.element("Marker", marker)).append(FilesXml.element("Prefix", x.query("prefix")))
                .append(FilesXml.element("MaxResults", x.query("maxresults")))
                .append(FilesXml.element("DirectoryId", d.id)).append("<Entries>");
        String next = null;
        int n = 0;
        for (Map.Entry<String, Node> e : from.entrySet()) {
            if (!e.getKey().startsWith(prefix)) {
                continue;
            }
            if (n == max) {
                next = e.getKey();
                break;
            }
            if (e.getValue() instanceof File f) {
                sb.append("<File>").append(FilesXml.element("FileId", f.id)).append(FilesXml.element("Name", e.getKey()))
                        .append("<Properties>").append(FilesXml.element("Content-Length", f.size))
                        .append("</Properties></File>");
            } else {
                sb.append("<Directory>").append(FilesXml.element("FileId", e.getValue().id))
                        .append(FilesXml.element("Name", e.getKey())).append("<Properties /></Directory>");
            }
            n++;
        }
        sb.append("</Entries>").append(FilesXml.element("NextMarker", next)).append("</EnumerationResults>");
        xml(x, sb.toString());
    }

    // ---- files --------------------------------------------------------------------------------------

    private void file(FilesExchange x, String shareName, String path, String comp) {
        Share s = shareOrFail(shareName);
        if (x.method.equals("PUT") && comp == null) {
            createFile(x, s, path);
            return;
        }
        if (x.method.equals("PUT") && "rename".equals(comp)) {
            rename(x, s, path);
            return;
        }
        File f = fileOrFail(s, path);
        switch (x.method + " " + comp) {
            case "PUT range" -> putRange(x, f);
            case "PUT properties" -> {
                String length = x.header("x-ms-content-length");
                if (length != null) {
                    f.resize(parseLength(length));
                }
                contentHeaders(x, f);
                f.touch();
                etagHeaders(x, f);
                smbHeaders(x, f, false);
                x.header("x-ms-request-server-encrypted", "true");
            }
            case "PUT metadata" -> {
                f.metadata.clear();
                f.metadata.putAll(x.metadata());
                f.touch();
                etagHeaders(x, f);
                x.header("x-ms-request-server-encrypted", "true");
            }
            case "DELETE null" -> {
                f.parent.children.remove(leaf(path));
                f.parent.touch();
                x.status = 202;
            }
            case "HEAD null" -> fileHeaders(x, f, true);
            case "GET null" -> download(x, f);
            default -> throw FilesError.unsupportedHttpVerb();
        }
    }

    private void createFile(FilesExchange x, Share s, String path) {
        if (!"file".equalsIgnoreCase(x.header("x-ms-type"))) {
            throw x.header("x-ms-type") == null ? FilesError.missingRequiredHeader("x-ms-type")
                    : FilesError.invalidHeaderValue("x-ms-type");
        }
        String length = x.header("x-ms-content-length");
        if (length == null) {
            throw FilesError.missingRequiredHeader("x-ms-content-length");
        }
        Directory parent = parentOf(s, path);
        if (parent.children.get(leaf(path)) instanceof Directory) {
            throw FilesError.resourceAlreadyExists();
        }
        // Create File replaces an existing file with an empty one of the given size.
        File f = new File(parent, parseLength(length));
        contentHeaders(x, f);
        f.metadata.putAll(x.metadata());
        parent.children.put(leaf(path), f);
        parent.touch();
        x.status = 201;
        etagHeaders(x, f);
        smbHeaders(x, f, false);
        x.header("x-ms-request-server-encrypted", "true");
    }

    private void putRange(FilesExchange x, File f) {
        long[] range = range(x, f.size, true);
        if (range == null) {
            throw FilesError.missingRequiredHeader("x-ms-range");
        }
        long length = range[1] - range[0] + 1;
        if (range[1] >= f.size) {
            throw FilesError.invalidRange();
        }
        String write = x.header("x-ms-write");
        if ("clear".equalsIgnoreCase(write)) {
            f.clear(range[0], length);
        } else if ("update".equalsIgnoreCase(write)) {
            if (length > MAX_RANGE) {
                throw FilesError.requestBodyTooLarge();
            }
            if (x.body.length != length) {
                throw FilesError.invalidHeaderValue("Content-Length");
            }
            byte[] md5 = md5(x.body);
            String given = x.header("Content-MD5");
            if (given != null && !given.equals(Base64.getEncoder().encodeToString(md5))) {
                throw FilesError.md5Mismatch();
            }
            f.write(range[0], x.body);
            x.header("Content-MD5", Base64.getEncoder().encodeToString(md5));
        } else {
            throw write == null ? FilesError.missingRequiredHeader("x-ms-write")
                    : FilesError.invalidHeaderValue("x-ms-write");
        }
        f.touch();
        x.status = 201;
        etagHeaders(x, f);
        x.header("x-ms-request-server-encrypted", "true");
    }

    private void download(FilesExchange x, File f) {
        long[] range = range(x, f.size, false);
        fileHeaders(x, f, range == null);
        if (range == null) {
            x.responseBody = f.read(0, (int) f.size);
            return;
        }
        if (range[0] >= f.size) {
            throw FilesError.invalidRange();
        }
        long end = Math.min(range[1], f.size - 1);
        x.responseBody = f.read(range[0], (int) (end - range[0] + 1));
        x.status = 206;
        x.header("Content-Range", "bytes " + range[0] + "-" + end + "/" + f.size);
        x.header("Content-Length", String.valueOf(x.responseBody.length));
        if (f.contentMd5 != null) {
            // A ranged read reports the whole file's MD5 in x-ms-content-md5 (Get File, response headers).
            x.header("x-ms-content-md5", Base64.getEncoder().encodeToString(f.contentMd5));
        }
    }

    private void rename(FilesExchange x, Share s, String path) {
        String source = x.header("x-ms-file-rename-source");
        if (source == null) {
            throw FilesError.missingRequiredHeader("x-ms-file-rename-source");
        }
        List<String> sourceSegments = segments(URI.create(source.trim()).getRawPath());
        if (sourceSegments.size() < 2 || !s.equals(model.shares.get(sourceSegments.get(0)))) {
            throw FilesError.invalidHeaderValue("x-ms-file-rename-source");
        }
        String sourcePath = String.join("/", sourceSegments.subList(1, sourceSegments.size()));
        File f = fileOrFail(s, sourcePath);
        Directory target = parentOf(s, path);
        Node existing = target.children.get(leaf(path));
        boolean replace = "true".equalsIgnoreCase(x.header("x-ms-file-rename-replace-if-exists"));
        if (existing instanceof Directory || existing != null && !replace) {
            throw FilesError.resourceAlreadyExists();
        }
        f.parent.children.remove(leaf(sourcePath));
        f.parent.touch();
        File moved = new File(target, 0);
        moved.resize(f.size);
        moved.write(0, f.read(0, (int) f.size));
        copyContentHeaders(f, moved);
        moved.metadata.putAll(x.metadata().isEmpty() ? f.metadata : x.metadata());
        if (x.header("x-ms-content-type") != null) {
            moved.contentType = x.header("x-ms-content-type");
        }
        target.children.put(leaf(path), moved);
        target.touch();
        etagHeaders(x, moved);
        smbHeaders(x, moved, false);
    }

    private static void copyContentHeaders(File from, File to) {
        to.contentType = from.contentType;
        to.contentEncoding = from.contentEncoding;
        to.contentLanguage = from.contentLanguage;
        to.cacheControl = from.cacheControl;
        to.contentDisposition = from.contentDisposition;
        to.contentMd5 = from.contentMd5;
    }

    /** Create File and Set File Properties: each x-ms-content-* header sets its property, a missing one clears it. */
    private static void contentHeaders(FilesExchange x, File f) {
        f.contentType = x.header("x-ms-content-type");
        f.contentEncoding = x.header("x-ms-content-encoding");
        f.contentLanguage = x.header("x-ms-content-language");
        f.cacheControl = x.header("x-ms-cache-control");
        f.contentDisposition = x.header("x-ms-content-disposition");
        String md5 = x.header("x-ms-content-md5");
        try {
            f.contentMd5 = md5 == null ? null : Base64.getDecoder().decode(md5);
        } catch (IllegalArgumentException e) {
            throw FilesError.invalidHeaderValue("x-ms-content-md5");
        }
    }

    private static void fileHeaders(FilesExchange x, File f, boolean whole) {
        x.header("Content-Length", String.valueOf(f.size));
        x.header("Content-Type", f.contentType == null ? "application/octet-stream" : f.contentType);
        x.header("Content-Encoding", f.contentEncoding);
        x.header("Content-Language", f.contentLanguage);
        x.header("Cache-Control", f.cacheControl);
        x.header("Content-Disposition", f.contentDisposition);
        if (whole && f.contentMd5 != null) {
            x.header("Content-MD5", Base64.getEncoder().encodeToString(f.contentMd5));
        }
        x.header("Accept-Ranges", "bytes");
        x.header("x-ms-type", "File");
        x.header("x-ms-server-encrypted", "true");
        metadataHeaders(x, f.metadata);
        etagHeaders(x, f);
        smbHeaders(x, f, false);
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private Share shareOrFail(String name) {
        Share s = model.shares.get(name);
        if (s == null) {
            throw FilesError.shareNotFound();
        }
        return s;
    }

    /** The directory that holds {@code path}; ParentNotFound when a directory on the way is missing. */
    private static Directory parentOf(Share s, String path) {
        Directory d = s.root;
        String[] parts = path.split("/");
        for (int i = 0; i < parts.length - 1; i++) {
            if (!(d.children.get(parts[i]) instanceof Directory next)) {
                throw FilesError.parentNotFound();
            }
            d = next;
        }
        return d;
    }

    private static Directory directoryOrFail(Share s, String path) {
        if (path.isEmpty()) {
            return s.root;
        }
        if (!(parentOf(s, path).children.get(leaf(path)) instanceof Directory d)) {
            throw FilesError.resourceNotFound();
        }
        return d;
    }

    private static File fileOrFail(Share s, String path) {
        if (!(parentOf(s, path).children.get(leaf(path)) instanceof File f)) {
            throw FilesError.resourceNotFound();
        }
        return f;
    }

    private static String leaf(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** The x-ms-range (or Range) of a request as {start, end}; end is open (Long.MAX_VALUE) for "bytes=n-". */
    private static long[] range(FilesExchange x, long size, boolean closed) {
        String value = x.header("x-ms-range") != null ? x.header("x-ms-range") : x.header("Range");
        if (value == null) {
            return null;
        }
        Matcher m = RANGE.matcher(value.trim());
        if (!m.matches() || closed && m.group(2).isEmpty()) {
            throw FilesError.invalidHeaderValue("x-ms-range");
        }
        long start = Long.parseLong(m.group(1));
        long end = m.group(2).isEmpty() ? Long.MAX_VALUE : Long.parseLong(m.group(2));
        if (end < start) {
            throw FilesError.invalidHeaderValue("x-ms-range");
        }
        return new long[] {start, end};
    }

    private static long parseLength(String value) {
        try {
            long n = Long.parseLong(value.trim());
            if (n < 0 || n > 4L * 1024 * 1024 * 1024 * 1024) {
                throw FilesError.outOfRangeInput("x-ms-content-length");
            }
            return n;
        } catch (NumberFormatException e) {
            throw FilesError.invalidHeaderValue("x-ms-content-length");
        }
    }

    private static int maxResults(FilesExchange x) {
        String v = x.query("maxresults");
        if (v == null) {
            return 5000;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < 1) {
                throw FilesError.outOfRangeInput("maxresults");
            }
            return Math.min(n, 5000);
        } catch (NumberFormatException e) {
            throw FilesError.invalidQueryParameterValue("maxresults");
        }
    }

    private static void etagHeaders(FilesExchange x, Node n) {
        x.header("ETag", n.etag);
        x.header("Last-Modified", FilesXml.rfc1123(n.lastModified));
    }

    private static void metadataHeaders(FilesExchange x, Map<String, String> metadata) {
        metadata.forEach((k, v) -> x.header("x-ms-meta-" + k, v));
    }

    /** The SMB properties every file and directory answer carries (the SDKs parse them). */
    private static void smbHeaders(FilesExchange x, Node n, boolean directory) {
        String created = FilesXml.fileTime(n.created);
        String changed = FilesXml.fileTime(n.lastModified);
        x.header("x-ms-file-attributes", directory ? "Directory" : "Archive");
        x.header("x-ms-file-creation-time", created);
        x.header("x-ms-file-last-write-time", changed);
        x.header("x-ms-file-change-time", changed);
        x.header("x-ms-file-permission-key", "4066528134148476695*1");
        x.header("x-ms-file-id", n.id);
        x.header("x-ms-file-parent-id", "0");
        x.header("x-ms-request-server-encrypted", "true");
    }

    private static void xml(FilesExchange x, String body) {
        x.header("Content-Type", "application/xml");
        x.responseBody = body.getBytes(StandardCharsets.UTF_8);
    }

    private String endpoint() {
        return "http://" + account + ".file.core.windows.net/";
    }

    private static byte[] md5(byte[] data) {
        try {
            return MessageDigest.getInstance("MD5").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
