package io.unistore.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The accounts file: YAML or JSON, secrets from the environment, typos refused by name. */
class ConfigFileTest {
    @TempDir
    Path dir;

    private List<AccountSpec> read(String text, Map<String, String> env) throws Exception {
        Path file = dir.resolve("accounts.yaml");
        Files.writeString(file, text);
        return ConfigFile.read(file, env::get);
    }

    @Test
    void readsAccountsPoliciesAndEnvironmentSecrets() throws Exception {
        List<AccountSpec> specs = read("""
                accounts:
                  prod:
                    address: "DefaultEndpointsProtocol=https;AccountName=a;AccountKey=${env:KEY}"
                    options: { provider: azure }
                    policy:
                      readOnly: true
                      containers: ["public-*"]
                      denyTools: ["delete-*"]
                  dev:
                    address: file:/tmp/x
                """, Map.of("KEY", "c2VjcmV0"));
        assertThat(specs).extracting(AccountSpec::name).containsExactly("prod", "dev");
        AccountSpec prod = specs.get(0);
        assertThat(prod.address()).endsWith("AccountKey=c2VjcmV0");
        assertThat(prod.toString()).doesNotContain("c2VjcmV0");
        assertThat(prod.options()).containsEntry("provider", "azure");
        assertThat(prod.policy().readOnly()).isTrue();
        assertThat(prod.policy().containers().matches("public-logs")).isTrue();
        assertThat(prod.policy().containers().matches("private")).isFalse();
        assertThat(prod.policy().denyTools().matches("delete-blob")).isTrue();
        assertThat(prod.policy().tables().matches("anything")).isTrue();
        assertThat(specs.get(1).policy()).isEqualTo(AccountPolicy.OPEN);
    }

    @Test
    void jsonWorksToo() throws Exception {
        assertThat(read("{\"accounts\": {\"a\": {\"address\": \"file:/tmp/a\"}}}", Map.of())).hasSize(1);
    }

    @Test
    void missingVariableIsNamedWithoutValues() {
        assertThatThrownBy(() -> read("accounts:\n  a:\n    address: \"x;AccountKey=${env:NOPE}\"\n", Map.of()))
                .hasMessage("accounts.a.address: environment variable NOPE is not set");
    }

    @Test
    void alertsAreReadAsThresholdsAndBadOnesRefusedByName() throws Exception {
        AccountSpec a = read("accounts:\n  a:\n    address: file:/x\n    alerts: {maxBytes: 1000, maxQueueDepth: 0, "
                + "maxShareUsedPercent: 90.5}\n", Map.of()).get(0);
        assertThat(a.alerts()).isEqualTo(new io.unistore.ops.MetricsThresholds(-1, 1000, 90.5, 0, -1));
        assertThat(read("accounts:\n  a:\n    address: file:/x\n", Map.of()).get(0).alerts())
                .isEqualTo(io.unistore.ops.MetricsThresholds.NONE);
        assertThatThrownBy(() -> read("accounts:\n  a:\n    address: file:/x\n    alerts: {maxByte: 1}\n",
                Map.of())).hasMessageStartingWith("accounts.a.alerts.maxByte: unknown key");
        assertThatThrownBy(() -> read("accounts:\n  a:\n    address: file:/x\n    alerts: {maxBytes: -5}\n",
                Map.of())).hasMessageStartingWith("accounts.a.alerts.maxBytes: must be a whole number");
        assertThatThrownBy(() -> read("accounts:\n  a:\n    address: file:/x\n    alerts: {maxObjects: \"9\"}\n",
                Map.of())).hasMessageStartingWith("accounts.a.alerts.maxObjects:");
        assertThatThrownBy(() -> read("accounts:\n  a:\n    address: file:/x\n    alerts: {maxShareUsedPercent: "
                + "101}\n", Map.of())).hasMessageStartingWith("accounts.a.alerts.maxShareUsedPercent:");
        assertThatThrownBy(() -> read("accounts:\n  a:\n    address: file:/x\n    alerts: [1]\n", Map.of()))
                .hasMessageStartingWith("accounts.a.alerts: must be an object");
    }

    private ScheduleSpec schedules(String section) throws Exception {
        Path file = dir.resolve("schedules.yaml");
        Files.writeString(file, "accounts:\n  a:\n    address: file:/x\n  b:\n    address: file:/y\n" + section);
        ConfigFile.read(file, Map.<String, String>of()::get); // the accounts file takes the section
        return ScheduleConfig.read(file, Map.<String, String>of()::get, List.of("a", "b"));
    }

    @Test
    void schedulesAreReadAndBadOnesRefusedByName() throws Exception {
        ScheduleSpec s = schedules("""
                schedules:
                  runsAccount: a
                  leaseSeconds: 60
                  jobs:
                    nightly: {cron: "0 2 * * *", zone: Europe/Paris, action: backup-table, account: b, table: orders,
                              backupContainer: backups, backupAccount: a, incremental: true, keepDays: 30}
                    hourly: {cron: "0 * * * *", action: record-metrics, account: a, historyTable: hist}
                """);
        assertThat(s.runsAccount()).isEqualTo("a");
        assertThat(s.runsTable()).isEqualTo("unistoreschedule");
        assertThat(s.lease()).hasSeconds(60);
        assertThat(s.poll()).hasSeconds(15);
        assertThat(s.jobs()).extracting(ScheduleSpec.Job::name).containsExactly("nightly", "hourly");
        assertThat(s.jobs().get(0).settings()).containsEntry("table", "orders").containsEntry("keepDays", "30");
        assertThat(s.jobs().get(0).schedule().zone()).hasToString("Europe/Paris");
        assertThat(schedules("").jobs()).isEmpty();
        String job = "schedules:\n  runsAccount: a\n  jobs:\n    j: ";
        assertThatThrownBy(() -> schedules(job + "{cron: '0 2 * *', action: record-metrics, account: a, "
                + "historyTable: h}\n")).hasMessageStartingWith("schedules.jobs.j.cron:");
        assertThatThrownBy(() -> schedules(job + "{cron: '0 2 * * *', action: format-disk, account: a}\n"))
                .hasMessageStartingWith("schedules.jobs.j.action: must be one of");
        assertThatThrownBy(() -> schedules(job + "{cron: '0 2 * * *', action: backup-table, account: a, "
                + "backupContainer: b}\n")).hasMessageStartingWith("schedules.jobs.j.table: is required");
        assertThatThrownBy(() -> schedules(job + "{cron: '0 2 * * *', action: record-metrics, account: c, "
                + "historyTable: h}\n")).hasMessageStartingWith("schedules.jobs.j.account: 'c' is not a configured");
        assertThatThrownBy(() -> schedules(job + "{cron: '0 2 * * *', action: record-metrics, account: a, "
                + "historyTable: h, table: t}\n")).hasMessageStartingWith("schedules.jobs.j.table: unknown key");
        assertThatThrownBy(() -> schedules(job + "{cron: '0 2 * * *', zone: Mars/Olympus, action: record-metrics, "
                + "account: a, historyTable: h}\n")).hasMessageStartingWith("schedules.jobs.j.zone:");
        assertThatThrownBy(() -> schedules("schedules:\n  jobs: {}\n"))
                .hasMessageStartingWith("schedules.runsAccount: is required with several accounts");
        assertThatThrownBy(() -> schedules("schedules:\n  runsAccount: a\n  leaseSeconds: 5\n  jobs: {}\n"))
                .hasMessageStartingWith("schedules.leaseSeconds:");
        assertThatThrownBy(() -> schedules("schedules:\n  runsAccount: a\n  every: 5\n  jobs: {}\n"))
                .hasMessageStartingWith("schedules.every: unknown key");
    }

    @Test
    void unknownKeysAreRefusedByName() {
        assertThatThrownBy(() -> read("accounts:\n  a:\n    address: file:/x\n    policy: { container: [a] }\n",
                Map.of())).hasMessageStartingWith("accounts.a.policy.container: unknown key");
        assertThatThrownBy(() -> read("accounts:\n  a:\n    adress: file:/x\n", Map.of()))
                .hasMessageStartingWith("accounts.a.adress: unknown key");
        assertThatThrownBy(() -> read("accounts: {}\n", Map.of())).hasMessageStartingWith("accounts:");
        assertThatThrownBy(() -> read("accounts:\n  a:\n    policy: {}\n", Map.of()))
                .hasMessageStartingWith("accounts.a.address: is required");
    }

    private TelemetrySpec telemetry(String text) throws Exception {
        Path file = dir.resolve("telemetry.yaml");
        Files.writeString(file, text + "\naccounts:\n  local:\n    address: file:/tmp/x\n");
        ConfigFile.read(file, Map.<String, String>of()::get);
        return ConfigFile.telemetry(file, Map.of("OTLP", "http://127.0.0.1:4318")::get);
    }

    @Test
    void readsTheTelemetrySectionAndRefusesABadOne() throws Exception {
        assertThat(telemetry("")).isEqualTo(TelemetrySpec.NONE);
        TelemetrySpec t = telemetry("telemetry: {exporter: otlp, endpoint: '${env:OTLP}', serviceName: svc, "
                + "exportIntervalSeconds: 5}");
        assertThat(t.endpoint()).isEqualTo("http://127.0.0.1:4318");
        assertThat(t.serviceName()).isEqualTo("svc");
        assertThat(t.exportInterval()).hasSeconds(5);
        assertThatThrownBy(() -> telemetry("telemetry: {exporter: zipkin}")).hasMessageContaining("telemetry.exporter");
        assertThatThrownBy(() -> telemetry("telemetry: {exporter: otlp}")).hasMessageContaining("telemetry.endpoint");
        assertThatThrownBy(() -> telemetry("telemetry: {exporter: otlp, endpoint: 'ftp://x'}"))
                .hasMessageContaining("telemetry.endpoint");
        assertThatThrownBy(() -> telemetry("telemetry: {exporter: none, endpoit: x}"))
                .hasMessageContaining("telemetry.endpoit");
        assertThatThrownBy(() -> telemetry("telemetry: {exporter: otlp, endpoint: 'http://h', "
                + "exportIntervalSeconds: 0}")).hasMessageContaining("telemetry.exportIntervalSeconds");
        TelemetrySpec azure = telemetry("telemetry: {exporter: azuremonitor, connectionString: "
                + "'InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:1/'}");
        assertThat(azure.connectionString()).startsWith("InstrumentationKey=");
        assertThat(azure.toString()).doesNotContain("InstrumentationKey");
        assertThatThrownBy(() -> telemetry("telemetry: {exporter: azuremonitor}"))
                .hasMessageContaining("telemetry.connectionString");
        assertThatThrownBy(() -> telemetry("telemetry: {exporter: azuremonitor, connectionString: CANARY-secret}"))
                .hasMessageContaining("telemetry.connectionString").message().doesNotContain("CANARY");
        assertThatThrownBy(() -> telemetry("telemetry: {exporter: otlp, endpoint: 'http://h', connectionString: "
                + "'InstrumentationKey=x'}")).hasMessageContaining("telemetry.connectionString");
    }
}
