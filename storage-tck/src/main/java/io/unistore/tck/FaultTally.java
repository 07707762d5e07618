package io.unistore.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The account of one fault run: operations done through the faulted account, those that failed, checks that
 * found a difference, and what was verified (bytes, entities, messages). A run goes on after a failure, so the
 * tally of a long run says how many failed, not only the first.
 */
public final class FaultTally {
    private static final int KEPT = 20;

    private final String name;
    private long operations;
    private long failedOperations;
    private long failedChecks;
    private long bytesVerified;
    private long entitiesVerified;
    private long messagesVerified;
    private long duplicateDeliveries;
    private final List<String> failures = new ArrayList<>();

    public FaultTally(String name) {
        this.name = name;
    }

    /** Runs one operation of the workload; a failure is counted and reported, and null is returned. */
    public synchronized <T> T op(String what, Supplier<T> call) {
        operations++;
        try {
            return call.get();
        } catch (RuntimeException e) {
            failedOperations++;
            keep("operation " + what + ": " + e + causes(e));
            return null;
        }
    }

    /** {@link #op(String, Supplier)} for a call without a result; returns whether it succeeded. */
    public boolean run(String what, Runnable call) {
        return op(what, () -> {
            call.run();
            return Boolean.TRUE;
        }) != null;
    }

    /** Runs one verification; a difference (or a failure to read what should be there) is counted. */
    public synchronized void check(String what, Runnable verification) {
        try {
            verification.run();
        } catch (AssertionError | RuntimeException e) {
            failedChecks++;
            keep("check " + what + ": " + e);
        }
    }

    public synchronized void bytesVerified(long n) {
        bytesVerified += n;
    }

    public synchronized void entitiesVerified(long n) {
        entitiesVerified += n;
    }

    public synchronized void messagesVerified(long n) {
        messagesVerified += n;
    }

    /** A queue message delivered again after it was received and deleted (queues deliver at least once). */
    public synchronized void duplicateDelivery() {
        duplicateDeliveries++;
    }

    public synchronized long operations() {
        return operations;
    }

    public synchronized long failedOperations() {
        return failedOperations;
    }

    public synchronized long failedChecks() {
        return failedChecks;
    }

    public synchronized long bytesVerified() {
        return bytesVerified;
    }

    public synchronized long entitiesVerified() {
        return entitiesVerified;
    }

    public synchronized long messagesVerified() {
        return messagesVerified;
    }

    public synchronized long duplicateDeliveries() {
        return duplicateDeliveries;
    }

    /** Asserts that no operation failed and every check held. */
    public synchronized void assertClean() {
        assertThat(failures).as("%s: failures", this).isEmpty();
        assertThat(operations).as("%s: operations", name).isPositive();
    }

    /** The causes of a failure, to tell what broke underneath a translated exception. */
    private static String causes(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            sb.append(" <- ").append(c.getClass().getName()).append(": ").append(c.getMessage());
        }
        return sb.toString();
    }

    private void keep(String failure) {
        if (failures.size() < KEPT) {
            failures.add(failure);
        }
    }

    @Override
    public synchronized String toString() {
        return name + ": " + operations + " operations, " + failedOperations + " failed, " + failedChecks
                + " checks failed, verified " + bytesVerified + " bytes, " + entitiesVerified + " entities, "
                + messagesVerified + " messages" + (duplicateDeliveries > 0 ? " (" + duplicateDeliveries
                + " duplicate deliveries)" : "");
    }
}
