package io.unistore.azure;

import com.azure.core.util.Context;
import com.azure.data.tables.TableClient;
import com.azure.data.tables.models.ListEntitiesOptions;
import com.azure.data.tables.models.TableTransactionAction;
import com.azure.data.tables.models.TableTransactionActionResponse;
import com.azure.data.tables.models.TableTransactionActionType;
import com.azure.data.tables.models.TableTransactionFailedException;
import com.azure.data.tables.models.TableTransactionResult;
import io.unistore.ErrorCode;
import io.unistore.StorageException;
import io.unistore.table.TableAction;
import io.unistore.table.TableActionResult;
import io.unistore.table.TransactionFailedException;
import java.util.ArrayList;
import java.util.List;

/**
 * Entity group transactions: at most 100 actions on one partition, all or nothing. Azure fails a whole
 * transaction when it deletes an absent entity; the API counts that delete as done, so such deletes (without an
 * ETag) are dropped and the rest is sent again — the failed attempt wrote nothing.
 */
final class TableTransactions {
    private TableTransactions() {
    }

    /**
     * @param etagsWanted whether the results must carry the new ETags: where the answer leaves them out
     *        (Azurite), they cost a query of the partition afterwards
     */
    static List<TableActionResult> submit(TableClient client, String table, List<TableAction> actions,
                                          boolean etagsWanted) {
        List<Integer> sent = new ArrayList<>();
        for (int i = 0; i < actions.size(); i++) {
            sent.add(i);
        }
        String[] etags = new String[actions.size()];
        Tries tries = new Tries();
        while (true) {
            List<TableTransactionAction> sdk = new ArrayList<>();
            for (int i : sent) {
                try {
                    sdk.add(toSdk(actions.get(i)));
                } catch (StorageException e) {
                    throw new TransactionFailedException(e.code(), "action " + i + ": " + e.getMessage(), i);
                }
            }
            try {
                if (!sdk.isEmpty()) {
                    TableTransactionResult result = client.submitTransactionWithResponse(sdk, null, tries.context())
                            .getValue();
                    List<TableTransactionActionResponse> responses = result.getTransactionActionResponses();
                    for (int k = 0; k < responses.size() && k < sent.size(); k++) {
                        TableAction a = actions.get(sent.get(k));
                        etags[sent.get(k)] = a.type() == TableAction.Type.DELETE ? null
                                : AzureTableStore.normalizeEtag(responses.get(k).getHeaders().getValue("ETag"));
                    }
                    if (etagsWanted) {
                        readMissingEtags(client, actions, sent, etags);
                    }
                }
                List<TableActionResult> results = new ArrayList<>();
                for (int i = 0; i < actions.size(); i++) {
                    results.add(new TableActionResult(actions.get(i), etags[i]));
                }
                return results;
            } catch (TableTransactionFailedException e) {
                int failed = e.getFailedTransactionActionIndex() == null ? -1 : e.getFailedTransactionActionIndex();
                String code = e.getValue() == null || e.getValue().getErrorCode() == null ? null
                        : e.getValue().getErrorCode().toString();
                int original = failed >= 0 && failed < sent.size() ? sent.get(failed) : -1;
                // The answer's status is the batch's own (202) when a part failed: only the code speaks for it.
                int status = AzureErrors.status(e) >= 300 ? AzureErrors.status(e) : 0;
                AzureErrorCodes.Verdict verdict = AzureErrorCodes.classify(status, code);
                if (tries.ambiguous()) {
                    // A try cut off after Azure may have committed the transaction: if the partition holds what
                    // every action would have left, this failure is the echo of that try.
                    String[] applied = AppliedWrites.etagsIfApplied(client, actions);
                    if (applied != null) {
                        List<TableActionResult> results = new ArrayList<>();
                        for (int i = 0; i < actions.size(); i++) {
                            results.add(new TableActionResult(actions.get(i), applied[i]));
                        }
                        return results;
                    }
                }
                if (original >= 0 && verdict.code() == ErrorCode.NOT_FOUND && droppable(actions.get(original))) {
                    sent.remove(failed);
                    continue;
                }
                throw new TransactionFailedException(verdict.code(), "transaction on table " + table + " failed at "
                        + "action " + original + " (" + (original >= 0 ? actions.get(original).type() : "?") + "): "
                        + (code == null ? "no error code" : code) + "; nothing was written", original, e,
                        AzureErrors.status(e), code, e.getResponse() == null ? null
                        : e.getResponse().getHeaderValue("x-ms-request-id"));
            } catch (RuntimeException e) {
                throw AzureErrors.translate("transaction on table " + table, e);
            }
        }
    }

    /**
     * Azure answers each action with the entity's new ETag; Azurite leaves it out, so the ETags are read back with
     * one query over the transaction's RowKey range (the transaction is done by then: a concurrent writer could
     * have changed an entity in between).
     */
    private static void readMissingEtags(TableClient client, List<TableAction> actions, List<Integer> sent,
                                         String[] etags) {
        java.util.TreeMap<String, Integer> missing = new java.util.TreeMap<>();
        for (int i : sent) {
            if (etags[i] == null && actions.get(i).type() != TableAction.Type.DELETE) {
                missing.put(actions.get(i).rowKey(), i);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        String partition = actions.get(0).partitionKey();
        String filter = "PartitionKey eq " + AppliedWrites.quote(partition) + " and RowKey ge "
                + AppliedWrites.quote(missing.firstKey()) + " and RowKey le " + AppliedWrites.quote(missing.lastKey());
        ListEntitiesOptions query = new ListEntitiesOptions().setFilter(filter)
                .setSelect(List.of(io.unistore.table.TableEntity.PARTITION_KEY, io.unistore.table.TableEntity.ROW_KEY));
        for (com.azure.data.tables.models.TableEntity e : client.listEntities(query, null, Context.NONE)) {
            Integer i = missing.get(e.getRowKey());
            if (i != null) {
                etags[i] = e.getETag();
            }
        }
    }

    private static boolean droppable(TableAction a) {
        return a.type() == TableAction.Type.DELETE && !AzureTableStore.conditional(a.ifMatch());
    }

    private static TableTransactionAction toSdk(TableAction a) {
        com.azure.data.tables.models.TableEntity e = TableEntities.withEtag(TableEntities.toSdk(a.entity()),
                a.ifMatch());
        boolean ifUnchanged = AzureTableStore.conditional(a.ifMatch());
        return switch (a.type()) {
            case INSERT -> new TableTransactionAction(TableTransactionActionType.CREATE, e);
            case UPSERT_MERGE -> new TableTransactionAction(TableTransactionActionType.UPSERT_MERGE, e);
            case UPSERT_REPLACE -> new TableTransactionAction(TableTransactionActionType.UPSERT_REPLACE, e);
            case UPDATE_MERGE -> new TableTransactionAction(TableTransactionActionType.UPDATE_MERGE, e, ifUnchanged);
            case UPDATE_REPLACE -> new TableTransactionAction(TableTransactionActionType.UPDATE_REPLACE, e,
                    ifUnchanged);
            case DELETE -> new TableTransactionAction(TableTransactionActionType.DELETE, e, ifUnchanged);
        };
    }
}
