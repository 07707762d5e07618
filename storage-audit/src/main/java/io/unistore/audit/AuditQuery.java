package io.unistore.audit;

import java.time.Instant;

/**
 * What {@link AuditLog#query} selects; null fields select everything.
 *
 * @param from      lines at or after this time
 * @param to        lines before this time
 * @param operation an operation ({@code upload}) or a qualified one ({@code blob.upload})
 * @param target    a name one of the line's targets equals (a container, blob, table, queue, share or path)
 * @param limit     the most lines returned, oldest first
 */
public record AuditQuery(Instant from, Instant to, String operation, String target, int limit) {

    /** Whether {@code r} is selected (the limit aside). */
    public boolean matches(AuditRecord r) {
        return (from == null || !r.time().isBefore(from)) && (to == null || r.time().isBefore(to))
                && (operation == null || operation.equals(r.operation()) || operation.equals(r.qualifiedOperation()))
                && (target == null || r.targets().contains(target));
    }
}
