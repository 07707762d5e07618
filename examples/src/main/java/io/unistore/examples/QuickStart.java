package io.unistore.examples;

import io.unistore.StorageAccount;
import io.unistore.Unistore;
import io.unistore.table.TableEntity;
import io.unistore.table.TableQuery;
import io.unistore.table.UpdateMode;

/** The README's example: one account, a blob and a table query. Run with an address, default ./unistore-data. */
public final class QuickStart {
    public static void main(String[] args) {
        try (StorageAccount account = Unistore.open(args.length > 0 ? args[0] : "file:unistore-data")) {
            account.blobs().createContainerIfNotExists("docs");
            account.blobs().upload("docs", "hello.txt", "Hello, Unistore".getBytes());
            account.tables().createTableIfNotExists("people");
            account.tables().upsertEntity("people", TableEntity.builder("staff", "ada").put("Age", 36).build(),
                    UpdateMode.REPLACE);
            account.tables().query("people", TableQuery.where("PartitionKey eq 'staff' and Age gt 30"))
                    .forEach(e -> System.out.println(e.rowKey() + " is " + e.getInt("Age")));
        }
    }
}
