package io.unistore.audit;

/**
 * What {@link AuditLog#verify()} found.
 *
 * @param valid    whether every line is intact and chained to the one before
 * @param lines    lines read
 * @param lastSeq  the sequence number of the last intact line (0 for none)
 * @param lastHash the hash of the last intact line: keep it elsewhere to detect later truncation of the tail
 * @param brokenAtLine the 1-based position of the first bad line, or 0 when valid
 * @param problem  what is wrong with it (edited, removed or inserted lines, not an audit line), or null
 */
public record AuditVerification(boolean valid, long lines, long lastSeq, String lastHash, long brokenAtLine,
                                String problem) {
}
