package io.unistore.cli;

import io.unistore.StorageAccount;
import io.unistore.ops.DistributedCopy;
import picocli.CommandLine.Option;

/** Where distributed copy jobs are coordinated: {@code --queue ACCOUNT} and {@code --table NAME}. */
final class JobOptions {
    @Option(names = "--queue", paramLabel = "ACCOUNT",
            description = "The account whose queues and table coordinate the job (Azure Storage, the local provider, "
                    + "AWS with SQS and DynamoDB). Default for cp: the target account, else the source's.")
    String queue;

    @Option(names = "--table", paramLabel = "NAME", defaultValue = DistributedCopy.DEFAULT_TABLE,
            description = "The progress table (default ${DEFAULT-VALUE}).")
    String table;

    /** The jobs of the {@code --queue} account, or of the first of {@code fallbacks} that has queues and tables. */
    DistributedCopy jobs(Session session, String... fallbacks) {
        if (queue != null) {
            return DistributedCopy.on(session.account(queue)).withTable(table);
        }
        for (String name : fallbacks) {
            StorageAccount a = session.account(name);
            if (a.capabilities().has(io.unistore.Capability.QUEUES)
                    && a.capabilities().has(io.unistore.Capability.TABLES)) {
                queue = name;
                return DistributedCopy.on(a).withTable(table);
            }
        }
        throw CliException.usage("--queue: name the account whose queues and tables coordinate the job"
                + (fallbacks.length == 0 ? "" : " (neither the target nor the source account has both)"));
    }
}
