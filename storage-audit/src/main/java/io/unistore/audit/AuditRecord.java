package io.unistore.audit;

import java.time.Instant;
import java.util.List;

/**
 * One line of the audit trail.
 *
 * @param seq        position in the chain, from 1
 * @param time       when the call started
 * @param principal  who called (the MCP client, the Java caller's label)
 * @param account    the account's label
 * @param store      {@code blob}, {@code table}, {@code queue} or {@code file}
 * @param operation  the operation ({@code upload}, {@code deleteEntity}...)
 * @param writes     whether it writes
 * @param targets    the names it acted on (container and blob, table and keys...)
 * @param outcome    {@code OK} or the error code it failed with ({@code NOT_FOUND}...)
 * @param bytes      content bytes moved
 * @param requestId  the caller's request id
 * @param durationMicros how long the call took
 * @param prev       the hash of the line before (64 zeros for the first)
 * @param hash       SHA-256 of this line without its hash field, in hex
 */
public record AuditRecord(long seq, Instant time, String principal, String account, String store, String operation,
                          boolean writes, List<String> targets, String outcome, long bytes, String requestId,
                          long durationMicros, String prev, String hash) {

    /** {@code store.operation}, e.g. {@code blob.upload}. */
    public String qualifiedOperation() {
        return store + "." + operation;
    }
}
