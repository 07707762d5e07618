package io.unistore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.StorageAccount;
import io.unistore.Unistore;
import io.unistore.blob.BlobItem;
import io.unistore.blob.BlobProperties;
import io.unistore.blob.ListBlobsOptions;
import io.unistore.ops.CopyJobStatus;
import io.unistore.ops.Digests;
import io.unistore.ops.DistributedCopy;
import io.unistore.table.TableEntity;
import io.unistore.table.TableQuery;
import io.unistore.testsupport.azurite.Azurite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code unistore cp -r --workers 3} with worker processes killed by SIGKILL while they hold items (up to three
 * times, as long as the job runs), on the local
 * provider and on Azurite: the coordinator replaces them, their items come back after the 2 s lease and are redone,
 * and at the end the job is complete and every object is at the target with the source's MD5.
 */
class CliDistributedIT {
    private static final int OBJECTS = 180;
    private static final Pattern JOB = Pattern.compile("job ([a-z0-9]+):");

    @TempDir
    Path dir;

    @Test
    void localWorkersKilledMidItemLoseNothing() throws Exception {
        Launcher unistore = new Launcher(dir, Map.of());
        try (StorageAccount account = Unistore.open(dir.resolve("unistore-data").toString())) {
            fill(account, "src");
            runKilling(unistore, account, "local:src", "local:dst", account, "dst");
        }
    }

    @Test
    void azuriteWorkersKilledMidItemLoseNothing() throws Exception {
        Azurite azurite = Azurite.shared();
        Files.writeString(dir.resolve("accounts.json"), JsonMapper.shared().writeValueAsString(Map.of("accounts",
                Map.of("az", Map.of("address", "${env:UNISTORE_TEST_AZ}")))));
        String connection = azurite.connectionString(Azurite.SECOND_ACCOUNT);
        Launcher unistore = new Launcher(dir, Map.of("UNISTORE_CONFIG", dir.resolve("accounts.json").toString(),
                "UNISTORE_TEST_AZ", connection));
        try (StorageAccount account = Unistore.open(connection)) {
            fill(account, "dsrc");
            try {
                runKilling(unistore, account, "az:dsrc", "az:ddst", account, "ddst");
            } finally {
                account.blobs().deleteContainer("dsrc");
                account.blobs().deleteContainer("ddst");
            }
        }
    }

    @Test
    void syncWithWorkersCopiesWhatDiffersThenDeletesWhatTheSourceLacks() throws Exception {
        Launcher unistore = new Launcher(dir, Map.of());
        try (StorageAccount account = Unistore.open(dir.resolve("unistore-data").toString())) {
            account.blobs().createContainer("ssrc");
            account.blobs().createContainer("sdst");
            Random random = new Random(5);
            for (int i = 0; i < 40; i++) {
                byte[] content = new byte[200 + random.nextInt(800)];
                random.nextBytes(content);
                account.blobs().upload("ssrc", "in/o-" + i, content);
                if (i < 30) {
                    // written after the source: the same and not older, so left alone
                    account.blobs().upload("sdst", "o-" + i, content);
                } else if (i < 35) {
                    account.blobs().upload("sdst", "o-" + i, new byte[content.length + 1]);
                }
            }
            for (int i = 0; i < 3; i++) {
                account.blobs().upload("sdst", "extra-" + i, new byte[] {1});
            }
            tools.jackson.databind.JsonNode r = CliLocalIT.json(unistore.run("sync", "--workers", "2", "--batch", "3",
                    "--lease", "5s", "--delete", "--json", "local:ssrc/in", "local:sdst"));
            assertThat(r.get("toCopy")).hasSize(10);
            assertThat(r.get("copy").isNull()).isTrue();
            assertThat(r.get("job").get("state").asString()).isEqualTo("complete");
            assertThat(r.get("job").get("copied").asLong()).isEqualTo(10);
            assertThat(r.get("job").get("verified").asLong()).isEqualTo(10);
            assertThat(r.get("job").get("items").asLong()).isEqualTo(4);
            assertThat(r.get("deleted").toString()).isEqualTo("[\"extra-0\",\"extra-1\",\"extra-2\"]");
            Map<String, String> source = new TreeMap<>();
            md5s(account, "ssrc").forEach((k, v) -> source.put(k.substring("in/".length()), v));
            assertThat(md5s(account, "sdst")).isEqualTo(source);

            tools.jackson.databind.JsonNode again = CliLocalIT.json(unistore.run("sync", "--workers", "2", "--json",
                    "local:ssrc/in", "local:sdst"));
            assertThat(again.get("toCopy")).isEmpty();
            assertThat(again.get("job").isNull()).isTrue();
            CliLocalIT.assertCleanError(unistore.run("sync", "--workers", "0", "local:ssrc/in", "local:sdst"),
                    2, "--workers", "cp -r --workers 0");
        }
    }

    private static void fill(StorageAccount account, String container) {
        account.blobs().createContainerIfNotExists(container);
        Random random = new Random(container.hashCode());
        for (int i = 0; i < OBJECTS; i++) {
            byte[] content = new byte[500 + random.nextInt(3000)];
            random.nextBytes(content);
            account.blobs().upload(container, "d" + (i % 4) + "/o-" + i, content);
        }
    }

    private void runKilling(Launcher unistore, StorageAccount coordination, String from, String to,
                            StorageAccount target, String targetContainer) throws Exception {
        Path out = dir.resolve("cp.out");
        Path err = dir.resolve("cp.err");
        long start = System.nanoTime();
        Process cp = unistore.spawn(out, err, "cp", "-r", "--workers", "3", "--batch", "6", "--lease", "2s",
                "--transfers", "4", from, to);
        DistributedCopy jobs = DistributedCopy.on(coordination);
        String job = jobId(err, cp);
        Random random = new Random();
        List<Long> killed = new ArrayList<>();
        int midItem = 0;
        // Kill a worker that holds an item, three times, while the job runs. A worker can finish its item between
        // the look at the table and the kill: only a kill after which its item is still "working" in the table
        // (no one else can take it before the lease runs out) counts as one mid-item.
        while (midItem < 3 && killed.size() < 6 && cp.isAlive()) {
            Optional<ProcessHandle> victim = holdingAnItem(coordination, job, cp, random);
            if (victim.isPresent() && !jobs.status(job).finished()) {
                victim.get().destroyForcibly();
                victim.get().onExit().get(10, TimeUnit.SECONDS);
                killed.add(victim.get().pid());
                if (stillHolding(coordination, job, victim.get().pid())) {
                    midItem++;
                }
                Thread.sleep(100 + random.nextInt(300));
            } else {
                Thread.sleep(20);
            }
        }
        assertThat(cp.waitFor(90, TimeUnit.SECONDS)).as("cp --workers 3 finished").isTrue();
        String stderr = Files.readString(err);
        assertThat(cp.exitValue()).as(stderr + Files.readString(out)).isZero();
        // Up to three kills mid-item: on a fast machine the job can end before a third worker holds an item.
        assertThat(midItem).as("kills mid-item of %s: %s", killed, stderr).isPositive();
        // Every worker killed mid-item is replaced (the job cannot end before its item comes back); one killed
        // just after its last item may not be, when the job ends first.
        int replaced = stderr.split("exited with code 137; started another", -1).length - 1;
        assertThat(replaced).as(stderr).isBetween(midItem, killed.size());

        CopyJobStatus status = jobs.status(job);
        assertThat(status.state()).isEqualTo("complete");
        assertThat(status.objects()).isEqualTo(OBJECTS);
        assertThat(status.itemsDone()).isEqualTo(status.items()).isEqualTo(OBJECTS / 6);
        assertThat(status.failed()).isZero();
        assertThat(status.verified()).isEqualTo(OBJECTS);
        assertThat(status.attempts()).as("each item of a worker killed mid-item redone")
                .isGreaterThanOrEqualTo(status.items() + midItem);
        Map<String, String> source = md5s(coordination, from.substring(from.indexOf(':') + 1));
        Map<String, String> copied = md5s(target, targetContainer);
        assertThat(source).hasSize(OBJECTS).doesNotContainValue(null);
        assertThat(copied).isEqualTo(source);
        System.out.printf("distributed cp with %d kills (%d mid-item): %d items, %d attempts, %.1f s%n",
                killed.size(), midItem, status.items(), status.attempts(), (System.nanoTime() - start) / 1e9);
        jobs.delete(job);
    }

    /** Whether an item of the job is still "working" under the worker with this process id. */
    private static boolean stillHolding(StorageAccount coordination, String job, long pid) {
        for (TableEntity row : coordination.tables().query(DistributedCopy.DEFAULT_TABLE,
                TableQuery.where("PartitionKey eq '" + job + "'"))) {
            String worker = row.getString("Worker");
            if ("working".equals(row.getString("State")) && worker != null && worker.endsWith("/" + pid)) {
                return true;
            }
        }
        return false;
    }

    /** The worker process (a child of the cp process) that holds an item now, if any. */
    private static Optional<ProcessHandle> holdingAnItem(StorageAccount coordination, String job, Process cp, Random random) {
        Map<Long, ProcessHandle> children = new TreeMap<>();
        cp.toHandle().descendants().filter(ProcessHandle::isAlive).forEach(p -> children.put(p.pid(), p));
        List<ProcessHandle> holding = new ArrayList<>();
        for (TableEntity row : coordination.tables().query(DistributedCopy.DEFAULT_TABLE,
                TableQuery.where("PartitionKey eq '" + job + "'"))) {
            String worker = row.getString("Worker");
            if ("working".equals(row.getString("State")) && worker != null) {
                ProcessHandle p = children.get(Long.parseLong(worker.substring(worker.lastIndexOf('/') + 1)));
                if (p != null) {
                    holding.add(p);
                }
            }
        }
        return holding.isEmpty() ? Optional.empty() : Optional.of(holding.get(random.nextInt(holding.size())));
    }

    private static String jobId(Path err, Process cp) throws Exception {
        long until = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < until) {
            Matcher m = JOB.matcher(Files.readString(err));
            if (m.find()) {
                return m.group(1);
            }
            if (!cp.isAlive()) {
                break;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no job id from cp: " + Files.readString(err));
    }

    private static Map<String, String> md5s(StorageAccount account, String container) {
        Map<String, String> out = new TreeMap<>();
        for (BlobItem item : account.blobs().list(container, ListBlobsOptions.defaults())) {
            BlobProperties p = account.blobs().getProperties(container, item.name());
            out.put(item.name(), Digests.md5Of(p));
        }
        return out;
    }
}
