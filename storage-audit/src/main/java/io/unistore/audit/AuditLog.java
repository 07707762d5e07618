package io.unistore.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Reads an audit trail: checks its chain ({@link #verify()}) and selects lines ({@link #query}). Open it on the
 * sink the layer writes to, or from the same options as the layer ({@link #open(Map)}).
 */
public final class AuditLog implements AutoCloseable {
    private final AuditSink sink;
    private final AutoCloseable owned;

    private AuditLog(AuditSink sink, AutoCloseable owned) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.owned = owned;
    }

    /** The trail in {@code sink} (left open on close: it belongs to the caller). */
    public static AuditLog of(AuditSink sink) {
        return new AuditLog(sink, null);
    }

    /**
     * The trail the audit layer made with these options (the {@code audit.*} options without their prefix) writes.
     *
     * @throws io.unistore.StorageException INVALID_ARGUMENT naming a bad option
     */
    public static AuditLog open(Map<String, String> options) {
        AuditOptions o = AuditOptions.parse(options);
        AuditOptions.OpenSink opened = o.openSink();
        return new AuditLog(opened.sink(), opened);
    }

    /** Reads every line and checks each one's hash and its link to the line before. */
    public AuditVerification verify() {
        long[] n = {0};
        long[] lastSeq = {0};
        String[] lastHash = {AuditLines.GENESIS};
        long[] brokenAt = {0};
        String[] problem = {null};
        sink.forEachLine(line -> {
            n[0]++;
            if (problem[0] != null) {
                return;
            }
            String why = check(line, lastSeq[0], lastHash[0]);
            if (why != null) {
                brokenAt[0] = n[0];
                problem[0] = "line " + n[0] + ": " + why;
                return;
            }
            lastSeq[0]++;
            lastHash[0] = AuditLines.statedHash(line);
        });
        return new AuditVerification(problem[0] == null, n[0], lastSeq[0], lastHash[0], brokenAt[0], problem[0]);
    }

    private static String check(String line, long prevSeq, String prevHash) {
        String stated = AuditLines.statedHash(line);
        if (stated == null) {
            return "not an audit line (no hash at its end)";
        }
        if (!stated.equals(AuditLines.computedHash(line))) {
            return "its content does not match its hash (the line was edited)";
        }
        AuditRecord r;
        try {
            r = AuditLines.parse(line);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        if (!r.prev().equals(prevHash)) {
            return "it does not follow the line before (seq " + prevSeq + "): lines were removed, inserted or "
                    + "reordered";
        }
        if (r.seq() != prevSeq + 1) {
            return "seq " + r.seq() + " where " + (prevSeq + 1) + " was due";
        }
        return null;
    }

    /** The lines {@code query} selects, oldest first, at most its limit. Lines that do not parse are skipped. */
    public List<AuditRecord> query(AuditQuery query) {
        List<AuditRecord> out = new ArrayList<>();
        forEach(query, r -> {
            if (out.size() < query.limit()) {
                out.add(r);
            }
        });
        return out;
    }

    /**
     * Gives every line {@code query} selects to {@code action}, oldest first, whatever its limit, holding one line
     * at a time (for counting a long trail). Lines that do not parse are skipped.
     */
    public void forEach(AuditQuery query, Consumer<AuditRecord> action) {
        sink.forEachLine(line -> {
            AuditRecord r;
            try {
                r = AuditLines.parse(line);
            } catch (IllegalArgumentException e) {
                return;
            }
            if (query.matches(r)) {
                action.accept(r);
            }
        });
    }

    /** Where the trail is, without secrets. */
    public String describe() {
        return sink.describe();
    }

    @Override
    public void close() {
        if (owned != null) {
            try {
                owned.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing the audit log failed", e);
            }
        }
    }
}
