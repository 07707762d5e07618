package io.unistore.azure;

import io.unistore.StorageAccount;
import io.unistore.Unistore;
import io.unistore.testsupport.azurite.Azurite;
import java.util.Map;
import java.util.UUID;

/** Opens accounts on the shared Azurite the way users do, and makes unique names. */
final class AzuriteAccounts {
    private AzuriteAccounts() {
    }

    /**
     * The options of accounts on Azurite. {@code versioning=false}: Azurite has no blob versioning (it answers
     * without version ids), so the capability is removed for it.
     */
    static final Map<String, String> OPTIONS = Map.of("versioning", "false", "maxRetries", "1", "retryDelayMs", "100");

    /** An account on the shared Azurite. */
    static StorageAccount open() {
        return Unistore.open(Azurite.shared().connectionString(), OPTIONS);
    }

    /** A fresh lowercase name with a prefix, valid for containers, queues and shares. */
    static String name(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** A fresh table name. */
    static String table(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
