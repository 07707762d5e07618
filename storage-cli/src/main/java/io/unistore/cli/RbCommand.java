package io.unistore.cli;

import io.unistore.blob.BlobStore;
import io.unistore.blob.ListBlobsOptions;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rb}: removes a container. */
@Command(name = "rb", description = "Removes a container. One that holds blobs is refused unless --force.")
final class RbCommand extends BaseCommand {
    @Parameters(paramLabel = "ACCOUNT:container")
    String where;

    @Option(names = "--force", description = "Remove it with every blob it holds.")
    boolean force;

    @Override
    int run(Session session, Output output) {
        Location at = Location.parse(where);
        if (at.isLocal() || !at.path().isEmpty()) {
            throw CliException.usage(where + ": give ACCOUNT:container");
        }
        BlobStore blobs = session.account(at).blobs();
        String container = at.requireContainer("container");
        if (!blobs.containerExists(container)) {
            throw new CliException(Exit.NOT_FOUND, "no container '" + container + "' in account '" + at.account()
                    + "'");
        }
        if (!force && blobs.list(container, ListBlobsOptions.defaults().withPageSize(1)).iterator().hasNext()) {
            throw new CliException(Exit.FAILED, at + " is not empty; remove its blobs first (unistore rm -r " + at
                    + "/) or add --force");
        }
        blobs.deleteContainer(container);
        output.result(Map.of("container", at.toString(), "removed", true), null);
        output.note("removed " + at);
        return Exit.OK;
    }
}
