package io.unistore.gcp;

import io.unistore.StorageAccount;
import io.unistore.Unistore;
import io.unistore.blob.BlobStore;
import io.unistore.testsupport.gcs.GcsStandIn;
import io.unistore.testsupport.gcs.ServiceAccountKey;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@link GcsStandIn} and an account on it, with retries shortened so injected faults fail fast.
 * Versioning is on unless the options say otherwise.
 */
final class StandInFixture implements AutoCloseable {
    static final String PROJECT = "unistore-test";

    final GcsStandIn gcs;
    final StorageAccount account;
    final BlobStore blobs;

    private StandInFixture(GcsStandIn gcs, StorageAccount account) {
        this.gcs = gcs;
        this.account = account;
        this.blobs = account.blobs();
    }

    /** Starts a stand-in and opens an account on it with {@code extra} options (name, value, ...). */
    static StandInFixture start(String... extra) {
        GcsStandIn gcs = GcsStandIn.start();
        return new StandInFixture(gcs, open(gcs, extra));
    }

    /**
     * Starts a stand-in that authenticates with a throwaway service-account key (written to {@code dir}),
     * so the account can sign URLs; anonymous calls are refused.
     */
    static StandInFixture startSigning(java.nio.file.Path dir, String... extra) {
        GcsStandIn gcs = GcsStandIn.start();
        ServiceAccountKey serviceAccount = ServiceAccountKey.create(gcs.tokenUri(), dir, "tester", PROJECT,
                "throwaway-key").trustedBy(gcs);
        gcs.requireAuthentication(true);
        String[] options = java.util.Arrays.copyOf(extra, extra.length + 2);
        options[extra.length] = "credentials";
        options[extra.length + 1] = serviceAccount.keyFile.toString();
        return new StandInFixture(gcs, open(gcs, options));
    }

    /** Options for an anonymous account on the stand-in, plus {@code extra}. */
    static Map<String, String> options(GcsStandIn gcs, String... extra) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("endpoint", gcs.endpoint());
        options.put("credentials", "none");
        options.put("versioning", "true");
        options.put("maxAttempts", "3");
        options.put("retryDelayMillis", "10");
        options.put("maxRetryDelayMillis", "50");
        options.put("timeoutMillis", "30000");
        for (int i = 0; i + 1 < extra.length; i += 2) {
            options.put(extra[i], extra[i + 1]);
        }
        return options;
    }

    static StorageAccount open(GcsStandIn gcs, String... extra) {
        return Unistore.open("gs://" + PROJECT, options(gcs, extra));
    }

    /**
     * The account, whose {@code close()} also stops the stand-in: for suites that close the account last,
     * after every clean-up call of theirs.
     */
    StorageAccount accountOwningStandIn() {
        return (StorageAccount) java.lang.reflect.Proxy.newProxyInstance(StorageAccount.class.getClassLoader(),
                new Class<?>[] {StorageAccount.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close") && method.getParameterCount() == 0) {
                        close();
                        return null;
                    }
                    try {
                        return method.invoke(account, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** The StorageException a call fails with (an AssertionError when it does not fail). */
    static io.unistore.StorageException failure(Runnable call) {
        try {
            call.run();
        } catch (io.unistore.StorageException e) {
            return e;
        }
        throw new AssertionError("expected a StorageException");
    }

    @Override
    public void close() {
        account.close();
        gcs.close();
    }
}
