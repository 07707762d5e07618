package io.unistore.cli;

import io.unistore.blob.BlobProperties;
import io.unistore.blob.BlobStore;
import io.unistore.blob.ContainerInfo;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code stat}: the properties of a blob or a container. */
@Command(name = "stat", description = "Prints the properties of a blob (ACCOUNT:container/blob) or a container "
        + "(ACCOUNT:container).")
final class StatCommand extends BaseCommand {
    @Parameters(paramLabel = "ACCOUNT:container[/blob]")
    String where;

    @Override
    int run(Session session, Output output) {
        Location at = Location.parse(where);
        if (at.isLocal()) {
            throw CliException.usage(where + " is a local path; give ACCOUNT:container[/blob]");
        }
        BlobStore blobs = session.account(at).blobs();
        String container = at.requireContainer("container");
        if (at.path().isEmpty()) {
            ContainerInfo c = blobs.getContainerProperties(container);
            output.result(c, "container:     " + c.name() + "\nlastModified:  " + c.lastModified()
                    + "\nmetadata:      " + c.metadata());
            return Exit.OK;
        }
        BlobProperties p = blobs.getProperties(container, at.requireObject());
        if (output.json()) {
            output.json(p);
            return Exit.OK;
        }
        StringBuilder sb = new StringBuilder();
        Map<String, Object> fields = new java.util.LinkedHashMap<>();
        fields.put("name", p.name());
        fields.put("size", p.size() + " (" + Sizes.human(p.size()) + ")");
        fields.put("contentType", p.contentType());
        fields.put("contentMd5", p.contentMd5());
        fields.put("etag", p.etag());
        fields.put("lastModified", p.lastModified());
        fields.put("tier", p.tierName() != null ? p.tierName() : p.tier());
        fields.put("metadata", p.metadata());
        fields.forEach((k, v) -> {
            if (v != null) {
                sb.append(String.format("%-14s %s%n", k + ":", v));
            }
        });
        output.out().print(sb);
        return Exit.OK;
    }
}
