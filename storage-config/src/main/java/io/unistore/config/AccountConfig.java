package io.unistore.config;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One account of the accounts file: its name, the address and options handed to {@code Unistore.open}
 * (references to the environment already replaced), and the application's own keys, unread. {@link #toString()}
 * shows no address or option value, since either may hold a secret.
 *
 * @param name the account name ({@link AccountsFile#isAccountName})
 * @param address a provider address: {@code file:DIR}, an Azure connection string, {@code s3://...}, {@code gs://...}
 * @param options provider options
 * @param extra the keys the reader was told the application reads itself (such as {@code policy}), as given
 */
public record AccountConfig(String name, String address, Map<String, String> options, Map<String, JsonNode> extra) {

    public AccountConfig {
        options = Map.copyOf(options);
        extra = Map.copyOf(extra);
    }

    /** An account with no options or extra keys. */
    public static AccountConfig of(String name, String address) {
        return new AccountConfig(name, address, Map.of(), Map.of());
    }

    @Override
    public String toString() {
        return "AccountConfig{name=" + name + ", options=" + options.keySet() + "}";
    }
}
