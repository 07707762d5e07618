package io.unistore.local;

import io.unistore.Capabilities;
import io.unistore.StorageAccount;
import io.unistore.StorageException;
import io.unistore.blob.BlobStore;
import io.unistore.file.FileStore;
import io.unistore.queue.QueueStore;
import io.unistore.table.TableAction;
import io.unistore.table.TableActionResult;
import io.unistore.table.TableStore;
import io.unistore.table.TransactionFailedException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

/**
 * A deliberately broken local account for tests only: its table transactions commit each action on its own,
 * so a failing action leaves the earlier ones written. It exists to show the conformance kit catches a
 * provider whose batches are not atomic; nothing in the product can enable it.
 */
final class NonAtomicTransactions implements StorageAccount {
    private final StorageAccount delegate;

    NonAtomicTransactions(StorageAccount delegate) {
        this.delegate = delegate;
    }

    @Override
    public TableStore tables() {
        TableStore real = delegate.tables();
        return (TableStore) Proxy.newProxyInstance(TableStore.class.getClassLoader(), new Class<?>[] {TableStore.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("submitTransaction")) {
                        return splitTransaction(real, (String) args[0], castActions(args[1]));
                    }
                    if (method.isDefault()) {
                        return java.lang.reflect.InvocationHandler.invokeDefault(proxy, method, args);
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @SuppressWarnings("unchecked")
    private static List<TableAction> castActions(Object actions) {
        return (List<TableAction>) actions;
    }

    private static List<TableActionResult> splitTransaction(TableStore real, String table, List<TableAction> actions) {
        List<TableActionResult> results = new ArrayList<>();
        for (int i = 0; i < actions.size(); i++) {
            try {
                results.addAll(real.submitTransaction(table, List.of(actions.get(i))));
            } catch (StorageException e) {
                throw new TransactionFailedException(e.code(), "action " + i + ": " + e.getMessage(), i);
            }
        }
        return results;
    }

    @Override
    public String providerId() {
        return delegate.providerId();
    }

    @Override
    public String displayName() {
        return delegate.displayName() + " (non-atomic transactions, test only)";
    }

    @Override
    public Capabilities capabilities() {
        return delegate.capabilities();
    }

    @Override
    public BlobStore blobs() {
        return delegate.blobs();
    }

    @Override
    public QueueStore queues() {
        return delegate.queues();
    }

    @Override
    public FileStore files() {
        return delegate.files();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
