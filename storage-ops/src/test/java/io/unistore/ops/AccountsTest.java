package io.unistore.ops;

import io.unistore.StorageAccount;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/** A test that opens accounts and closes them (and what they hold on shared emulators) after each test. */
abstract class AccountsTest {
    private final List<StorageAccount> opened = new ArrayList<>();

    /** Closes the account after the test. */
    StorageAccount track(StorageAccount account) {
        opened.add(account);
        return account;
    }

    @AfterEach
    void closeAccounts() {
        opened.forEach(StorageAccount::close);
        opened.clear();
    }
}
