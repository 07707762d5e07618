package io.unistore.local;

import io.unistore.StorageException;
import io.unistore.spi.AccountBackend;
import io.unistore.spi.ForwardingAccountBackend;
import io.unistore.spi.ForwardingTableBackend;
import io.unistore.spi.Layer;
import io.unistore.spi.TableBackend;
import io.unistore.table.TableAction;
import io.unistore.table.TableActionResult;
import io.unistore.table.TransactionFailedException;
import java.util.ArrayList;
import java.util.List;

/**
 * A deliberately broken layer for tests only: its table transactions commit each action on its own, so a
 * failing action leaves the earlier ones written. It exists to show the conformance kit catches a provider
 * whose batches are not atomic; nothing in the product can enable it.
 */
final class NonAtomicTransactions implements Layer {

    @Override
    public AccountBackend apply(AccountBackend inner) {
        return new ForwardingAccountBackend(inner) {
            @Override
            public TableBackend tables() {
                return new ForwardingTableBackend(super.tables()) {
                    @Override
                    public List<TableActionResult> submitTransaction(String table, List<TableAction> actions) {
                        List<TableActionResult> results = new ArrayList<>();
                        for (int i = 0; i < actions.size(); i++) {
                            try {
                                results.addAll(delegate().submitTransaction(table, List.of(actions.get(i))));
                            } catch (StorageException e) {
                                throw new TransactionFailedException(e.code(), "action " + i + ": "
                                        + e.getMessage(), i);
                            }
                        }
                        return results;
                    }
                };
            }

            @Override
            public String displayName() {
                return super.displayName() + " (non-atomic transactions, test only)";
            }
        };
    }
}
