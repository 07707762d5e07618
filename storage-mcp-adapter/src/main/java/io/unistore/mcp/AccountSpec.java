package io.unistore.mcp;

import io.unistore.spi.Secrets;
import java.util.Map;

/**
 * One account the server serves, as configured: its name, the address and options handed to
 * {@link io.unistore.Unistore}, and its policy. {@link #toString()} shows no address or option value.
 */
record AccountSpec(String name, String address, Map<String, String> options, AccountPolicy policy) {

    AccountSpec {
        options = Map.copyOf(options);
    }

    @Override
    public String toString() {
        return "AccountSpec{name=" + name + ", address=" + Secrets.redact(address) + ", options=" + options.keySet()
                + "}";
    }
}
