package io.unistore.spring;

import io.unistore.Capability;
import io.unistore.ListOptions;
import io.unistore.StorageAccount;
import io.unistore.StorageException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The health check of one account, apart from Actuator's API (which moved package between Boot 3 and 4; see
 * {@link Boot3Health} and {@link Boot4Health}): UP when one page of one item of its containers (or tables, queues,
 * shares) is listed within the timeout, DOWN otherwise. The details are the provider and what failed (the API's
 * messages hold no secrets); never the address.
 */
final class AccountProbe {

    /** What one check found: the provider, and the error when DOWN (null when UP). */
    record Result(String provider, String error) {
        boolean up() {
            return error == null;
        }
    }

    // Probes run on daemon threads of their own: a hung call must neither block the common pool nor shutdown.
    private static final ExecutorService PROBES = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "unistore-health");
        t.setDaemon(true);
        return t;
    });

    private final Supplier<StorageAccount> account;
    private final Duration timeout;
    // At most one probe per account at a time: a hung back end must not gather a thread per health request.
    private final AtomicReference<CompletableFuture<Void>> running = new AtomicReference<>();

    AccountProbe(Supplier<StorageAccount> account, Duration timeout) {
        this.account = account;
        this.timeout = timeout;
    }

    Result check() throws InterruptedException {
        StorageAccount a = account.get();
        String provider = a.providerId();
        // A call the SDK retries for a minute must not hold the health endpoint: wait for it at most the timeout.
        CompletableFuture<Void> previous = running.get();
        if (previous != null && !previous.isDone()) {
            return new Result(provider, "the previous check has not answered yet");
        }
        CompletableFuture<Void> probe = CompletableFuture.runAsync(() -> probe(a), PROBES);
        running.set(probe);
        try {
            probe.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Result(provider, null);
        } catch (TimeoutException e) {
            return new Result(provider, "no answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            return new Result(provider, cause instanceof StorageException se
                    ? se.code() + ": " + se.getMessage() : "INTERNAL: " + cause.getClass().getSimpleName());
        }
    }

    private static void probe(StorageAccount a) {
        ListOptions one = ListOptions.builder().pageSize(1).build();
        if (a.capabilities().has(Capability.BLOBS)) {
            a.blobs().listContainers(one).firstPage();
        } else if (a.capabilities().has(Capability.TABLES)) {
            a.tables().listTables(one).firstPage();
        } else if (a.capabilities().has(Capability.QUEUES)) {
            a.queues().listQueues(one).firstPage();
        } else if (a.capabilities().has(Capability.FILES)) {
            a.files().listShares(one).firstPage();
        }
    }
}
