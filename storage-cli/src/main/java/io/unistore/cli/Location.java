package io.unistore.cli;

import io.unistore.config.AccountsFile;
import java.nio.file.Path;

/**
 * Where a command argument points: a local path as it is, or {@code ACCOUNT:container/path} in an account.
 * An argument is remote when the text before its first ':' is an account name (letters, digits, '-', '_') and
 * has no '/' ; write {@code ./a:b} for a local file whose name has a colon.
 *
 * @param account the account name, or null for a local path
 * @param container the container (or table, queue), or "" when only the account is named
 * @param path the blob name or prefix within the container, or "" for all of it
 * @param local the local path, or null for a remote location
 */
record Location(String account, String container, String path, Path local) {

    static Location parse(String text) {
        if (text == null || text.isEmpty()) {
            throw CliException.usage("an empty path was given; use ACCOUNT:container/path or a local path");
        }
        int colon = text.indexOf(':');
        if (colon > 0 && AccountsFile.isAccountName(text.substring(0, colon))) {
            String rest = text.substring(colon + 1);
            while (rest.startsWith("/")) {
                rest = rest.substring(1);
            }
            int slash = rest.indexOf('/');
            String container = slash < 0 ? rest : rest.substring(0, slash);
            String path = slash < 0 ? "" : rest.substring(slash + 1);
            return new Location(text.substring(0, colon), container, path, null);
        }
        return new Location(null, null, null, Path.of(text));
    }

    boolean isLocal() {
        return local != null;
    }

    /** The container, or a usage error naming the argument when only the account was given. */
    String requireContainer(String what) {
        if (container.isEmpty()) {
            throw CliException.usage(this + ": name the " + what + " too, as " + account + ":" + what.toUpperCase()
                    .replace(' ', '_'));
        }
        return container;
    }

    /** The blob name, or a usage error when it is missing. */
    String requireObject() {
        requireContainer("container");
        if (path.isEmpty() || path.endsWith("/")) {
            throw CliException.usage(this + ": name an object, as " + account + ":" + container + "/NAME");
        }
        return path;
    }

    /** The path as a prefix of a directory: "" or ending with '/'. */
    String dirPrefix() {
        return path.isEmpty() || path.endsWith("/") ? path : path + "/";
    }

    /** The last segment of the path (a file or blob's own name). */
    String baseName() {
        if (isLocal()) {
            Path name = local.getFileName();
            return name == null ? "" : name.toString();
        }
        String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return p.substring(p.lastIndexOf('/') + 1);
    }

    /** The same location with another path inside the container. */
    Location withPath(String newPath) {
        return new Location(account, container, newPath, null);
    }

    @Override
    public String toString() {
        if (isLocal()) {
            return local.toString();
        }
        return account + ":" + container + (path.isEmpty() ? "" : "/" + path);
    }
}
