package io.unistore.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.unistore.tck.ChildJvm;
import io.unistore.tck.LargeRoundTrip;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kit's {@link LargeRoundTrip} through the encryption layer (named in the options, as a config file does) in a
 * child JVM limited to 128 MiB of heap: 64 MiB by default, so that CI stays quick, and any size with
 * {@code -Dunistore.crypto.largeBytes=1073741824} (1 GiB).
 */
class EncryptedLargeRoundTripTest {
    private static final long BYTES = Long.getLong("unistore.crypto.largeBytes", 64L << 20);

    @Test
    void aLargeBlobRoundTripsThroughA128MiBHeap(@TempDir Path dir) throws Exception {
        Path keyset = dir.resolve("keys.json");
        LocalKeyset.create(keyset, TestKeys.PASSWORD, "large", TestKeys.ITERATIONS);
        Path password = Files.writeString(dir.resolve("password.txt"), new String(TestKeys.PASSWORD));
        ChildJvm.Result run = ChildJvm.run(LargeRoundTrip.class, List.of("-Xmx128m"), List.of(String.valueOf(BYTES),
                "file:" + dir.resolve("store"), "layers=encryption", "encryption.keyset=" + keyset,
                "encryption.passwordFile=" + password), Duration.ofMinutes(30));
        String line = run.line(LargeRoundTrip.RESULT);
        System.out.println("[crypto] " + line);
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(line).contains("ok=true").contains("bytes=" + BYTES);
    }
}
