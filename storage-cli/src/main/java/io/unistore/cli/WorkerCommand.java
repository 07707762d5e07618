package io.unistore.cli;

import io.unistore.ops.CopyJobWorkResult;
import io.unistore.ops.DistributedCopy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code worker}: joins a distributed copy job from any machine and works on it until every item has ended. */
@Command(name = "worker", description = {"Joins distributed copy job JOB (from cp --workers) and copies its items "
        + "until every item has ended; run it on as many machines as you like.",
    "The machine needs the job's source and target accounts under the same names (in its accounts file) and "
            + "the coordinating account (--queue). A worker killed mid-item loses nothing: the item reappears "
            + "after its lease and another worker redoes it."})
final class WorkerCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "JOB")
    String job;

    @Mixin
    JobOptions jobOptions;

    @Option(names = "--name", paramLabel = "NAME", description = "This worker's name in the progress table "
            + "(default: host/pid).")
    String name;

    @Override
    int run(Session session, Output output) {
        if (jobOptions.queue == null) {
            throw CliException.usage("--queue: name the account that coordinates job " + job);
        }
        DistributedCopy jobs = jobOptions.jobs(session);
        String me = name != null ? name : defaultName();
        CopyJobWorkResult r = jobs.work(job, me, session::account);
        output.result(r, String.format(java.util.Locale.ROOT, "%s: %d items, %d copied (%s), %d unchanged, "
                        + "%d failed; job %s", me, r.items(), r.copied(), Sizes.human(r.bytesCopied()), r.unchanged(),
                r.failed(), r.job() == null ? "deleted" : r.job().state()));
        return r.job() != null && "failed".equals(r.job().state()) ? Exit.FAILED : Exit.OK;
    }

    static String defaultName() {
        String host = System.getenv("HOSTNAME");
        return (host == null || host.isBlank() ? "host" : host) + "/" + ProcessHandle.current().pid();
    }
}
