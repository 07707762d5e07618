package io.unistore.cli;

import io.unistore.blob.BlobItem;
import io.unistore.blob.BlobStore;
import io.unistore.blob.ListBlobsOptions;
import io.unistore.ops.Digests;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The objects under a local directory or a container prefix, by name relative to it ('/' separated). */
final class Tree {
    /**
     * One object.
     *
     * @param name the name relative to the directory or prefix
     * @param size bytes
     * @param modified last modified
     * @param md5 base64 MD5 where the listing tells it (a blob's Content-MD5 or storage-ops' unistore_md5), else null
     */
    record Entry(String name, long size, Instant modified, String md5) {
    }

    private Tree() {
    }

    /** Regular files under a directory (symbolic links are not followed); an absent directory is empty. */
    static NavigableMap<String, Entry> local(Path root, NameFilter filter) {
        NavigableMap<String, Entry> map = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return map;
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.forEach(p -> {
                try {
                    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class,
                            java.nio.file.LinkOption.NOFOLLOW_LINKS);
                    if (!a.isRegularFile()) {
                        return;
                    }
                    String rel = root.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/");
                    if (filter.matches(rel)) {
                        map.put(rel, new Entry(rel, a.size(), a.lastModifiedTime().toInstant(), null));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            throw new CliException(Exit.FAILED, "cannot read " + root + ": " + e.getMessage()
                    + "; check that it exists and is readable");
        }
        return map;
    }

    /** Blobs under a prefix ("" or ending with '/'), listed flat; metadata costs extra on some providers. */
    static NavigableMap<String, Entry> remote(BlobStore store, String container, String prefix, NameFilter filter,
                                              boolean metadata) {
        NavigableMap<String, Entry> map = new TreeMap<>();
        ListBlobsOptions options = ListBlobsOptions.defaults().withPrefix(prefix.isEmpty() ? null : prefix)
                .withIncludeMetadata(metadata).withPageSize(1000);
        for (BlobItem item : store.list(container, options)) {
            if (item.properties() == null) {
                continue;
            }
            String rel = item.properties().name().substring(prefix.length());
            if (!rel.isEmpty() && filter.matches(rel)) {
                map.put(rel, new Entry(rel, item.properties().size(), item.properties().lastModified(),
                        Digests.md5Of(item.properties())));
            }
        }
        return map;
    }

    /** The base64 MD5 of a local file. */
    static String md5(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return Digests.md5OfStream(in);
        } catch (IOException e) {
            throw new CliException(Exit.FAILED, "cannot read " + file + ": " + e.getMessage());
        }
    }

    /** The base64 MD5 of a blob, read through. */
    static String md5(BlobStore store, String container, String name) {
        try (InputStream in = store.openInputStream(container, name)) {
            return Digests.md5OfStream(in);
        } catch (IOException e) {
            throw new CliException(Exit.FAILED, "cannot read " + container + "/" + name + ": " + e.getMessage()
                    + "; run the command again");
        }
    }
}
