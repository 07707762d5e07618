package io.unistore.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.testsupport.ManagedProcess;
import io.unistore.testsupport.s3proxy.S3Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A 1 GiB round trip through a child JVM limited to 128 MiB of heap: uploads and downloads stream, they never
 * hold the object. S3Proxy keeps it on disk here (its in-memory store would need gigabytes).
 */
class S3LargeRoundTripTest {
    private static final long GIB = 1L << 30;

    @Test
    void oneGibibyteThroughA128MiBHeap() {
        S3Proxy proxy = S3Proxy.sharedOnDisk();
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-cp", System.getProperty("java.class.path"), LargeRoundTripMain.class.getName(),
                proxy.endpoint().toString(), String.valueOf(GIB));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("AWS_ACCESS_KEY_ID", proxy.identity());
        pb.environment().put("AWS_SECRET_ACCESS_KEY", proxy.credential());
        var result = run(pb, Duration.ofMinutes(4));
        System.out.println(result.output().lines().filter(l -> l.startsWith("RESULT")).findFirst().orElse(""));
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("RESULT bytes=" + GIB);
    }

    /** Runs the child with its output in a file, so a hung child fails the test at the timeout. */
    private static ManagedProcess.Result run(ProcessBuilder pb, Duration timeout) {
        try {
            Path log = java.nio.file.Files.createTempFile("unistore-large-", ".log");
            Process p = pb.redirectOutput(log.toFile()).start();
            boolean done = p.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            if (!done) {
                p.destroyForcibly().waitFor();
            }
            String output = java.nio.file.Files.readString(log);
            java.nio.file.Files.delete(log);
            return new ManagedProcess.Result(done ? p.exitValue() : -1, done ? output : output + "\n(timed out)");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
