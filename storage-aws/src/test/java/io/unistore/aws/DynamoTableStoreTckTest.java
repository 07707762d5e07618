package io.unistore.aws;

import io.unistore.StorageAccount;
import io.unistore.tck.TableStoreContract;

/**
 * The table conformance kit on dynalite. dynalite has no TransactWriteItems, so the account declares no
 * transactions here and the kit checks they are refused; the transaction mapping is proven by
 * {@link DynamoTransactionMappingTest} and on AWS by {@link DynamoLiveTest}.
 */
class DynamoTableStoreTckTest extends TableStoreContract {
    @Override
    protected StorageAccount openAccount() {
        return AwsEmulators.dynamo();
    }
}
