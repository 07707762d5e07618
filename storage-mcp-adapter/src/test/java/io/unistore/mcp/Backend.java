package io.unistore.mcp;

import java.nio.file.Path;
import java.util.Map;

/**
 * A storage back end the jar-driving tests run against: the local provider now; emulator-backed accounts
 * (Azurite, S3Proxy, the GCS stand-in of storage-test-support) implement it too when their providers land.
 */
interface Backend extends AutoCloseable {

    /** A short name for test display names and account names. */
    String name();

    /**
     * Starts what the back end needs (nothing for local) and returns the account's config entry: at least
     * {@code address}, optionally {@code options}. Secrets go through {@link #environment()}.
     */
    Map<String, Object> start(Path workDir) throws Exception;

    /** Environment variables the server process needs (for ${env:...} references in the config). */
    default Map<String, String> environment() {
        return Map.of();
    }

    /** Whether a tier change (set-blob-tier) reads back; S3Proxy ignores the class of the copy that makes it. */
    default boolean keepsTierChanges() {
        return true;
    }

    /** Whether a deleted message's receipt is refused again; SQS accepts stale receipts silently. */
    default boolean checksReceipts() {
        return true;
    }

    @Override
    default void close() throws Exception {
    }

    /** The embedded local provider on a fresh directory. */
    static Backend local() {
        return new Backend() {
            @Override
            public String name() {
                return "local";
            }

            @Override
            public Map<String, Object> start(Path workDir) {
                return Map.of("address", "file:" + workDir.resolve("data"));
            }
        };
    }
}
