package io.unistore.mcp;

import io.unistore.StorageException;
import io.unistore.config.AccountsFile;
import io.unistore.config.ConfigException;
import io.unistore.ops.BackupSchedule;
import io.unistore.ops.JobRuns;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import tools.jackson.databind.JsonNode;

/**
 * Reads the {@code schedules} section (of the config file, or of the file {@code --schedule} names):
 *
 * <pre>
 * schedules:
 *   runsAccount: prod              # holds the runs table: leases and history (default: the only account)
 *   runsTable: unistoreschedule
 *   leaseSeconds: 300              # a dead server's run is taken over after this
 *   pollSeconds: 15                # how often the server looks for due runs
 *   jobs:
 *     orders-nightly: {cron: "0 2 * * *", action: backup-table, account: prod, table: orders,
 *                      backupContainer: backups, backupAccount: archive, incremental: true, keepDays: 30}
 *     logs-lifecycle: {cron: "0 3 * * *", action: apply-lifecycle, account: prod, container: logs,
 *                      policy: /etc/unistore/logs-policy.json}
 *     metrics-hourly: {cron: "0 * * * *", action: record-metrics, account: prod, historyTable: unistoremetrics}
 * </pre>
 *
 * <p>Every key is checked by name, every action's required settings named when missing.
 */
final class ScheduleConfig {
    private static final Set<String> SECTION_KEYS = Set.of("runsAccount", "runsTable", "leaseSeconds", "pollSeconds",
            "jobs");
    private static final Set<String> COMMON = Set.of("cron", "zone", "action", "account");
    /** Per action: its settings, required ones first in {@link #REQUIRED}. */
    private static final Map<String, Set<String>> SETTINGS = Map.of(
            "backup-table", Set.of("table", "backupContainer", "backupAccount", "backupRoot", "incremental",
                    "keepLast", "keepDays"),
            "backup-container", Set.of("container", "backupContainer", "backupAccount", "backupRoot", "prefix",
                    "incremental", "keepLast", "keepDays"),
            "apply-lifecycle", Set.of("container", "policy"),
            "record-metrics", Set.of("historyTable", "historyAccount", "container"));
    private static final Map<String, List<String>> REQUIRED = Map.of(
            "backup-table", List.of("table", "backupContainer"),
            "backup-container", List.of("container", "backupContainer"),
            "apply-lifecycle", List.of("container", "policy"),
            "record-metrics", List.of("historyTable"));

    private ScheduleConfig() {
    }

    /**
     * The section of a file ({@link ScheduleSpec#NONE} without one).
     *
     * @param accounts the served accounts' names
     * @throws ConfigException naming the key and the rule it breaks
     */
    static ScheduleSpec read(Path file, UnaryOperator<String> env, List<String> accounts) {
        JsonNode node = AccountsFile.root(file).get("schedules");
        if (node == null || node.isNull()) {
            return ScheduleSpec.NONE;
        }
        if (!node.isObject()) {
            throw new ConfigException("schedules: must be an object with 'jobs'");
        }
        AccountsFile.checkKeys(node, SECTION_KEYS, "schedules.");
        String runsAccount = AccountsFile.text(node.get("runsAccount"), "schedules.runsAccount", env);
        if (runsAccount == null) {
            if (accounts.size() != 1) {
                throw new ConfigException("schedules.runsAccount: is required with several accounts (one of "
                        + accounts + ")");
            }
            runsAccount = accounts.get(0);
        }
        account(runsAccount, "schedules.runsAccount", accounts);
        String table = AccountsFile.text(node.get("runsTable"), "schedules.runsTable", env);
        JsonNode leaseNode = node.get("leaseSeconds");
        if (leaseNode != null && (!leaseNode.isIntegralNumber() || leaseNode.asLong() < 15
                || leaseNode.asLong() > 86_400)) {
            throw new ConfigException("schedules.leaseSeconds: must be a whole number from 15 to 86400");
        }
        JsonNode poll = node.get("pollSeconds");
        if (poll != null && (!poll.isIntegralNumber() || poll.asLong() < 1 || poll.asLong() > 3600)) {
            throw new ConfigException("schedules.pollSeconds: must be a whole number from 1 to 3600");
        }
        JsonNode jobs = node.get("jobs");
        if (jobs == null || !jobs.isObject()) {
            throw new ConfigException("schedules.jobs: must map job names to {cron, action, account, ...}");
        }
        List<ScheduleSpec.Job> list = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : jobs.properties()) {
            list.add(job(e.getKey(), e.getValue(), env, accounts));
        }
        return new ScheduleSpec(runsAccount, table == null ? JobRuns.DEFAULT_TABLE : table,
                Duration.ofSeconds(leaseNode == null ? 300 : leaseNode.asLong()),
                Duration.ofSeconds(poll == null ? 15 : poll.asLong()), list);
    }

    private static ScheduleSpec.Job job(String name, JsonNode node, UnaryOperator<String> env, List<String> accounts) {
        String where = "schedules.jobs." + name;
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}")) {
            throw new ConfigException(where + ": job names are 1-63 letters, digits, '.', '_' or '-'");
        }
        if (!node.isObject()) {
            throw new ConfigException(where + ": must be an object with cron, action and account");
        }
        String action = AccountsFile.text(node.get("action"), where + ".action", env);
        if (action == null || !SETTINGS.containsKey(action)) {
            throw new ConfigException(where + ".action: must be one of " + SETTINGS.keySet().stream().sorted()
                    .toList());
        }
        Set<String> allowed = new HashSet<>(COMMON);
        allowed.addAll(SETTINGS.get(action));
        AccountsFile.checkKeys(node, allowed, where + ".");
        String cron = AccountsFile.text(node.get("cron"), where + ".cron", env);
        String zone = AccountsFile.text(node.get("zone"), where + ".zone", env);
        BackupSchedule schedule;
        try {
            schedule = BackupSchedule.parse(cron, zone == null ? ZoneId.of("UTC") : ZoneId.of(zone));
        } catch (StorageException e) {
            throw new ConfigException(where + "." + e.getMessage().replaceFirst("^\\[[A-Z_]+\\] ", ""));
        } catch (java.time.DateTimeException e) {
            throw new ConfigException(where + ".zone: '" + zone + "' is not a time zone (e.g. UTC, Europe/Paris)");
        }
        String account = AccountsFile.text(node.get("account"), where + ".account", env);
        if (account == null) {
            if (accounts.size() != 1) {
                throw new ConfigException(where + ".account: is required with several accounts (one of " + accounts
                        + ")");
            }
            account = accounts.get(0);
        }
        account(account, where + ".account", accounts);
        Map<String, String> settings = new LinkedHashMap<>();
        for (String key : SETTINGS.get(action)) {
            String value = AccountsFile.text(node.get(key), where + "." + key, env);
            if (value != null) {
                settings.put(key, value);
            }
        }
        for (String key : REQUIRED.get(action)) {
            if (!settings.containsKey(key)) {
                throw new ConfigException(where + "." + key + ": is required for " + action);
            }
        }
        for (String key : List.of("backupAccount", "historyAccount")) {
            if (settings.containsKey(key)) {
                account(settings.get(key), where + "." + key, accounts);
            }
        }
        for (String key : List.of("keepLast", "keepDays")) {
            if (settings.containsKey(key) && !settings.get(key).matches("[1-9][0-9]{0,4}")) {
                throw new ConfigException(where + "." + key + ": must be a whole number from 1 to 99999");
            }
        }
        if (settings.containsKey("incremental") && !settings.get("incremental").matches("true|false")) {
            throw new ConfigException(where + ".incremental: must be true or false");
        }
        return new ScheduleSpec.Job(name, schedule, action, account, settings);
    }

    private static void account(String name, String where, List<String> accounts) {
        if (!accounts.contains(name)) {
            throw new ConfigException(where + ": '" + name + "' is not a configured account (one of " + accounts + ")");
        }
    }
}
