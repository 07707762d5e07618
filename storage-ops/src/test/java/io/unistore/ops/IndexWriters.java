package io.unistore.ops;

import io.unistore.StorageAccount;
import io.unistore.StorageException;
import io.unistore.table.TableAction;
import io.unistore.table.TableEntity;
import io.unistore.table.UpdateMode;
import java.util.List;
import java.util.Random;

/** Random writes of every kind on a few hot keys of one table, for the index concurrency and kill tests. */
final class IndexWriters {
    private IndexWriters() {
    }

    static void randomWrite(StorageAccount account, String table, Random r) {
        String pk = "p" + r.nextInt(2);
        String rk = "r" + r.nextInt(8);
        TableEntity e = TableEntity.builder(pk, rk)
                .put("Color", TableIndexTest.COLORS[r.nextInt(4)]).put("N", r.nextInt(1000)).build();
        try {
            switch (r.nextInt(6)) {
                case 0 -> account.tables().upsertEntity(table, e, UpdateMode.REPLACE);
                case 1 -> account.tables().upsertEntity(table, e, UpdateMode.MERGE);
                case 2 -> account.tables().upsertEntity(table, TableEntity.builder(pk, rk).put("N", 1).build(),
                        UpdateMode.MERGE);
                case 3 -> account.tables().deleteEntity(table, pk, rk, null);
                case 4 -> account.tables().insertEntity(table, e);
                default -> account.tables().submitTransaction(table, List.of(TableAction.upsert(e,
                        UpdateMode.REPLACE), TableAction.upsert(TableEntity.builder(pk, rk + "t")
                        .put("Color", TableIndexTest.COLORS[r.nextInt(4)]).build(), UpdateMode.MERGE)));
            }
        } catch (StorageException expected) {
            // An insert of an existing entity, or a transaction that lost a race: nothing written.
        }
    }
}
