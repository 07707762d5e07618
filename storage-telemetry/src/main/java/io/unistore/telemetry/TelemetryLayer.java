package io.unistore.telemetry;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.unistore.StorageException;
import io.unistore.spi.AccountBackend;
import io.unistore.spi.CallObserver;
import io.unistore.spi.Layer;
import io.unistore.spi.ObservingLayer;
import io.unistore.spi.StoreCall;
import java.util.List;
import java.util.Objects;

/**
 * The OpenTelemetry layer: a CLIENT span per storage call and metrics of every call, through the OpenTelemetry API
 * of the instance it is given (an application's SDK, or {@code GlobalOpenTelemetry}; without an SDK every call is
 * a no-op). Names follow the semantic conventions where one exists ({@code error.type}, {@code network.io.direction},
 * durations in seconds with the buckets the conventions advise); the storage-specific ones are under
 * {@code unistore.*}, modelled on the database client conventions. See the module's README for the full list.
 *
 * <pre>{@code
 * StorageAccount account = Unistore.builder().address(address)
 *         .layer(TelemetryLayer.builder(openTelemetry).account("prod").build()).open();
 * }</pre>
 *
 * <p>Error messages are never recorded (they may hold what a provider below the API's redaction returned): a failed
 * call's span has status ERROR and {@code error.type}, the error code.
 */
public final class TelemetryLayer implements Layer {
    /** The instrumentation scope name. */
    public static final String SCOPE = "io.unistore.telemetry";

    static final AttributeKey<String> STORE = AttributeKey.stringKey("unistore.store");
    static final AttributeKey<String> OPERATION = AttributeKey.stringKey("unistore.operation.name");
    static final AttributeKey<String> PROVIDER = AttributeKey.stringKey("unistore.provider");
    static final AttributeKey<String> ACCOUNT = AttributeKey.stringKey("unistore.account");
    static final AttributeKey<String> TARGET = AttributeKey.stringKey("unistore.target");
    static final AttributeKey<Boolean> WRITES = AttributeKey.booleanKey("unistore.writes");
    /** Semantic conventions: the class of error an operation ended with. */
    static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
    /** Semantic conventions: {@code transmit} or {@code receive}. */
    static final AttributeKey<String> DIRECTION = AttributeKey.stringKey("network.io.direction");
    /** The semantic conventions' advised buckets for client operation durations, in seconds. */
    private static final List<Double> DURATION_BUCKETS = List.of(0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1.0, 5.0, 10.0);

    private final Tracer tracer;
    private final DoubleHistogram duration;
    private final LongCounter operations;
    private final LongCounter errors;
    private final LongCounter bytes;
    private final String account;
    private final boolean targets;

    private TelemetryLayer(Builder b) {
        this.tracer = b.openTelemetry.getTracer(SCOPE);
        Meter meter = b.openTelemetry.getMeter(SCOPE);
        this.duration = meter.histogramBuilder("unistore.client.operation.duration").setUnit("s")
                .setDescription("Duration of storage operations").setExplicitBucketBoundariesAdvice(DURATION_BUCKETS)
                .build();
        this.operations = meter.counterBuilder("unistore.client.operations").setUnit("{operation}")
                .setDescription("Storage operations, by store, operation and outcome").build();
        this.errors = meter.counterBuilder("unistore.client.errors").setUnit("{error}")
                .setDescription("Failed storage operations, by error.type (the error code)").build();
        this.bytes = meter.counterBuilder("unistore.client.io").setUnit("By")
                .setDescription("Content bytes sent (transmit) and received (receive)").build();
        this.account = b.account;
        this.targets = b.targets;
    }

    /** A layer reporting to {@code openTelemetry}. */
    public static Builder builder(OpenTelemetry openTelemetry) {
        return new Builder(openTelemetry);
    }

    @Override
    public AccountBackend apply(AccountBackend inner) {
        Attributes account = Attributes.of(PROVIDER, inner.providerId(), ACCOUNT,
                this.account != null ? this.account : inner.providerId());
        return new ObservingLayer(call -> start(call, account)).apply(inner);
    }

    private CallObserver.Scope start(StoreCall call, Attributes accountAttributes) {
        Attributes common = Attributes.builder().putAll(accountAttributes).put(STORE, call.store())
                .put(OPERATION, call.operation()).build();
        var spanBuilder = tracer.spanBuilder(call.name()).setSpanKind(SpanKind.CLIENT).setAllAttributes(common)
                .setAttribute(WRITES, call.writes());
        if (targets && !call.targets().isEmpty()) {
            spanBuilder.setAttribute(TARGET, call.targets().get(0));
        }
        Span span = spanBuilder.startSpan();
        long started = System.nanoTime();
        long[] moved = {0};
        return new CallObserver.Scope() {
            @Override
            public synchronized void bytes(long count) {
                moved[0] += count;
            }

            @Override
            public synchronized void end(Throwable failure) {
                double seconds = (System.nanoTime() - started) / 1e9;
                Attributes outcome = common;
                if (failure != null) {
                    String type = failure instanceof StorageException se ? se.code().name()
                            : failure.getClass().getName();
                    outcome = common.toBuilder().put(ERROR_TYPE, type).build();
                    span.setAttribute(ERROR_TYPE, type);
                    span.setStatus(StatusCode.ERROR, type);
                    errors.add(1, outcome);
                }
                if (moved[0] > 0) {
                    span.setAttribute("unistore.bytes", moved[0]);
                    bytes.add(moved[0], common.toBuilder().put(DIRECTION, call.writes() ? "transmit" : "receive")
                            .build());
                }
                duration.record(seconds, outcome);
                operations.add(1, outcome);
                span.end();
            }
        };
    }

    @Override
    public String toString() {
        return "TelemetryLayer";
    }

    /** Builds a {@link TelemetryLayer}. */
    public static final class Builder {
        private final OpenTelemetry openTelemetry;
        private String account;
        private boolean targets = true;

        private Builder(OpenTelemetry openTelemetry) {
            this.openTelemetry = Objects.requireNonNull(openTelemetry, "openTelemetry");
        }

        /** The account's label, attribute {@code unistore.account} (default: the provider id). */
        public Builder account(String value) {
            this.account = value;
            return this;
        }

        /**
         * Whether spans carry {@code unistore.target}, the container, table, queue or share a call names (default
         * true; names are not secrets, but they may be personal data for some).
         */
        public Builder targets(boolean value) {
            this.targets = value;
            return this;
        }

        /** The layer. */
        public TelemetryLayer build() {
            return new TelemetryLayer(this);
        }
    }
}
