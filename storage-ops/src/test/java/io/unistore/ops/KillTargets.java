package io.unistore.ops;

import io.unistore.StorageAccount;
import io.unistore.Unistore;
import io.unistore.testsupport.azurite.Azurite;
import io.unistore.testsupport.s3proxy.S3Proxy;
import java.nio.file.Path;
import java.util.Map;

/**
 * The back ends of the kill harness, named by a spec that a child JVM is given on its command line, so that the
 * child and the test open the same account: {@code local:<dir>} (versioning on, so every write of a name stays
 * visible as a version), {@code s3proxy:<endpoint>|<identity>|<credential>} (buckets with versioning, ditto) or
 * {@code azurite:<connection string>} (no versions).
 */
final class KillTargets {
    private KillTargets() {
    }

    /** The spec of a target kind: {@code local} under {@code dir}, or the shared S3Proxy or Azurite. */
    static String spec(String kind, Path dir) {
        return switch (kind) {
            case "local" -> "local:" + dir;
            case "s3proxy" -> {
                S3Proxy p = S3Proxy.shared();
                yield "s3proxy:" + p.endpoint() + "|" + p.identity() + "|" + p.credential();
            }
            case "azurite" -> "azurite:" + Azurite.shared().connectionString();
            default -> throw new IllegalArgumentException("no target kind " + kind);
        };
    }

    /** Opens the account a spec names. */
    static StorageAccount open(String spec) {
        int colon = spec.indexOf(':');
        String kind = spec.substring(0, colon);
        String rest = spec.substring(colon + 1);
        return switch (kind) {
            case "local" -> Unistore.open(rest);
            case "s3proxy" -> {
                String[] p = rest.split("\\|", 3);
                yield Unistore.open("s3://", Map.of("endpoint", p[0], "accessKeyId", p[1], "secretAccessKey", p[2],
                        "region", S3Proxy.REGION, "versioning", "true", "maxAttempts", "2"));
            }
            case "azurite" -> Unistore.open(rest, Map.of("versioning", "false", "maxRetries", "1",
                    "retryDelayMs", "100"));
            default -> throw new IllegalArgumentException("no target kind " + kind);
        };
    }
}
