package io.unistore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every command through bin/unistore on a fresh directory with no config: the account 'local' is the local
 * provider on ./unistore-data. Stdout and stderr are pipes, so no progress bar may appear.
 */
class CliLocalIT {
    static final JsonMapper JSON = JsonMapper.shared();

    @TempDir
    Path dir;
    Launcher unistore;

    @BeforeEach
    void setUp() throws Exception {
        unistore = new Launcher(dir, Map.of());
        Path src = Files.createDirectories(dir.resolve("src/sub"));
        Files.writeString(src.resolve("../a.txt"), "alpha");
        Files.writeString(src.resolve("b.jpg"), "bravo-bytes");
        Files.writeString(src.resolve("../skip.tmp"), "temporary");
    }

    static JsonNode json(Launcher.Run run) {
        assertThat(run.exit()).as(run.toString()).isZero();
        return JSON.readTree(run.out());
    }

    static List<String> names(JsonNode ls) {
        List<String> names = new ArrayList<>();
        ls.forEach(n -> names.add(n.get("name").asString()));
        return names;
    }

    static void assertCleanError(Launcher.Run run, int exit, String... fragments) {
        assertThat(run.exit()).as(run.toString()).isEqualTo(exit);
        assertThat(run.err()).as(run.toString()).startsWith("unistore: ").contains(fragments)
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(run.err().strip().lines()).as(run.toString()).hasSize(1);
    }

    @Test
    void blobsOnAFreshMachine() throws Exception {
        assertThat(unistore.run("mb", "local:photos").exit()).isZero();
        assertThat(dir.resolve("unistore-data")).isDirectory();

        Launcher.Run cp = unistore.run("cp", "-r", "--exclude", "*.tmp", "src", "local:photos/dir");
        assertThat(cp.exit()).as(cp.toString()).isZero();
        assertThat(cp.err()).contains("2 copied").doesNotContain("%"); // a summary, no progress bar in a pipe
        assertThat(names(json(unistore.run("ls", "-R", "--json", "local:photos"))))
                .containsExactly("dir/a.txt", "dir/sub/b.jpg");
        assertThat(unistore.run("ls", "local:photos/dir/").out().lines()).containsExactly("dir/a.txt", "dir/sub/");
        assertThat(unistore.run("ls", "-l", "-H", "local:photos/dir/").out()).contains("5 B").contains("dir/a.txt");
        assertThat(unistore.run("cat", "local:photos/dir/a.txt", "local:photos/dir/sub/b.jpg").out())
                .isEqualTo("alphabravo-bytes");
        assertThat(json(unistore.run("stat", "--json", "local:photos/dir/a.txt")).get("size").asLong()).isEqualTo(5);

        // check: equal, then one object with the same size and other content differs (by MD5), exit 4.
        assertThat(unistore.run("check", "--exclude", "*.tmp", "src", "local:photos/dir").exit()).isZero();
        Files.writeString(dir.resolve("src/a.txt"), "ALPHA");
        Files.writeString(dir.resolve("src/new.txt"), "new");
        Launcher.Run check = unistore.run("check", "--exclude", "*.tmp", "src", "local:photos/dir");
        assertThat(check.exit()).as(check.toString()).isEqualTo(4);
        assertThat(check.out().lines()).containsExactly("missing on target: new.txt", "differs: a.txt");

        // sync by checksum copies exactly those two; a second sync has nothing to do.
        JsonNode sync = json(unistore.run("sync", "--checksum", "--json", "--exclude", "*.tmp", "src",
                "local:photos/dir"));
        assertThat(sync.get("toCopy").toString()).isEqualTo("[\"a.txt\",\"new.txt\"]");
        assertThat(sync.get("copy").get("copied").asLong()).isEqualTo(2);
        assertThat(json(unistore.run("sync", "--json", "--exclude", "*.tmp", "src", "local:photos/dir"))
                .get("toCopy")).isEmpty();

        // --delete with --dry-run changes nothing; without it the extra blob goes.
        Files.delete(dir.resolve("src/new.txt"));
        Launcher.Run dry = unistore.run("sync", "--delete", "--dry-run", "--exclude", "*.tmp", "src",
                "local:photos/dir");
        assertThat(dry.out().lines()).containsExactly("would delete new.txt");
        assertThat(unistore.run("cat", "local:photos/dir/new.txt").out()).isEqualTo("new");
        assertThat(json(unistore.run("sync", "--delete", "--json", "--exclude", "*.tmp", "src", "local:photos/dir"))
                .get("deleted").toString()).isEqualTo("[\"new.txt\"]");
        assertThat(unistore.run("check", "--exclude", "*.tmp", "src", "local:photos/dir").exit()).isZero();

        // Down again: a prefix into a directory, one blob into a directory; between containers server-side.
        assertThat(unistore.run("cp", "-r", "local:photos/dir", "down").exit()).isZero();
        assertThat(Files.readString(dir.resolve("down/sub/b.jpg"))).isEqualTo("bravo-bytes");
        Files.createDirectories(dir.resolve("one"));
        assertThat(unistore.run("cp", "local:photos/dir/a.txt", "one").exit()).isZero();
        assertThat(Files.readString(dir.resolve("one/a.txt"))).isEqualTo("ALPHA");
        JsonNode between = json(unistore.run("cp", "-r", "--json", "--include", "*.jpg", "local:photos/dir",
                "local:copy/x"));
        assertThat(between.get("byMethod").get("SERVER_COPY").asLong()).isEqualTo(1);
        assertThat(names(json(unistore.run("ls", "-R", "--json", "local:copy")))).containsExactly("x/sub/b.jpg");

        // rm, rb.
        assertThat(unistore.run("rm", "local:copy/x/sub/b.jpg").exit()).isZero();
        assertCleanError(unistore.run("rm", "local:copy/x/sub/b.jpg"), 3, "local:copy/x/sub/b.jpg");
        assertCleanError(unistore.run("rb", "local:photos"), 1, "not empty", "--force");
        assertThat(unistore.run("rm", "-r", "--include", "*.jpg", "local:photos/").out().lines())
                .containsExactly("deleted local:photos/dir/sub/b.jpg");
        assertThat(unistore.run("rb", "--force", "local:photos").exit()).isZero();
        assertThat(names(json(unistore.run("ls", "--json", "local:")))).containsExactly("copy");
    }

    @Test
    void progressBarsOnATerminalOnly() throws Exception {
        Files.write(dir.resolve("big.bin"), new byte[8 << 20]);
        Launcher.Run tty = unistore.runOnTerminal("cp", "big.bin", "local:pics/big.bin");
        assertThat(tty.exit()).as(tty.toString()).isZero();
        assertThat(tty.out()).contains("copy 100%", "8/8 MiB").contains("1 copied");
        Launcher.Run quiet = unistore.runOnTerminal("cp", "-q", "big.bin", "local:pics/big2.bin");
        assertThat(quiet.out()).doesNotContain("%").doesNotContain("copied");
        Launcher.Run piped = unistore.run("cp", "big.bin", "local:pics/big3.bin");
        assertThat(piped.err()).doesNotContain("%").contains("1 copied");
    }

    @Test
    void tablesQueuesMigrationAndBackups() throws Exception {
        Files.writeString(dir.resolve("people.csv"), "PartitionKey,RowKey,Age@Int32,Name\nstaff,ada,36,Ada\n"
                + "staff,bob,25,Bob\n");
        assertThat(unistore.run("tables", "import", "people.csv", "local:people").exit()).isZero();
        Launcher.Run query = unistore.run("tables", "query", "local:people", "--filter", "Age gt 30");
        assertThat(query.out().lines()).hasSize(1).first().asString().contains("\"rowKey\":\"ada\"");
        assertThat(unistore.run("tables", "export", "local:people", "-").out().lines())
                .containsExactly("\"PartitionKey\",\"RowKey\",\"Age@INT32\",\"Name@STRING\"",
                        "\"staff\",\"ada\",\"36\",\"Ada\"", "\"staff\",\"bob\",\"25\",\"Bob\"");
        Files.writeString(dir.resolve("bad.csv"), "PartitionKey,RowKey,Age@Int32\nstaff,cy,old\n");
        assertCleanError(unistore.run("tables", "import", "bad.csv", "local:people"), 2, "nothing was written");

        assertThat(unistore.run("migrate", "local:people", "local:people2").err()).contains("verified");
        assertThat(unistore.run("backup", "table", "local:people", "local:backups").exit()).isZero();
        assertThat(unistore.run("restore", "table", "--from", "people", "local:backups", "local:people3").exit())
                .isZero();
        assertThat(json(unistore.run("tables", "query", "--json", "local:people3"))).hasSize(2);
        assertThat(json(unistore.run("tables", "ls", "--json", "local:")).toString())
                .isEqualTo("[\"people\",\"people2\",\"people3\"]");

        assertThat(unistore.runWithInput("two\nthree\n", "queue", "send", "local:jobs", "one", "-").exit()).isZero();
        assertThat(unistore.run("queue", "peek", "-n", "5", "local:jobs").out().lines())
                .containsExactly("one", "two", "three");
        JsonNode got = json(unistore.run("queue", "receive", "--json", "-n", "2", "local:jobs"));
        assertThat(got).hasSize(2);
        assertThat(unistore.run("queue", "peek", "-n", "5", "local:jobs").out().lines()).containsExactly("three");

        Files.writeString(dir.resolve("src/a.txt"), "alpha-2");
        unistore.run("cp", "-r", "src", "local:data");
        assertThat(unistore.run("backup", "container", "local:data", "local:backups").exit()).isZero();
        assertThat(unistore.run("restore", "container", "--from", "data", "local:backups", "local:data2").exit())
                .isZero();
        assertThat(unistore.run("check", "local:data", "local:data2").exit()).isZero();
    }
}
