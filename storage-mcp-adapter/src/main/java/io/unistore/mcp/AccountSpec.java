package io.unistore.mcp;

import io.unistore.ops.MetricsThresholds;
import io.unistore.spi.Secrets;
import java.util.Map;

/**
 * One account the server serves, as configured: its name, the address and options handed to
 * {@link io.unistore.Unistore}, its policy and its metrics alert thresholds. {@link #toString()} shows no address or
 * option value.
 */
record AccountSpec(String name, String address, Map<String, String> options, AccountPolicy policy,
                   MetricsThresholds alerts) {

    AccountSpec {
        options = Map.copyOf(options);
        alerts = alerts == null ? MetricsThresholds.NONE : alerts;
    }

    AccountSpec(String name, String address, Map<String, String> options, AccountPolicy policy) {
        this(name, address, options, policy, MetricsThresholds.NONE);
    }

    @Override
    public String toString() {
        return "AccountSpec{name=" + name + ", address=" + Secrets.redact(address) + ", options=" + options.keySet()
                + "}";
    }
}
