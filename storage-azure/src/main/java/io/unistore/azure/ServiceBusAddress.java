package io.unistore.azure;

import io.unistore.StorageException;
import io.unistore.spi.ProviderConfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where a Service Bus namespace is and how to sign in: a namespace connection string
 * ({@code Endpoint=sb://<namespace>.servicebus.windows.net/;SharedAccessKeyName=...;SharedAccessKey=...}, also with
 * {@code UseDevelopmentEmulator=true}) or a namespace address for Entra ID ({@code sb://<namespace>.servicebus.windows.net}
 * or its bare host name). {@link #toString()} shows no secret.
 *
 * @param host the namespace's host name
 * @param port the AMQP port a development emulator listens on, or -1 for the default
 * @param connectionString the whole connection string (a secret), or null for Entra ID
 * @param emulator whether the connection string says {@code UseDevelopmentEmulator=true} (plain AMQP, no TLS)
 * @param administrationEndpoint where administration calls go when not to https://host (an emulator), or null
 */
record ServiceBusAddress(String host, int port, String connectionString, boolean emulator,
                         String administrationEndpoint) {
    private static final Pattern SB_URL = Pattern.compile("(?i)^(sb|amqps?|https)://[^/\\s]+/?$");
    private static final Pattern SB_CONNECTION_STRING = Pattern.compile("(?i)(^|;)\\s*Endpoint\\s*=\\s*sb://");
    private static final Pattern BARE_HOST = Pattern.compile("(?i)^[a-z0-9][a-z0-9-]*\\.servicebus\\.[a-z0-9.]+$");

    /** Whether the address is a Service Bus one: a connection string with an sb:// endpoint, or a namespace URL. */
    static boolean isServiceBusAddress(String address) {
        if (address == null) {
            return false;
        }
        String a = address.trim();
        if (SB_CONNECTION_STRING.matcher(a).find()) {
            return true;
        }
        String lower = a.toLowerCase(Locale.ROOT);
        return lower.startsWith("sb://") && SB_URL.matcher(a).matches() || BARE_HOST.matcher(a).matches();
    }

    /**
     * Reads the address and the option {@code administrationEndpoint}.
     *
     * @throws StorageException INVALID_ARGUMENT naming what is wrong (never quoting a secret)
     */
    static ServiceBusAddress parse(ProviderConfig config) {
        String address = config.address().trim();
        String admin = config.option("administrationEndpoint");
        if (admin != null && !admin.matches("(?i)^https?://[^/\\s]+/?$")) {
            throw StorageException.invalidArgument("administrationEndpoint", "must be an http(s) URL with a host "
                    + "and no path, e.g. http://127.0.0.1:5300");
        }
        if (SB_CONNECTION_STRING.matcher(address).find() || address.contains(";")) {
            ConnectionString cs = ConnectionString.parse(address);
            String endpoint = cs.get("Endpoint");
            if (endpoint == null || !endpoint.toLowerCase(Locale.ROOT).startsWith("sb://")) {
                throw StorageException.invalidArgument("address", "a Service Bus connection string needs "
                        + "Endpoint=sb://<namespace>.servicebus.windows.net/");
            }
            if (cs.get("EntityPath") != null) {
                throw StorageException.invalidArgument("address", "must be a namespace connection string, without "
                        + "EntityPath: queues are named per call");
            }
            if (cs.get("SharedAccessKeyName") == null && cs.get("SharedAccessSignature") == null) {
                throw StorageException.invalidArgument("address", "a Service Bus connection string needs "
                        + "SharedAccessKeyName and SharedAccessKey, or SharedAccessSignature");
            }
            URI uri = uri(endpoint);
            boolean emulator = "true".equalsIgnoreCase(cs.get("UseDevelopmentEmulator"));
            return new ServiceBusAddress(uri.getHost(), uri.getPort(), address, emulator, strip(admin));
        }
        if (BARE_HOST.matcher(address).matches()) {
            return new ServiceBusAddress(address.toLowerCase(Locale.ROOT), -1, null, false, strip(admin));
        }
        if (SB_URL.matcher(address).matches()) {
            URI uri = uri(address);
            return new ServiceBusAddress(uri.getHost(), -1, null, false, strip(admin));
        }
        throw StorageException.invalidArgument("address", "must be a Service Bus namespace connection string "
                + "(Endpoint=sb://...) or a namespace address sb://<namespace>.servicebus.windows.net (Entra ID)");
    }

    private static URI uri(String value) {
        try {
            URI uri = new URI(value.trim());
            if (uri.getHost() == null) {
                throw StorageException.invalidArgument("address", "the Service Bus endpoint has no host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw StorageException.invalidArgument("address", "the Service Bus endpoint is not a valid URL (at index "
                    + e.getIndex() + ")");
        }
    }

    private static String strip(String s) {
        return s == null ? null : s.replaceAll("/+$", "");
    }

    /** The namespace's fully qualified name, as Entra ID clients take it. */
    String fullyQualifiedNamespace() {
        return host;
    }

    /** The namespace and how it signs in, never a secret. */
    String describe() {
        return "servicebus:" + host + (port > 0 ? ":" + port : "") + " (" + (connectionString != null
                ? "shared access key" : "ENTRA_ID") + (emulator ? ", development emulator" : "") + ")";
    }

    @Override
    public String toString() {
        return "ServiceBusAddress{" + describe() + "}";
    }
}
