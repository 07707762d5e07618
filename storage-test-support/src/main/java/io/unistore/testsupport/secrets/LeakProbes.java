package io.unistore.testsupport.secrets;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * Drives calls that hold canaries through their error paths and collects everything they show: the exception
 * of a call that fails (its whole chain), the result of one that succeeds ({@code toString()}), other texts the
 * test adds, and every log line written meanwhile ({@link LogCapture}). {@link #findings()} says where a canary
 * showed up. A call expected to fail that succeeds is reported too: the error path was not reached.
 */
public final class LeakProbes implements AutoCloseable {
    private final SecretScan scan;
    private final Function<Throwable, String> codeOf;
    private final LogCapture logs = LogCapture.start();
    private final List<String> problems = new ArrayList<>();
    private final List<AutoCloseable> kept = new ArrayList<>();
    private int failures;
    private int results;

    /**
     * @param codeOf the error code of a failure (the provider's neutral code), to check that a call failed the
     *               way that shows its error path was reached
     */
    public LeakProbes(Collection<Canary> canaries, Function<Throwable, String> codeOf) {
        this.scan = new SecretScan(canaries);
        this.codeOf = codeOf;
    }

    /**
     * Runs a call that must fail with one of {@code codes} (any, when empty), scans its exception and returns it
     * (null when it did not fail). Another outcome is a finding.
     */
    public Throwable failure(List<String> codes, String name, Callable<?> call) {
        try {
            Object r = call.call();
            scan.text(name + " (result)", String.valueOf(r));
            problems.add(name + ": expected to fail with " + codes + ", returned " + r);
            return null;
        } catch (Throwable t) {
            failures++;
            scan.throwable(name, t);
            String code = codeOf.apply(t);
            if (!codes.isEmpty() && !codes.contains(code)) {
                problems.add(name + ": expected to fail with " + codes + ", failed with " + code + ": " + t);
            }
            return t;
        }
    }

    /** Runs a call that must succeed, scans its result and returns it. */
    public <T> T result(String name, Callable<T> call) {
        try {
            T r = call.call();
            results++;
            scan.text(name + " (result)", String.valueOf(r));
            return r;
        } catch (Throwable t) {
            scan.throwable(name, t);
            problems.add(name + ": expected to succeed, failed with " + t);
            return null;
        }
    }

    /** Keeps {@code resource} (an account a probe opened) to close with the probes; returns it. */
    public <T extends AutoCloseable> T keep(T resource) {
        kept.add(resource);
        return resource;
    }

    /** Scans a text the test got some other way. */
    public void text(String where, String text) {
        scan.text(where, text);
    }

    /** Every canary found so far, the log included, and every call that did not end as expected. */
    public List<String> findings() {
        List<String> out = new ArrayList<>(problems);
        out.addAll(scan.findings());
        out.addAll(new SecretScan(canaries()).text("the log", logs.text()).findings());
        return out;
    }

    /** For the test's report: calls that failed and succeeded as expected, texts and characters scanned. */
    public String summary() {
        return failures + " failing calls, " + results + " succeeding calls, " + scan.sources() + " texts ("
                + scan.characters() + " characters) and " + logs.text().length() + " characters of log scanned";
    }

    private Collection<Canary> canaries() {
        return scan.canaries();
    }

    /** Closes what was kept, then stops capturing the log. */
    @Override
    public void close() {
        for (AutoCloseable c : kept) {
            try {
                c.close();
            } catch (Exception e) {
                problems.add("closing " + c + ": " + e);
            }
        }
        logs.close();
    }
}
