package io.unistore.audit;

import io.unistore.StorageAccount;
import io.unistore.StorageException;
import io.unistore.Unistore;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The {@code audit.*} options, shared by the layer's factory and {@link AuditLog#open}. */
record AuditOptions(String sink, Map<String, String> options) {
    static final long DEFAULT_MAX_BYTES = 10L << 20;
    private static final Set<String> KNOWN = Set.of("sink", "path", "maxBytes", "address", "container", "prefix",
            "table", "principal", "account", "reads");
    private static final String SINK_OPTION = "sinkOption.";

    static AuditOptions parse(Map<String, String> options) {
        for (String key : options.keySet()) {
            if (!KNOWN.contains(key) && !key.startsWith(SINK_OPTION)) {
                throw StorageException.invalidArgument("audit." + key, "is not an audit option (known: "
                        + String.join(", ", KNOWN.stream().sorted().toList()) + ", sinkOption.<name>)");
            }
        }
        String sink = options.getOrDefault("sink", "file");
        if (!Set.of("file", "container", "table").contains(sink)) {
            throw StorageException.invalidArgument("audit.sink", "must be file, container or table, was '" + sink
                    + "'");
        }
        return new AuditOptions(sink, Map.copyOf(options));
    }

    String required(String key, String what) {
        String v = options.get(key);
        if (v == null || v.isBlank()) {
            throw StorageException.invalidArgument("audit." + key, "is required with audit.sink=" + sink + " (" + what
                    + ")");
        }
        return v;
    }

    long maxBytes() {
        String v = options.get("maxBytes");
        if (v == null) {
            return DEFAULT_MAX_BYTES;
        }
        try {
            long n = Long.parseLong(v.trim());
            if (n >= 1024) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw StorageException.invalidArgument("audit.maxBytes", "must be a whole number of bytes, at least 1024, "
                + "was '" + v + "'");
    }

    boolean reads() {
        String v = options.getOrDefault("reads", "false");
        if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
            throw StorageException.invalidArgument("audit.reads", "must be true or false, was '" + v + "'");
        }
        return Boolean.parseBoolean(v);
    }

    /** Opens the sink, and the account it writes to for container and table sinks. */
    OpenSink openSink() {
        if (sink.equals("file")) {
            return new OpenSink(AuditSink.file(Path.of(required("path", "the audit file")), maxBytes()), null);
        }
        String address = required("address", "the address of the account the audit lines go to");
        Map<String, String> accountOptions = new LinkedHashMap<>();
        options.forEach((k, v) -> {
            if (k.startsWith(SINK_OPTION)) {
                accountOptions.put(k.substring(SINK_OPTION.length()), v);
            }
        });
        StorageAccount account = Unistore.open(address, accountOptions);
        try {
            AuditSink s = sink.equals("container")
                    ? AuditSink.container(account, required("container", "the container of the daily objects"),
                    options.getOrDefault("prefix", ""), maxBytes())
                    : AuditSink.table(account, required("table", "the table of the lines"));
            return new OpenSink(s, account);
        } catch (RuntimeException e) {
            account.close();
            throw e;
        }
    }

    /** A sink and the account it was opened on (null for files), closed together. */
    record OpenSink(AuditSink sink, StorageAccount account) implements AutoCloseable {
        @Override
        public void close() {
            try {
                sink.close();
            } finally {
                if (account != null) {
                    account.close();
                }
            }
        }
    }
}
