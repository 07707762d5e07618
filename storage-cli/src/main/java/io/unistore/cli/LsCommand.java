package io.unistore.cli;

import io.unistore.blob.BlobItem;
import io.unistore.blob.BlobProperties;
import io.unistore.blob.BlobStore;
import io.unistore.blob.ContainerInfo;
import io.unistore.blob.ListBlobsOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ls}: accounts, containers of an account, or blobs under a prefix. */
@Command(name = "ls", description = {"Lists the accounts (no argument), the containers of ACCOUNT:, or the blobs "
        + "of ACCOUNT:container[/prefix] (one level; -R for everything below)."})
final class LsCommand extends BaseCommand {
    @Parameters(arity = "0..1", paramLabel = "ACCOUNT:[container[/prefix]]")
    String where;

    @Option(names = {"-l", "--long"}, description = "Size, last modified and name.")
    boolean longFormat;

    @Option(names = {"-R", "--recursive"}, description = "Everything under the prefix, not one level.")
    boolean recursive;

    @Option(names = {"-H", "--human"}, description = "Sizes as 1.5 KiB, 3.2 GiB.")
    boolean human;

    /** One line of the listing (the --json output is a list of them). */
    record Item(String name, String type, Long size, Instant lastModified, String contentType) {
    }

    @Override
    int run(Session session, Output output) {
        List<Item> items = new ArrayList<>();
        if (where == null) {
            for (String name : session.names()) {
                items.add(new Item(name, "account", null, null, null));
            }
            print(output, items);
            return Exit.OK;
        }
        Location at = Location.parse(where);
        if (at.isLocal()) {
            throw CliException.usage(where + " is a local path; name an account as ACCOUNT: or ACCOUNT:container "
                    + "(accounts: " + String.join(", ", session.names()) + ")");
        }
        BlobStore blobs = session.account(at).blobs();
        if (at.container().isEmpty()) {
            for (ContainerInfo c : blobs.listContainers()) {
                items.add(new Item(c.name(), "container", null, c.lastModified(), null));
            }
        } else {
            if (!blobs.containerExists(at.container())) {
                throw new CliException(Exit.NOT_FOUND, "no container '" + at.container() + "' in account '"
                        + at.account() + "'; 'unistore ls " + at.account() + ":' lists its containers");
            }
            ListBlobsOptions options = ListBlobsOptions.defaults().withPrefix(at.path().isEmpty() ? null : at.path())
                    .withDelimiter(recursive ? null : "/").withPageSize(1000);
            for (BlobItem b : blobs.list(at.container(), options)) {
                if (b.prefix()) {
                    items.add(new Item(b.name(), "prefix", null, null, null));
                } else {
                    BlobProperties p = b.properties();
                    items.add(new Item(p.name(), "blob", p.size(), p.lastModified(), p.contentType()));
                }
            }
        }
        print(output, items);
        return Exit.OK;
    }

    private void print(Output output, List<Item> items) {
        if (output.json()) {
            output.json(items);
            return;
        }
        for (Item i : items) {
            if (!longFormat) {
                output.line(i.name());
            } else {
                String size = i.size() == null ? "-" : human ? Sizes.human(i.size()) : Long.toString(i.size());
                String when = i.lastModified() == null ? "-" : i.lastModified().toString();
                output.line(String.format("%12s  %-30s  %s", size, when, i.name()));
            }
        }
    }
}
