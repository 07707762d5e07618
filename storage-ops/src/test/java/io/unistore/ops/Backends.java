package io.unistore.ops;

import io.unistore.StorageAccount;
import io.unistore.Unistore;
import io.unistore.blob.ContainerInfo;
import io.unistore.testsupport.azurite.Azurite;
import io.unistore.testsupport.gcs.GcsStandIn;
import io.unistore.testsupport.s3proxy.S3Proxy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The back ends the operation tests run on. Each opens an empty account; closing it removes what the test left
 * on a shared emulator. Adding an emulator-backed account to the tests is one entry in {@link #targets()}.
 */
final class Backends {
    /** A named way to open an empty account. */
    record Backend(String name, Supplier<StorageAccount> open) {
        @Override
        public String toString() {
            return name;
        }
    }

    private Backends() {
    }

    /** The accounts copies and backups are written to (the data is always on the local provider). */
    static List<Backend> targets() {
        return List.of(
                new Backend("local", Backends::local),
                new Backend("azurite", Backends::azurite),
                new Backend("s3proxy", Backends::s3proxy),
                new Backend("gcs-stand-in", Backends::gcs));
    }

    /** The accounts tables are migrated to (S3 and Cloud Storage have no tables). */
    static List<Backend> tableTargets() {
        return List.of(new Backend("local", Backends::local), new Backend("azurite", Backends::azurite));
    }

    /** A local account on a fresh directory under the build's temp folder. */
    static StorageAccount local() {
        try {
            Path dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "ops-local-");
            return Unistore.open(dir.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Azure Blob and Tables on the shared Azurite (no versioning there). */
    static StorageAccount azurite() {
        StorageAccount real = Unistore.open(Azurite.shared().connectionString(),
                Map.of("versioning", "false", "maxRetries", "1", "retryDelayMs", "100"));
        return emptiedOnClose(real);
    }

    /** S3 on the shared in-memory S3Proxy. */
    static StorageAccount s3proxy() {
        S3Proxy proxy = S3Proxy.shared();
        StorageAccount real = Unistore.open("s3://", Map.of("endpoint", proxy.endpoint().toString(),
                "accessKeyId", proxy.identity(), "secretAccessKey", proxy.credential(), "region", S3Proxy.REGION,
                "maxAttempts", "2"));
        return emptiedOnClose(real);
    }

    /** Cloud Storage on a GCS stand-in of its own, stopped with the account. */
    static StorageAccount gcs() {
        GcsStandIn gcs = GcsStandIn.start();
        StorageAccount real = Unistore.open("gs://unistore-test", Map.of("endpoint", gcs.endpoint(),
                "credentials", "none", "versioning", "true", "maxAttempts", "3", "retryDelayMillis", "10",
                "maxRetryDelayMillis", "50", "timeoutMillis", "30000"));
        return new CountingAccount(real).beforeClose(gcs::close);
    }

    /** Deletes every container (and table) the test made on a shared emulator when the account closes. */
    private static StorageAccount emptiedOnClose(StorageAccount real) {
        return new CountingAccount(real).beforeClose(() -> {
            List<String> containers = new ArrayList<>();
            for (ContainerInfo c : real.blobs().listContainers()) {
                containers.add(c.name());
            }
            containers.forEach(real.blobs()::deleteContainer);
            if (real.capabilities().has(io.unistore.Capability.TABLES)) {
                real.tables().listTables().forEach(t -> real.tables().deleteTable(t.name()));
            }
        });
    }
}
