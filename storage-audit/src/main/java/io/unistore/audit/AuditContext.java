package io.unistore.audit;

import java.util.Objects;

/**
 * Who is calling, for the lines the audit layer writes on this thread: the principal (the MCP client's identity,
 * a service's user) and the request id of the call being served. Threads started while a context is open
 * inherit it (so the worker threads of a copy or backup are attributed to the caller who started it); without
 * one, lines carry the layer's default principal and a fresh request id per call.
 *
 * <pre>{@code
 * try (AuditContext.Scope s = AuditContext.open("alice", "req-42")) {
 *     account.blobs().upload(...);      // audited as alice, request req-42
 * }
 * }</pre>
 */
public final class AuditContext {
    private static final InheritableThreadLocal<AuditContext> CURRENT = new InheritableThreadLocal<>();

    private final String principal;
    private final String requestId;

    private AuditContext(String principal, String requestId) {
        this.principal = principal;
        this.requestId = requestId;
    }

    /**
     * Sets the caller for this thread (and threads it starts) until the scope is closed; the previous context
     * comes back then.
     *
     * @param principal who is calling; never a secret (a name, not a token)
     * @param requestId the request being served, or null for one per call
     */
    public static Scope open(String principal, String requestId) {
        Objects.requireNonNull(principal, "principal");
        AuditContext previous = CURRENT.get();
        CURRENT.set(new AuditContext(principal, requestId));
        return () -> {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        };
    }

    /** The principal set on this thread, or null. */
    static String principal() {
        AuditContext c = CURRENT.get();
        return c == null ? null : c.principal;
    }

    /** The request id set on this thread, or null. */
    static String requestId() {
        AuditContext c = CURRENT.get();
        return c == null ? null : c.requestId;
    }

    /** An open context; closing it restores the one before. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
