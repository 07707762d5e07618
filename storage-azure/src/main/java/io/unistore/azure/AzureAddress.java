package io.unistore.azure;

import io.unistore.StorageException;
import io.unistore.spi.ProviderConfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where an Azure account is and how to sign in to it, read from the address forms Azure users already have:
 * a connection string (also {@code UseDevelopmentStorage=true}), an account URL
 * ({@code https://<account>.blob.core.windows.net}, sovereign clouds, custom endpoints), a SAS URL, plus the
 * options {@code accountName}, {@code accountKey}, {@code sasToken} and {@code blobEndpoint} /
 * {@code queueEndpoint} / {@code tableEndpoint} / {@code fileEndpoint}. {@link #toString()} shows no secret.
 *
 * @param accountName the storage account, or null when only a SAS and custom endpoints are known
 * @param endpoints the service endpoints this address reaches (no query string, no trailing '/')
 * @param credential how requests are signed
 */
record AzureAddress(String accountName, Map<Service, String> endpoints, Credential credential) {

    /** The four storage services. */
    enum Service {
        BLOB("blob"), QUEUE("queue"), TABLE("table"), FILE("file");

        final String label;

        Service(String label) {
            this.label = label;
        }

        String option() {
            return label + "Endpoint";
        }
    }

    /** How requests are signed. */
    enum CredentialKind { SHARED_KEY, SAS, ENTRA_ID }

    /**
     * A credential; {@link #toString()} names its kind only.
     *
     * @param kind the kind
     * @param secret the account key (SHARED_KEY) or SAS token without '?' (SAS); null for ENTRA_ID
     */
    record Credential(CredentialKind kind, String secret) {
        @Override
        public String toString() {
            return kind.name();
        }
    }

    /** The well-known development account of the Azure Storage emulators (published in Microsoft's docs). */
    static final String DEV_ACCOUNT = "devstoreaccount1";
    static final String DEV_KEY =
            "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /** Public and sovereign Azure clouds, and Azure DNS-zone endpoints. */
    private static final List<String> AZURE_SUFFIXES = List.of("core.windows.net", "core.chinacloudapi.cn",
            "core.usgovcloudapi.net", "core.cloudapi.de", "storage.azure.net");
    private static final Pattern HTTP_URL = Pattern.compile("(?i)^https?://.+");
    private static final Pattern IP_HOST = Pattern.compile("^(\\d{1,3}(\\.\\d{1,3}){3}|\\[[0-9a-fA-F:.]+])$");

    AzureAddress {
        endpoints = Map.copyOf(endpoints);
    }

    /** Whether the address is unmistakably Azure's: a storage connection string or an Azure cloud host. */
    static boolean isAzureAddress(String address) {
        if (address == null) {
            return false;
        }
        String a = address.trim();
        if (ServiceBusAddress.isServiceBusAddress(a)) {
            return false;
        }
        if (ConnectionString.looksLike(a)) {
            return true;
        }
        if (!HTTP_URL.matcher(a).matches()) {
            return false;
        }
        try {
            String host = new URI(a).getHost();
            return host != null && serviceLabelIndex(host.toLowerCase(Locale.ROOT).split("\\.")) > 0
                    && AZURE_SUFFIXES.stream().anyMatch(s -> host.toLowerCase(Locale.ROOT).endsWith("." + s));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /**
     * Reads the address and options.
     *
     * @throws StorageException INVALID_ARGUMENT naming the address or option that is wrong
     */
    static AzureAddress parse(ProviderConfig config) {
        String address = config.address().trim();
        Parsed p;
        if (ConnectionString.looksLike(address)) {
            p = fromConnectionString(ConnectionString.parse(address));
        } else if (HTTP_URL.matcher(address).matches()) {
            p = fromUrl(address);
        } else {
            throw StorageException.invalidArgument("address", "must be an Azure Storage connection string, an "
                    + "account URL such as https://<account>.blob.core.windows.net, or a SAS URL");
        }
        for (Service s : Service.values()) {
            String endpoint = config.option(s.option());
            if (endpoint != null) {
                p.endpoints.put(s, endpoint(s.option(), endpoint));
            }
        }
        String account = config.option("accountName", p.account);
        String key = config.option("accountKey", p.key);
        String sas = config.option("sasToken", p.sas);
        Credential credential;
        if (key != null) {
            if (account == null) {
                throw StorageException.invalidArgument("accountName", "is required with an account key when the "
                        + "address does not name the account");
            }
            try {
                Base64.getDecoder().decode(key);
            } catch (IllegalArgumentException e) {
                throw StorageException.invalidArgument("accountKey", "must be the base64 account key");
            }
            credential = new Credential(CredentialKind.SHARED_KEY, key);
        } else if (sas != null) {
            credential = new Credential(CredentialKind.SAS, sas.startsWith("?") ? sas.substring(1) : sas);
        } else {
            credential = new Credential(CredentialKind.ENTRA_ID, null);
        }
        if (p.endpoints.isEmpty()) {
            throw StorageException.invalidArgument("address", "names no service endpoint: give AccountName, "
                    + "BlobEndpoint/QueueEndpoint/TableEndpoint/FileEndpoint or an account URL");
        }
        return new AzureAddress(account, p.endpoints, credential);
    }

    /** Whether the address reaches this service. */
    boolean has(Service service) {
        return endpoints.containsKey(service);
    }

    /** The endpoint of a service; null if the address does not reach it. */
    String endpoint(Service service) {
        return endpoints.get(service);
    }

    /** What the address says before options apply. */
    private static final class Parsed {
        String account;
        String key;
        String sas;
        final Map<Service, String> endpoints = new EnumMap<>(Service.class);
    }

    private static Parsed fromConnectionString(ConnectionString cs) {
        Parsed p = new Parsed();
        if (cs.useDevelopmentStorage()) {
            String proxy = cs.get("DevelopmentStorageProxyUri");
            String base = proxy != null ? stripSlash(proxy) : "http://127.0.0.1";
            p.account = DEV_ACCOUNT;
            p.key = DEV_KEY;
            p.endpoints.put(Service.BLOB, base + ":10000/" + DEV_ACCOUNT);
            p.endpoints.put(Service.QUEUE, base + ":10001/" + DEV_ACCOUNT);
            p.endpoints.put(Service.TABLE, base + ":10002/" + DEV_ACCOUNT);
            return p;
        }
        p.account = cs.get("AccountName");
        p.key = cs.get("AccountKey");
        p.sas = cs.get("SharedAccessSignature");
        boolean anyExplicit = false;
        for (Service s : Service.values()) {
            String explicit = cs.get(s.label + "Endpoint");
            if (explicit != null) {
                p.endpoints.put(s, endpoint("address (" + s.label + "Endpoint)", explicit));
                anyExplicit = true;
            }
        }
        String protocol = cs.get("DefaultEndpointsProtocol");
        if (p.account != null && (!anyExplicit || protocol != null)) {
            String scheme = protocol == null ? "https" : protocol.toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http")) {
                throw StorageException.invalidArgument("address", "DefaultEndpointsProtocol must be https or http");
            }
            String suffix = cs.get("EndpointSuffix") == null ? "core.windows.net" : cs.get("EndpointSuffix");
            for (Service s : Service.values()) {
                p.endpoints.putIfAbsent(s, scheme + "://" + p.account + "." + s.label + "." + suffix);
            }
        }
        return p;
    }

    private static Parsed fromUrl(String address) {
        URI uri;
        try {
            uri = new URI(address);
        } catch (URISyntaxException e) {
            throw StorageException.invalidArgument("address", "is not a valid URL (at index " + e.getIndex() + ")");
        }
        if (uri.getHost() == null) {
            throw StorageException.invalidArgument("address", "URL has no host");
        }
        Parsed p = new Parsed();
        String query = uri.getRawQuery();
        if (query != null && query.contains("sig=")) {
            p.sas = query;
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        String[] labels = host.split("\\.");
        int service = IP_HOST.matcher(host).matches() ? -1 : serviceLabelIndex(labels);
        if (service > 0) {
            p.account = labels[0];
            for (Service s : Service.values()) {
                String[] sibling = labels.clone();
                sibling[service] = s.label;
                p.endpoints.put(s, scheme + "://" + String.join(".", sibling) + port);
            }
            return p;
        }
        String path = uri.getRawPath() == null ? "" : stripSlash(uri.getRawPath());
        if (IP_HOST.matcher(host).matches() || host.equals("localhost") || host.endsWith(".localhost")) {
            // Path-style (emulators): the first path segment is the account.
            String[] segments = path.replaceFirst("^/", "").split("/");
            if (segments.length == 0 || segments[0].isEmpty()) {
                throw StorageException.invalidArgument("address", "a path-style URL must name the account as its "
                        + "first path segment, e.g. http://127.0.0.1:10000/devstoreaccount1");
            }
            p.account = segments[0];
            p.endpoints.put(Service.BLOB, scheme + "://" + uri.getRawAuthority() + "/" + segments[0]);
        } else {
            p.endpoints.put(Service.BLOB, scheme + "://" + uri.getRawAuthority() + path);
        }
        return p;
    }

    private static int serviceLabelIndex(String[] labels) {
        for (int i = 1; i < labels.length - 1; i++) {
            for (Service s : Service.values()) {
                if (labels[i].equals(s.label)) {
                    return i;
                }
            }
            if (labels[i].equals("dfs")) {
                return i;
            }
        }
        return -1;
    }

    private static String endpoint(String what, String value) {
        String v = value.trim();
        if (!HTTP_URL.matcher(v).matches()) {
            throw StorageException.invalidArgument(what, "must be an http(s) URL");
        }
        try {
            URI uri = new URI(v);
            if (uri.getHost() == null) {
                throw StorageException.invalidArgument(what, "URL has no host");
            }
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            return stripSlash(uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority() + path);
        } catch (URISyntaxException e) {
            throw StorageException.invalidArgument(what, "is not a valid URL (at index " + e.getIndex() + ")");
        }
    }

    private static String stripSlash(String s) {
        String r = s;
        while (r.endsWith("/")) {
            r = r.substring(0, r.length() - 1);
        }
        return r;
    }

    /** The account and endpoints, never a credential. */
    String describe() {
        String where = endpoints.containsKey(Service.BLOB) ? endpoints.get(Service.BLOB)
                : endpoints.values().iterator().next();
        return "azure:" + (accountName != null ? accountName : "?") + " (" + where + ", " + credential.kind() + ")";
    }

    @Override
    public String toString() {
        return "AzureAddress{" + describe() + ", services=" + endpoints.keySet() + "}";
    }
}
