package io.unistore.cli;

import io.unistore.blob.BlobStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code cat}: writes blobs to stdout. */
@Command(name = "cat", description = "Writes the content of one or more blobs to stdout, in order.")
final class CatCommand extends BaseCommand {
    @Parameters(arity = "1..*", paramLabel = "ACCOUNT:container/blob")
    java.util.List<String> objects;

    @Override
    int run(Session session, Output output) {
        for (String text : objects) {
            Location at = Location.parse(text);
            if (at.isLocal()) {
                throw CliException.usage(text + " is a local path; give ACCOUNT:container/blob");
            }
            BlobStore blobs = session.account(at).blobs();
            blobs.download(at.requireContainer("container"), at.requireObject(), output.out(),
                    io.unistore.blob.ReadOptions.defaults());
        }
        output.out().flush();
        return Exit.OK;
    }
}
