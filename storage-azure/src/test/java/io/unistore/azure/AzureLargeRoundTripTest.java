package io.unistore.azure;

import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.testsupport.ManagedProcess;
import io.unistore.testsupport.azurite.Azurite;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 1 GiB up and down through the Azure provider in a child JVM limited to 128 MiB of heap: uploads stream in
 * bounded memory, downloads stream or go to a file in parallel, never holding the blob. Azurite keeps it on disk
 * for this one (its in-memory store is capped well below 1 GiB).
 */
class AzureLargeRoundTripTest {
    private static final long GIB = 1L << 30;

    @Test
    void oneGibibyteThroughA128MiBHeap(@TempDir Path dir) throws Exception {
        Path location = java.nio.file.Files.createDirectories(dir.resolve("azurite"));
        Path scratch = java.nio.file.Files.createDirectories(dir.resolve("scratch"));
        try (Azurite azurite = Azurite.onDisk(location)) {
            List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx128m", "-cp", System.getProperty("java.class.path"), LargeRoundTripMain.class.getName(),
                    azurite.connectionString(), String.valueOf(GIB), scratch.toString());
            ManagedProcess.Result result = ManagedProcess.run(command, null, Duration.ofMinutes(5));
            String line = result.output().lines().filter(l -> l.startsWith("RESULT")).findFirst().orElse("");
            System.out.println(line);
            assertThat(result.exitCode()).as(result.output()).isZero();
            assertThat(line).contains("RESULT bytes=" + GIB);
        }
    }
}
