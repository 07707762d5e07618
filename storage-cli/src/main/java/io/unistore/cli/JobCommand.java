package io.unistore.cli;

import io.unistore.ops.CopyJobStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code job status|rm}: a distributed copy job's progress, read from its table; or its removal. */
@Command(name = "job", description = "A distributed copy job (cp --workers): status JOB prints its progress from "
        + "the table; rm JOB deletes its queue and rows.")
final class JobCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "status|rm")
    String action;

    @Parameters(index = "1", paramLabel = "JOB")
    String job;

    @Mixin
    JobOptions jobOptions;

    @Override
    int run(Session session, Output output) {
        if (jobOptions.queue == null) {
            throw CliException.usage("--queue: name the account that coordinates job " + job);
        }
        switch (action) {
            case "status" -> {
                CopyJobStatus s = jobOptions.jobs(session).status(job);
                output.result(s, describe(s));
                return "failed".equals(s.state()) ? Exit.FAILED : Exit.OK;
            }
            case "rm" -> {
                boolean gone = jobOptions.jobs(session).delete(job);
                output.result(java.util.Map.of("deleted", gone), gone ? "deleted job " + job : "no job " + job);
                return gone ? Exit.OK : Exit.NOT_FOUND;
            }
            default -> throw CliException.usage("job: expected status or rm, got '" + action + "'");
        }
    }

    /** One line people read. */
    static String describe(CopyJobStatus s) {
        return String.format(java.util.Locale.ROOT, "job %s %s: %d/%d items done, %d failed, %d in work; "
                        + "%d/%d objects (%d copied, %d unchanged, %d verified, %d failed), %s copied; %d attempts by %d "
                        + "workers", s.jobId(), s.state(), s.itemsDone(), s.items(), s.itemsFailed(), s.itemsWorking(),
                s.copied() + s.unchanged() + s.vanished(), s.objects(), s.copied(), s.unchanged(), s.verified(),
                s.failed(), Sizes.human(s.bytesCopied()), s.attempts(), s.workers().size());
    }
}
