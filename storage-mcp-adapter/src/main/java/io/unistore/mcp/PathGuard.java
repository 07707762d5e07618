package io.unistore.mcp;

import io.unistore.ErrorCode;
import io.unistore.StorageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps {@code localPath} arguments inside the allowed roots: the server's {@code --allow-path} directories and
 * the file roots the MCP client declared, which over stdio are allowed too (the client started the server) and
 * over HTTP only narrow {@code --allow-path} (any local process can be the client). Symbolic links are resolved
 * first, so a link cannot lead out; a link that leads nowhere is refused, since writing through it would create
 * its target wherever it points.
 */
final class PathGuard {
    private final List<Path> configured;
    private final boolean clientRootsWiden;

    PathGuard(List<Path> configured, boolean clientRootsWiden) {
        this.configured = configured.stream().map(PathGuard::real).toList();
        this.clientRootsWiden = clientRootsWiden;
    }

    /** An existing regular file inside the roots, to read. */
    Path toRead(String argument, String value, List<Path> clientRoots) {
        Path p = absolute(argument, value);
        if (!Files.isRegularFile(p)) {
            throw StorageException.invalidArgument(argument, "'" + value + "' is not an existing file"
                    + (Files.isSymbolicLink(p) ? " (it is a symbolic link that leads nowhere)" : ""));
        }
        return inside(argument, resolved(argument, value, p), clientRoots);
    }

    /** A file to create or replace, whose parent directory exists inside the roots. */
    Path toWrite(String argument, String value, List<Path> clientRoots) {
        Path p = absolute(argument, value);
        Path parent = p.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw StorageException.invalidArgument(argument, "the directory of '" + value + "' does not exist");
        }
        if (Files.isDirectory(p)) {
            throw StorageException.invalidArgument(argument, "'" + value + "' is a directory; name a file");
        }
        Path target = Files.isSymbolicLink(p) ? resolved(argument, value, p) : real(parent).resolve(p.getFileName());
        return inside(argument, target, clientRoots);
    }

    /** The roots a path may be inside, for these client roots. */
    List<Path> roots(List<Path> clientRoots) {
        List<Path> client = clientRoots.stream().map(PathGuard::real).toList();
        if (clientRootsWiden) {
            List<Path> roots = new ArrayList<>(configured);
            roots.addAll(client);
            return roots;
        }
        if (client.isEmpty()) {
            return configured;
        }
        // Each pair's intersection: the deeper of the two when one holds the other.
        Set<Path> narrowed = new LinkedHashSet<>();
        for (Path allowed : configured) {
            for (Path root : client) {
                if (root.startsWith(allowed)) {
                    narrowed.add(root);
                } else if (allowed.startsWith(root)) {
                    narrowed.add(allowed);
                }
            }
        }
        return List.copyOf(narrowed);
    }

    private Path inside(String argument, Path real, List<Path> clientRoots) {
        List<Path> roots = roots(clientRoots);
        if (roots.isEmpty()) {
            throw new StorageException(ErrorCode.PERMISSION_DENIED, argument + ": no local directory is allowed; "
                    + (clientRootsWiden ? "start the server with --allow-path DIR, or declare roots in the MCP client"
                    : "start the server with --allow-path DIR (over HTTP the client's roots only narrow it)"));
        }
        for (Path root : roots) {
            if (real.startsWith(root)) {
                return real;
            }
        }
        throw new StorageException(ErrorCode.PERMISSION_DENIED, argument + ": '" + real + "' is outside the allowed "
                + "roots " + roots + "; use a path inside one of them");
    }

    /** Where a path leads, links followed; refused when it leads nowhere (a dangling or looping link). */
    private static Path resolved(String argument, String value, Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            throw new StorageException(ErrorCode.PERMISSION_DENIED, argument + ": '" + value + "' is a symbolic "
                    + "link to a file that does not exist (or a loop); name the file itself");
        }
    }

    private static Path absolute(String argument, String value) {
        Path p;
        try {
            p = Path.of(value);
        } catch (InvalidPathException e) {
            throw StorageException.invalidArgument(argument, "'" + value + "' is not a valid path");
        }
        if (!p.isAbsolute()) {
            throw StorageException.invalidArgument(argument, "must be an absolute path, was '" + value + "'");
        }
        return p.normalize();
    }

    private static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }
}
