package io.unistore.spring;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code unistore.*} properties: the accounts an application uses, by name.
 *
 * <pre>
 * unistore:
 *   accounts:
 *     main:
 *       address: ${STORAGE_CONNECTION_STRING}
 *       options: { queueMessageEncoding: base64 }
 *       layers: [ audit ]
 * </pre>
 *
 * With no account at all, one account named {@value UnistoreAccounts#DEFAULT_NAME} is opened on the local provider
 * in {@code ./unistore-data}.
 */
@ConfigurationProperties(prefix = UnistoreProperties.PREFIX)
public class UnistoreProperties {

    /** The prefix of every property of the starter. */
    public static final String PREFIX = "unistore";

    /** The accounts, by name; the name qualifies the account's bean and names it in {@code unistore://} URLs. */
    private Map<String, Account> accounts = new LinkedHashMap<>();

    /** Which account is primary (its stores become beans) when there are several; the only one otherwise. */
    private String primary;

    /** Whether Micrometer meters are recorded for every account (when a MeterRegistry is present). */
    private boolean metrics = true;

    private final Health health = new Health();

    public Health getHealth() {
        return health;
    }

    public Map<String, Account> getAccounts() {
        return accounts;
    }

    public void setAccounts(Map<String, Account> accounts) {
        this.accounts = accounts;
    }

    public String getPrimary() {
        return primary;
    }

    public void setPrimary(String primary) {
        this.primary = primary;
    }

    public boolean isMetrics() {
        return metrics;
    }

    public void setMetrics(boolean metrics) {
        this.metrics = metrics;
    }

    /** The Actuator health indicator of each account. */
    public static class Health {

        /** How long the health check waits for the account's answer before reporting it DOWN. */
        private Duration timeout = Duration.ofSeconds(5);

        public Duration getTimeout() {
            return timeout;
        }

        public void setTimeout(Duration timeout) {
            this.timeout = timeout;
        }
    }

    /** One account: where it is, the provider's options and the layers to stack on it. */
    public static class Account {

        /**
         * The address: {@code file:/dir} or a path (local), an Azure connection string, account URL or SAS URL,
         * {@code s3://?region=...}, {@code gs://project}. May hold a secret: it is never logged.
         */
        private String address;

        /** Provider options (see each provider's README), e.g. {@code provider}, {@code queueMessageEncoding}. */
        private Map<String, String> options = new LinkedHashMap<>();

        /** Layers by name, outermost first (names of LayerFactory services on the class path). */
        private List<String> layers = new ArrayList<>();

        public String getAddress() {
            return address;
        }

        public void setAddress(String address) {
            this.address = address;
        }

        public Map<String, String> getOptions() {
            return options;
        }

        public void setOptions(Map<String, String> options) {
            this.options = options;
        }

        public List<String> getLayers() {
            return layers;
        }

        public void setLayers(List<String> layers) {
            this.layers = layers;
        }
    }
}
