package io.unistore.cli;

import io.unistore.ErrorCode;
import io.unistore.StorageException;
import io.unistore.blob.BlobProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.NavigableMap;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cp}: copies a file, a blob, or with -r a directory or prefix, between local files and any account. */
@Command(name = "cp", description = {"Copies SOURCE to TARGET: local ↔ any account, or between accounts (server-side "
        + "where the services can, else streamed through this machine; verified by MD5 either way).",
    "A single object goes to TARGET, or into it when TARGET is a directory or ends with '/'. With -r the contents "
            + "of SOURCE (a directory or prefix) go under TARGET with the same relative names. Between accounts, "
            + "objects the target already holds with the same size and MD5 are skipped (--no-skip copies them)."})
final class CpCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "SOURCE")
    String source;

    @Parameters(index = "1", paramLabel = "TARGET")
    String target;

    @Option(names = {"-r", "--recursive"}, description = "Copy a directory or everything under a prefix.")
    boolean recursive;

    @Mixin
    FilterOptions filters;

    @Option(names = "--transfers", paramLabel = "N", defaultValue = "16",
            description = "Objects in flight (default ${DEFAULT-VALUE}).")
    int transfers;

    @Option(names = "--no-skip", description = "Between accounts, copy even objects the target holds already.")
    boolean noSkip;

    @Mixin
    DistributedOptions distributed;

    @Override
    int run(Session session, Output output) throws InterruptedException {
        Location src = Location.parse(source);
        Location dst = Location.parse(target);
        Transfer transfer = new Transfer(session, output, transfers, !noSkip);
        if (distributed.on()) {
            if (!recursive) {
                throw CliException.usage("--workers applies with -r between accounts");
            }
            return DistributedCp.run(session, output, globals, distributed, src, dst, filters.filter()::matches,
                    transfers, !noSkip);
        }
        TransferResult result;
        if (recursive) {
            NameFilter filter = filters.filter();
            // Between accounts storage-ops lists the source itself (and says when its container is missing).
            NavigableMap<String, Tree.Entry> items = src.isLocal() || dst.isLocal()
                    ? new Sides(session).source(src, filter, false) : new TreeMap<>();
            result = transfer.tree(src, dst, items, filter::matches);
        } else {
            if (filters.given()) {
                throw CliException.usage("--include and --exclude apply with -r only");
            }
            Tree.Entry entry = single(session, src);
            result = transfer.single(src, entry, into(dst, entry.name()));
        }
        return Report.transfer(output, result);
    }

    private static Tree.Entry single(Session session, Location src) {
        if (src.isLocal()) {
            try {
                BasicFileAttributes a = Files.readAttributes(src.local(), BasicFileAttributes.class);
                if (a.isDirectory()) {
                    throw CliException.usage(src + " is a directory; add -r to copy what it holds");
                }
                return new Tree.Entry(src.baseName(), a.size(), a.lastModifiedTime().toInstant(), null);
            } catch (IOException e) {
                throw new CliException(Exit.NOT_FOUND, "no file " + src + " (" + e.getMessage() + ")");
            }
        }
        try {
            BlobProperties p = session.account(src).blobs().getProperties(src.requireContainer("container"),
                    src.requireObject());
            return new Tree.Entry(src.baseName(), p.size(), p.lastModified(), null);
        } catch (StorageException e) {
            if (e.code() == ErrorCode.NOT_FOUND) {
                throw new CliException(Exit.NOT_FOUND, "no blob " + src + "; to copy everything under "
                        + src + "/ add -r");
            }
            throw e;
        }
    }

    /** Where a single object goes: into TARGET when it is a directory (or ends with '/'), else TARGET itself. */
    private static Location into(Location dst, String baseName) {
        if (dst.isLocal()) {
            return Files.isDirectory(dst.local()) || dst.local().toString().endsWith("/")
                    ? new Location(null, null, null, dst.local().resolve(baseName)) : dst;
        }
        dst.requireContainer("container");
        return dst.path().isEmpty() || dst.path().endsWith("/") ? dst.withPath(dst.dirPrefix() + baseName) : dst;
    }
}
