package io.unistore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Errors name the object and the fix, in one line, with the documented exit code and no stack trace. Run in
 * this JVM (the same command objects bin/unistore runs; CliLocalIT covers the launcher) to keep the suite short;
 * the account 'local' is given explicitly, on a temporary directory.
 */
class ErrorsTest {
    @TempDir
    Path dir;

    record Result(int exit, String out, String err) {
    }

    Result run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            // Before the command name: the options every command takes may come there too.
            String[] all = new String[args.length + 1];
            all[0] = "--account=local=file:" + dir.resolve("data");
            System.arraycopy(args, 0, all, 1, args.length);
            int exit = Main.commandLine().execute(all);
            return new Result(exit, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    void assertCleanError(Result r, int exit, String... fragments) {
        assertThat(r.exit()).as(r.toString()).isEqualTo(exit);
        assertThat(r.err()).as(r.toString()).startsWith("unistore: ").contains(fragments)
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(r.err().strip().lines()).as(r.toString()).hasSize(1);
    }

    @Test
    void errorsNameTheObjectAndTheFix() throws Exception {
        Files.createDirectories(dir.resolve("src"));
        String src = dir.resolve("src").toString();
        assertCleanError(run("cat", "local:nope/a.txt"), 3, "nope");
        assertCleanError(run("ls", "prod:photos"), 2, "unknown account 'prod'", "--account prod=ADDRESS");
        assertCleanError(run("cp", src, "local:photos/"), 2, "is a directory", "add -r");
        assertCleanError(run("cp", dir.resolve("missing.txt").toString(), "local:photos/"), 3, "no file",
                "missing.txt");
        assertThat(run("mb", "local:photos").exit()).isZero();
        assertCleanError(run("cp", "local:photos/dir", dir.resolve("x").toString()), 3, "no blob local:photos/dir",
                "add -r");
        assertCleanError(run("presign", "local:photos/a"), 6, "BLOB_PRESIGNED_URLS");
        assertCleanError(run("cp", "-r", "--transfers", "0", src, "local:photos"), 2, "--transfers");
        assertCleanError(run("ls", "--config", dir.resolve("nope.yaml").toString()), 2, "nope.yaml");
        Files.writeString(dir.resolve("bad.yaml"), "accounts:\n  a: { address: file:x, colour: red }\n");
        assertCleanError(run("ls", "--config", dir.resolve("bad.yaml").toString()), 2,
                "accounts.a.colour: unknown key");
        assertCleanError(run("ls", "--account", "x=${env:UNISTORE_SURELY_UNSET}"), 2,
                "environment variable UNISTORE_SURELY_UNSET is not set");
        assertCleanError(run("presign", "--expiry", "soon", "local:photos/a"), 2, "--expiry 'soon'");
        assertCleanError(run("tables", "query", "local:t", "--filter", "Age gt"), 2, "filter");
        assertCleanError(run("rm", "local:photos"), 2, "name an object");
    }

    @Test
    void usageErrorsAndHelp() {
        Result usage = run("cp", "only-one-argument");
        assertThat(usage.exit()).isEqualTo(2);
        assertThat(usage.err()).contains("Missing required parameter").doesNotContain("\tat ");
        Result help = run("sync", "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("--delete", "--dry-run", "--checksum");
        PrintStream out = System.out;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            assertThat(Main.commandLine().execute("--help")).isZero();
        } finally {
            System.setOut(out);
        }
        assertThat(o.toString(StandardCharsets.UTF_8)).contains("sync", "check", "Exit codes: 0 done");
    }

    @Test
    void pathsAndFilters() {
        assertThat(Location.parse("local:photos/a/b.jpg")).isEqualTo(new Location("local", "photos", "a/b.jpg", null));
        assertThat(Location.parse("az:/c")).isEqualTo(new Location("az", "c", "", null));
        assertThat(Location.parse("./x:y").isLocal()).isTrue();
        assertThat(Location.parse("dir/x:y").isLocal()).isTrue();
        assertThat(Location.parse("C:").isLocal()).isFalse(); // an account named C
        NameFilter f = NameFilter.of(java.util.List.of("*.jpg", "docs/**"), java.util.List.of("*-draft.*"));
        assertThat(f.matches("a/b/c.jpg")).isTrue();
        assertThat(f.matches("c-draft.jpg")).isFalse();
        assertThat(f.matches("docs/x/y.txt")).isTrue();
        assertThat(f.matches("other/y.txt")).isFalse();
        assertThat(NameFilter.ALL.matches("any\u0000thing")).isTrue();
        assertThat(Sizes.human(1536)).isEqualTo("1.5 KiB");
        assertThat(Sizes.human(3L << 30)).isEqualTo("3.0 GiB");
        assertThat(Sizes.human(1023)).isEqualTo("1023 B");
    }
}
