package io.unistore.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.unistore.Capability;
import io.unistore.StorageAccount;
import io.unistore.StorageException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * What the four store contracts share: the account is opened once per class, the store's capability is
 * assumed, and everything the class created is removed (best effort) before the account is closed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StoreContract {
    private final List<String> created = new CopyOnWriteArrayList<>();

    /** The account under test. */
    protected StorageAccount account;

    /**
     * Opens the account under test, through {@code Unistore.open(...)} so that the capability guard is in
     * place. Called once per class; the contract closes it.
     */
    protected abstract StorageAccount openAccount();

    /** The capability that makes the store available. */
    abstract Capability storeCapability();

    /** Takes the store from the freshly opened account. */
    abstract void openStore();

    /** Deletes one top-level item (container, table, queue, share) this class created. */
    abstract void remove(String name);

    @BeforeAll
    final void openAccountOnce() {
        account = openAccount();
        assumeTrue(account.capabilities().has(storeCapability()), "account declares " + storeCapability());
        openStore();
    }

    @AfterAll
    final void removeCreatedAndClose() {
        if (account == null) {
            return;
        }
        try {
            for (String name : created) {
                try {
                    remove(name);
                } catch (StorageException ignored) {
                    // best effort: the back end is torn down by the provider's test anyway
                }
            }
        } finally {
            account.close();
        }
    }

    /** Remembers a top-level item to remove after the class; returns its name. */
    final String track(String name) {
        created.add(name);
        return name;
    }

    /**
     * Asserts that metadata read back is what was written, as the account says its service stores it
     * ({@link io.unistore.MetadataRules#stored}: exactly, or with keys in lowercase on S3).
     */
    final void assertMetadata(Map<String, String> actual, Map<String, String> expected) {
        assertThat(new TreeMap<>(actual)).isEqualTo(new TreeMap<>(account.capabilities().metadataRules()
                .stored(expected)));
    }

    /** Whether the account declares the capability. */
    final boolean declares(Capability capability) {
        return account.capabilities().has(capability);
    }
}
