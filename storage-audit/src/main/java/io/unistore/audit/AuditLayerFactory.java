package io.unistore.audit;

import io.unistore.spi.AccountBackend;
import io.unistore.spi.Layer;
import io.unistore.spi.LayerFactory;
import java.util.Map;

/**
 * The {@code audit} layer by name: {@code layers=audit} with {@code audit.sink=file|container|table} and that
 * sink's options (see the module's README). The sink's account is closed with the audited account.
 */
public final class AuditLayerFactory implements LayerFactory {

    @Override
    public String name() {
        return "audit";
    }

    @Override
    public Layer create(Map<String, String> options) {
        AuditOptions o = AuditOptions.parse(options);
        boolean reads = o.reads();
        AuditOptions.OpenSink opened = o.openSink();
        AuditLayer.Builder b = AuditLayer.builder(opened.sink()).reads(reads);
        if (options.get("principal") != null) {
            b.principal(options.get("principal"));
        }
        if (options.get("account") != null) {
            b.account(options.get("account"));
        }
        AuditLayer layer = b.build();
        return inner -> new ClosingAccount(layer.apply(inner), opened);
    }

    /** Closes the sink (and its account) after the audited account. */
    private static final class ClosingAccount extends io.unistore.spi.ForwardingAccountBackend {
        private final AutoCloseable sink;

        ClosingAccount(AccountBackend delegate, AutoCloseable sink) {
            super(delegate);
            this.sink = sink;
        }

        @Override
        public void close() {
            try {
                super.close();
            } finally {
                try {
                    sink.close();
                } catch (Exception e) {
                    org.slf4j.LoggerFactory.getLogger(AuditLayerFactory.class).warn("closing the audit sink: {}",
                            io.unistore.spi.Secrets.redact(String.valueOf(e.getMessage())));
                }
            }
        }
    }
}
