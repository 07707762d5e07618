package io.unistore.testsupport.secrets;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Looks for canaries in everything a harness collects: texts (log lines, tool results, HTTP bodies, toString()s)
 * and exceptions (each of the chain's toString(), message and localized message, and the printed stack trace
 * with causes and suppressed exceptions). Every form of every canary ({@link Canary#forms()}) counts.
 */
public final class SecretScan {
    private final List<Canary> canaries;
    private final List<String> findings = Collections.synchronizedList(new ArrayList<>());
    private long sources;
    private long characters;

    public SecretScan(Collection<Canary> canaries) {
        this.canaries = List.copyOf(canaries);
    }

    /** Scans {@code text}, found at {@code where}. */
    public synchronized SecretScan text(String where, String text) {
        if (text == null) {
            return this;
        }
        sources++;
        characters += text.length();
        for (Canary c : canaries) {
            for (Map.Entry<String, String> form : c.forms().entrySet()) {
                int at = text.indexOf(form.getValue());
                if (at >= 0) {
                    int from = Math.max(0, at - 80);
                    int to = Math.min(text.length(), at + form.getValue().length() + 40);
                    findings.add("the " + c.name() + " (" + form.getKey() + ") in " + where + ": ..."
                            + text.substring(from, to).replace('\n', ' ') + "...");
                    break; // one finding per canary and text: the fuller forms come first
                }
            }
        }
        return this;
    }

    /** Scans a failure: every exception of its chain, and its stack trace as printed. */
    public SecretScan throwable(String where, Throwable t) {
        if (t == null) {
            return this;
        }
        StringWriter printed = new StringWriter();
        t.printStackTrace(new PrintWriter(printed));
        text(where + " (stack trace)", printed.toString());
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> pending = new ArrayList<>(List.of(t));
        while (!pending.isEmpty()) {
            Throwable x = pending.remove(pending.size() - 1);
            if (x == null || !seen.add(x)) {
                continue;
            }
            text(where + " (" + x.getClass().getSimpleName() + ".toString)", x.toString());
            text(where + " (" + x.getClass().getSimpleName() + ".getMessage)", x.getMessage());
            text(where + " (" + x.getClass().getSimpleName() + ".getLocalizedMessage)", x.getLocalizedMessage());
            pending.add(x.getCause());
            pending.addAll(List.of(x.getSuppressed()));
        }
        return this;
    }

    /** What was found, one line each; empty when no canary leaked. */
    public List<String> findings() {
        synchronized (findings) {
            return List.copyOf(findings);
        }
    }

    /** The canaries looked for. */
    public List<Canary> canaries() {
        return canaries;
    }

    /** How many texts were scanned. */
    public synchronized long sources() {
        return sources;
    }

    /** How many characters were scanned. */
    public synchronized long characters() {
        return characters;
    }
}
