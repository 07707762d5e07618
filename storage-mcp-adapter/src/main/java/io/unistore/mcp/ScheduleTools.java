package io.unistore.mcp;

import static io.unistore.mcp.ToolSchema.anyObject;
import static io.unistore.mcp.ToolSchema.array;
import static io.unistore.mcp.ToolSchema.integer;

import io.unistore.Capability;
import io.unistore.ops.JobRuns;
import io.unistore.ops.ScheduledRun;
import java.util.List;
import java.util.Map;

/** list-scheduled-runs: the history of scheduled jobs, read from their runs table (shared by every server). */
final class ScheduleTools implements ToolProvider {
    @Override
    public List<McpTool> tools() {
        return List.of(listScheduledRuns());
    }

    private static McpTool listScheduledRuns() {
        return McpTool.builder("list-scheduled-runs").title("List scheduled runs").readOnly()
                .requires(Capability.TABLES)
                .touches(Touch.reads(NameKind.TABLE, "table"))
                .description("The runs of the jobs of the 'schedules' config (backups, lifecycle applications, "
                        + "metrics recordings), newest due time first, from the runs table of the account holding "
                        + "it (schedules.runsAccount): job, due, start, end, outcome (RUNNING, SUCCEEDED, FAILED), "
                        + "summary, owner (the server that ran it) and attempt (above 1 when a server took over a run "
                        + "whose holder died). Every server with the same schedules shares the table, so this lists "
                        + "all of them.")
                .input(ToolSchema.object().required("table", ToolSchema.name("The runs table (schedules.runsTable, "
                                + "default " + JobRuns.DEFAULT_TABLE + ")"))
                        .optional("job", ToolSchema.name("Only this job"))
                        .optional("limit", integer("Most runs to list (default 50)", 1, 1000)).build())
                .output(ToolSchema.object().required("runs", array("Runs, newest first", anyObject("ScheduledRun")))
                        .build())
                .handler(call -> {
                    List<ScheduledRun> runs = new JobRuns(call.account(), call.table("table"))
                            .list(call.optionalString("job"), call.integer("limit", 50));
                    return Map.of("runs", runs.stream().map(InsightTools::tree).toList());
                }).build();
    }
}
