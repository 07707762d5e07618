package io.unistore.msgraph;

import io.unistore.StorageAccount;
import io.unistore.tck.FileStoreContract;

/** The conformance kit's file contract on the Graph stand-in, opened as a user would. */
class GraphFileStoreTckTest extends FileStoreContract {
    @Override
    protected StorageAccount openAccount() {
        return GraphStandInAccounts.open();
    }
}
