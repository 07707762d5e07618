package io.unistore.cli;

import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code mb}: makes a container. */
@Command(name = "mb", description = "Makes a container (ACCOUNT:container). An existing one is left as it is.")
final class MbCommand extends BaseCommand {
    @Parameters(paramLabel = "ACCOUNT:container")
    String where;

    @Override
    int run(Session session, Output output) {
        Location at = Location.parse(where);
        if (at.isLocal() || !at.path().isEmpty()) {
            throw CliException.usage(where + ": give ACCOUNT:container (containers have no sub-paths)");
        }
        boolean created = session.account(at).blobs().createContainerIfNotExists(at.requireContainer("container"));
        output.result(Map.of("container", at.toString(), "created", created), null);
        output.note(created ? "made " + at : at + " exists already");
        return Exit.OK;
    }
}
