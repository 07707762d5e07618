package io.unistore.azure;

import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.tck.ChildJvm;
import io.unistore.tck.LargeRoundTrip;
import io.unistore.testsupport.azurite.Azurite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 1 GiB up and down through the Azure provider in a child JVM limited to 128 MiB of heap (the kit's
 * {@link LargeRoundTrip}): the upload of unknown length goes up in parallel blocks, the download streams and goes
 * to a file in parallel, never holding the blob. Azurite keeps it on disk for this one (its in-memory store is
 * capped well below 1 GiB).
 */
class AzureLargeRoundTripTest {
    private static final long GIB = 1L << 30;

    @Test
    void oneGibibyteThroughA128MiBHeap(@TempDir Path dir) throws Exception {
        try (Azurite azurite = Azurite.onDisk(Files.createDirectories(dir.resolve("azurite")))) {
            ChildJvm.Result run = ChildJvm.run(LargeRoundTrip.class, List.of("-Xmx128m"),
                    List.of(String.valueOf(GIB), azurite.connectionString(), "versioning=false"),
                    Duration.ofMinutes(5));
            String line = run.line(LargeRoundTrip.RESULT);
            System.out.println(line);
            assertThat(run.exitCode()).as(run.output()).isZero();
            assertThat(line).contains("ok=true").contains("bytes=" + GIB);
        }
    }
}
