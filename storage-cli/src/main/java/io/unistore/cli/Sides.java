package io.unistore.cli;

import io.unistore.StorageException;
import io.unistore.blob.BlobStore;
import java.nio.file.Files;
import java.util.NavigableMap;
import java.util.TreeMap;

/** The trees on the two sides of {@code sync} and {@code check}, and MD5s where a listing lacks them. */
final class Sides {
    private final Session session;

    Sides(Session session) {
        this.session = session;
    }

    /** The source tree: it must exist. */
    NavigableMap<String, Tree.Entry> source(Location at, NameFilter filter, boolean checksums) {
        if (at.isLocal()) {
            if (!Files.isDirectory(at.local())) {
                throw new CliException(Exit.NOT_FOUND, at + " is not a directory; give the directory to copy from");
            }
            return Tree.local(at.local(), filter);
        }
        BlobStore blobs = session.account(at).blobs();
        if (!blobs.containerExists(at.requireContainer("container"))) {
            throw new CliException(Exit.NOT_FOUND, "no container '" + at.container() + "' in account '"
                    + at.account() + "'; 'unistore ls " + at.account() + ":' lists its containers");
        }
        return Tree.remote(blobs, at.container(), at.dirPrefix(), filter, checksums);
    }

    /** The target tree: empty when its directory or container does not exist yet. */
    NavigableMap<String, Tree.Entry> target(Location at, NameFilter filter, boolean checksums) {
        if (at.isLocal()) {
            return Tree.local(at.local(), filter);
        }
        BlobStore blobs = session.account(at).blobs();
        if (!blobs.containerExists(at.requireContainer("container"))) {
            return new TreeMap<>();
        }
        return Tree.remote(blobs, at.container(), at.dirPrefix(), filter, checksums);
    }

    /** The MD5 of an entry: from the listing, else computed by reading the file or blob. */
    String md5(Location at, Tree.Entry e) {
        if (e.md5() != null) {
            return e.md5();
        }
        if (at.isLocal()) {
            return Tree.md5(at.local().resolve(e.name()));
        }
        try {
            return Tree.md5(session.account(at).blobs(), at.container(), at.dirPrefix() + e.name());
        } catch (StorageException ex) {
            throw new CliException(Exit.of(ex.code()), at.withPath(at.dirPrefix() + e.name()) + ": "
                    + Errors.describe(ex));
        }
    }
}
