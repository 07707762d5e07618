package io.unistore.audit;

import io.unistore.StorageException;
import io.unistore.spi.AccountBackend;
import io.unistore.spi.CallObserver;
import io.unistore.spi.Layer;
import io.unistore.spi.ObservingLayer;
import io.unistore.spi.Secrets;
import io.unistore.spi.StoreCall;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit layer: every call that writes (and, with {@link Builder#reads(boolean)}, every read) becomes one
 * hash-chained JSON line in an {@link AuditSink}: time, principal, account, store, operation, target names,
 * outcome (OK or the error code), bytes, request id and duration. Content, metadata, entity properties, messages
 * and error messages are never written, so no secret a caller passes or a service returns reaches the log.
 *
 * <pre>{@code
 * AuditLayer audit = AuditLayer.builder(AuditSink.file(Path.of("audit.jsonl"), 10 << 20))
 *         .principal("nightly-import").account("prod").build();
 * StorageAccount account = Unistore.builder().address(address).layer(audit).open();
 * }</pre>
 *
 * <p>The line is written after the call, before it returns; a line that cannot be written is logged and counted
 * ({@link #failures()}) and the call's own result is kept (it has happened).
 */
public final class AuditLayer implements Layer, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AuditLayer.class);

    private final AuditSink sink;
    private final String principal;
    private final String account;
    private final boolean reads;
    private final Clock clock;
    private final AtomicLong failures = new AtomicLong();
    private long seq;
    private String prev;

    private AuditLayer(Builder b) {
        this.sink = b.sink;
        this.principal = b.principal;
        this.account = b.account;
        this.reads = b.reads;
        this.clock = b.clock;
        String last = sink.lastLine();
        if (last == null) {
            seq = 0;
            prev = AuditLines.GENESIS;
        } else {
            AuditRecord r = AuditLines.parse(last);
            seq = r.seq();
            prev = r.hash();
        }
    }

    /** A layer writing to {@code sink}. */
    public static Builder builder(AuditSink sink) {
        return new Builder(sink);
    }

    @Override
    public AccountBackend apply(AccountBackend inner) {
        String label = account != null ? account : Secrets.redact(inner.displayName());
        return new ObservingLayer(call -> start(call, label)).apply(inner);
    }

    /** Lines that could not be written. */
    public long failures() {
        return failures.get();
    }

    /** The sink. */
    public AuditSink sink() {
        return sink;
    }

    private CallObserver.Scope start(StoreCall call, String accountLabel) {
        if (!call.writes() && !reads) {
            return failure -> { };
        }
        Instant time = clock.instant();
        long started = System.nanoTime();
        String who = Objects.requireNonNullElse(AuditContext.principal(), principal);
        String request = Objects.requireNonNullElseGet(AuditContext.requestId(), () -> UUID.randomUUID().toString());
        AtomicLong bytes = new AtomicLong();
        return new CallObserver.Scope() {
            @Override
            public void bytes(long count) {
                bytes.addAndGet(count);
            }

            @Override
            public void end(Throwable failure) {
                String outcome = failure == null ? "OK"
                        : failure instanceof StorageException se ? se.code().name() : "INTERNAL";
                long micros = Duration.ofNanos(System.nanoTime() - started).toNanos() / 1000;
                write(time, who, accountLabel, call, outcome, bytes.get(), request, micros);
            }
        };
    }

    private synchronized void write(Instant time, String who, String accountLabel, StoreCall call, String outcome,
                                    long bytes, String request, long micros) {
        String line = AuditLines.format(new AuditRecord(seq + 1, time, who, accountLabel, call.store(),
                call.operation(), call.writes(), call.targets(), outcome, bytes, request, micros, prev, null));
        try {
            sink.append(line, time);
            seq++;
            prev = AuditLines.statedHash(line);
        } catch (RuntimeException e) {
            failures.incrementAndGet();
            LOG.error("audit line for {} on {} not written to {}: {}", call.name(), accountLabel, sink.describe(),
                    Secrets.redact(String.valueOf(e.getMessage())));
        }
    }

    /** Closes the sink. */
    @Override
    public void close() {
        sink.close();
    }

    @Override
    public String toString() {
        return "AuditLayer(" + sink.describe() + ")";
    }

    /** Builds an {@link AuditLayer}. */
    public static final class Builder {
        private final AuditSink sink;
        private String principal = "unknown";
        private String account;
        private boolean reads;
        private Clock clock = Clock.systemUTC();

        private Builder(AuditSink sink) {
            this.sink = Objects.requireNonNull(sink, "sink");
        }

        /** The principal of lines written outside any {@link AuditContext} (default {@code unknown}). */
        public Builder principal(String value) {
            this.principal = Objects.requireNonNull(value, "principal");
            return this;
        }

        /** The account's label in lines (default: the account's display name, without secrets). */
        public Builder account(String value) {
            this.account = value;
            return this;
        }

        /** Whether reads are audited too (default false: only writes). */
        public Builder reads(boolean value) {
            this.reads = value;
            return this;
        }

        /** The clock of the lines' times (tests). */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** The layer. */
        public AuditLayer build() {
            return new AuditLayer(this);
        }
    }
}
