package io.unistore.spring;

import io.unistore.Capability;
import io.unistore.StorageAccount;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;

/**
 * Adds {@code unistore.accounts.<name>} to Actuator's info: the provider, a display name that never holds a
 * secret, whether it is primary and its capabilities.
 */
final class UnistoreInfoContributor implements InfoContributor {

    private final Iterable<String> names;
    private final Function<String, StorageAccount> accounts;
    private final String primary;

    UnistoreInfoContributor(Iterable<String> names, Function<String, StorageAccount> accounts, String primary) {
        this.names = names;
        this.accounts = accounts;
        this.primary = primary;
    }

    @Override
    public void contribute(Info.Builder builder) {
        Map<String, Object> all = new LinkedHashMap<>();
        for (String name : names) {
            StorageAccount account = accounts.apply(name);
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("provider", account.providerId());
            one.put("displayName", account.displayName());
            one.put("primary", name.equals(primary));
            TreeSet<String> capabilities = new TreeSet<>();
            for (Capability c : account.capabilities().capabilities()) {
                capabilities.add(c.name());
            }
            one.put("capabilities", capabilities);
            all.put(name, one);
        }
        builder.withDetail("unistore", Map.of("accounts", all));
    }
}
