package io.unistore.spring;

import io.unistore.StorageAccount;
import io.unistore.StorageException;
import io.unistore.Unistore;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Opens one configured account, turning a refusal into a startup failure that names the property at fault. The
 * message is the API's own, which never holds a secret; the address itself is never repeated.
 */
final class AccountOpener {

    private AccountOpener() {
    }

    static StorageAccount open(String name, UnistoreProperties.Account account,
                               Stream<UnistoreAccountCustomizer> customizers) {
        String property = UnistoreProperties.PREFIX + ".accounts." + name;
        if (account.getAddress() == null || account.getAddress().isBlank()) {
            throw new IllegalStateException(property + ".address is required: file:/some/dir or a path (local), an "
                    + "Azure connection string or account URL, s3://..., gs://...");
        }
        Unistore.Builder builder = Unistore.builder().address(account.getAddress()).options(account.getOptions());
        List<String> layers = account.getLayers();
        if (layers != null && !layers.isEmpty()) {
            builder.option(Unistore.LAYERS_OPTION, String.join(",", layers));
        }
        customizers.forEach(c -> c.customize(name, builder));
        try {
            return builder.open();
        } catch (StorageException e) {
            throw new IllegalStateException("Unistore account '" + name + "' could not be opened: "
                    + propertyAtFault(property, account.getOptions(), e.getMessage()) + ": " + e.getMessage(), e);
        }
    }

    /** The property an API message ({@code argument: rule}) is about, or the account's prefix. */
    static String propertyAtFault(String property, Map<String, String> options, String message) {
        int colon = message == null ? -1 : message.indexOf(':');
        String argument = colon < 0 ? "" : message.substring(0, colon).trim();
        if (argument.equals("address")) {
            return property + ".address";
        }
        if (argument.equals(Unistore.LAYERS_OPTION)) {
            return property + ".layers";
        }
        if (options != null && options.containsKey(argument)) {
            return property + ".options." + argument;
        }
        return property;
    }
}
