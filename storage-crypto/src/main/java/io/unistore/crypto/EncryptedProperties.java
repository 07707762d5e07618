package io.unistore.crypto;

import io.unistore.StorageException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which table properties the encryption layer encrypts, from {@code Table.property} entries separated by commas
 * ({@code Customers.ssn,Customers.card,*.secret}): a table name (case-insensitive, as table names are) or {@code *}
 * for every table, a dot, and a property name (case-sensitive). Keys and system properties (PartitionKey, RowKey,
 * Timestamp) cannot be encrypted: the service needs them.
 */
final class EncryptedProperties {
    static final EncryptedProperties NONE = new EncryptedProperties(Map.of());
    private static final Set<String> SYSTEM = Set.of("PartitionKey", "RowKey", "Timestamp");
    private final Map<String, Set<String>> byTable;

    private EncryptedProperties(Map<String, Set<String>> byTable) {
        this.byTable = byTable;
    }

    /**
     * Parses the list.
     *
     * @param option the option's name, for errors
     * @throws StorageException INVALID_ARGUMENT naming the option and the bad entry
     */
    static EncryptedProperties parse(String spec, String option) {
        Map<String, Set<String>> byTable = new LinkedHashMap<>();
        for (String raw : spec.split(",")) {
            String entry = raw.trim();
            if (entry.isEmpty()) {
                continue;
            }
            int dot = entry.indexOf('.');
            String table = dot < 0 ? "" : entry.substring(0, dot);
            String property = dot < 0 ? "" : entry.substring(dot + 1);
            if (!(table.equals("*") || table.matches("[A-Za-z][A-Za-z0-9]{0,62}"))
                    || !property.matches("[A-Za-z_][A-Za-z0-9_]{0,254}")) {
                throw StorageException.invalidArgument(option, "entry '" + entry + "' must be Table.property or "
                        + "*.property (a table name or *, a dot, a property name of letters, digits and '_')");
            }
            if (SYSTEM.contains(property)) {
                throw StorageException.invalidArgument(option, "entry '" + entry + "' names a key or system "
                        + "property, which the service needs in the clear");
            }
            byTable.computeIfAbsent(table.toLowerCase(Locale.ROOT), t -> new LinkedHashSet<>()).add(property);
        }
        return new EncryptedProperties(Map.copyOf(byTable));
    }

    boolean isEmpty() {
        return byTable.isEmpty();
    }

    /** Whether the property of the table is encrypted. */
    boolean encrypted(String table, String property) {
        Set<String> own = byTable.get(table.toLowerCase(Locale.ROOT));
        Set<String> all = byTable.get("*");
        return (own != null && own.contains(property)) || (all != null && all.contains(property));
    }
}
