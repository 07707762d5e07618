package io.unistore.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unistore.ErrorCode;
import io.unistore.Page;
import io.unistore.StorageAccount;
import io.unistore.StorageException;
import io.unistore.Unistore;
import io.unistore.table.Filter;
import io.unistore.table.TableAction;
import io.unistore.table.TableEntity;
import io.unistore.table.TableQuery;
import io.unistore.table.TableStore;
import io.unistore.table.TransactionFailedException;
import io.unistore.table.UpdateMode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local table store: exact types, SQL-translated filters, atomic transactions, ETag races. */
class TableStoreLocalTest {
    @TempDir
    Path dir;
    StorageAccount account;
    TableStore tables;

    @BeforeEach
    void open() {
        account = Unistore.open("file:" + dir);
        tables = account.tables();
        tables.createTable("People");
    }

    @AfterEach
    void close() {
        account.close();
    }

    private static ErrorCode code(Throwable t) {
        return ((StorageException) t).code();
    }

    @Test
    void everyTypeRoundTripsExactly() {
        byte[] bin = {0, -1, 127, -128};
        UUID id = UUID.randomUUID();
        Instant nanos = Instant.parse("2026-02-03T04:05:06.123456789Z");
        TableEntity e = TableEntity.builder("p", "r").put("s", "héllo \uD83D\uDE00").put("lone", "a\uD800b")
                .put("i", Integer.MIN_VALUE).put("l", Long.MAX_VALUE).put("nan", Double.NaN)
                .put("inf", Double.NEGATIVE_INFINITY).put("negZero", -0.0).put("t", true).put("f", false)
                .put("when", nanos).put("bin", bin).put("empty", new byte[0]).put("id", id).put("blank", "")
                .build();
        tables.insertEntity("People", e);
        TableEntity back = tables.getEntity("people", "p", "r");
        for (String name : e.propertyNames()) {
            assertThat(back.typeOf(name)).as(name).isEqualTo(e.typeOf(name));
            if (e.get(name) instanceof byte[] b) {
                assertThat(back.getBinary(name)).as(name).isEqualTo(b);
            } else {
                assertThat(back.get(name)).as(name).isEqualTo(e.get(name));
            }
        }
        assertThat(back).isEqualTo(e);
        assertThat(Double.doubleToRawLongBits(back.getDouble("negZero")))
                .isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(back.getDateTime("when")).isEqualTo(nanos);
        assertThat(back.getString("lone")).isEqualTo("a\uD800b");
        assertThat(back.etag()).isNotNull();
        assertThat(back.timestamp()).isNotNull();
        assertThat(tables.getEntity("People", "p", "r", List.of("i", "missing")).propertyNames())
                .containsExactly("i");
    }

    @Test
    void crudAndConditions() {
        String e1 = tables.insertEntity("People", TableEntity.builder("p", "r").put("a", 1).build());
        assertThatThrownBy(() -> tables.insertEntity("People", TableEntity.of("p", "r")))
                .satisfies(t -> assertThat(code(t)).isEqualTo(ErrorCode.ALREADY_EXISTS));
        String e2 = tables.upsertEntity("People", TableEntity.builder("p", "r").put("b", 2).build(), UpdateMode.MERGE);
        assertThat(tables.getEntity("People", "p", "r").properties()).containsKeys("a", "b");
        assertThatThrownBy(() -> tables.updateEntity("People", TableEntity.of("p", "r"), UpdateMode.REPLACE, e1))
                .satisfies(t -> assertThat(code(t)).isEqualTo(ErrorCode.PRECONDITION_FAILED));
        tables.updateEntity("People", TableEntity.builder("p", "r").put("c", 3).build(), UpdateMode.REPLACE, e2);
        assertThat(tables.getEntity("People", "p", "r").propertyNames()).containsExactly("c");
        assertThatThrownBy(() -> tables.updateEntity("People", TableEntity.of("p", "x"), UpdateMode.MERGE, null))
                .satisfies(t -> assertThat(code(t)).isEqualTo(ErrorCode.NOT_FOUND));
        assertThatThrownBy(() -> tables.deleteEntity("People", "p", "r", e1))
                .satisfies(t -> assertThat(code(t)).isEqualTo(ErrorCode.PRECONDITION_FAILED));
        assertThat(tables.deleteEntity("People", "p", "r", "*")).isTrue();
        assertThat(tables.deleteEntity("People", "p", "r", null)).isFalse();
        assertThatThrownBy(() -> tables.getEntity("Nobody", "p", "r"))
                .satisfies(t -> assertThat(code(t)).isEqualTo(ErrorCode.NOT_FOUND));
        assertThatThrownBy(() -> tables.createTable("PEOPLE"))
                .satisfies(t -> assertThat(code(t)).isEqualTo(ErrorCode.ALREADY_EXISTS));
    }

    @Test
    void queriesTranslateKeysAndTestTheRest() {
        List<TableAction> batch = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            tables.upsertEntity("People", TableEntity.builder("p" + (i % 3), String.format("r%02d", i))
                    .put("age", i).build(), UpdateMode.REPLACE);
        }
        List<TableEntity> all = tables.query("People", TableQuery.all().withPageSize(7)).stream().toList();
        assertThat(all).hasSize(30);
        List<String> keys = all.stream().map(e -> e.partitionKey() + "/" + e.rowKey()).toList();
        assertThat(keys).isSorted();
        List<TableEntity> some = tables.query("People", TableQuery.where("PartitionKey eq 'p1' and RowKey ge 'r10' "
                + "and age lt 25").withPageSize(2)).stream().toList();
        assertThat(some).extracting(TableEntity::rowKey).containsExactly("r10", "r13", "r16", "r19", "r22");
        Page<TableEntity> first = tables.query("People", TableQuery.where(Filter.gt("age", 26)).withPageSize(3))
                .firstPage();
        assertThat(first.items()).extracting(e -> e.getInt("age")).containsExactlyInAnyOrder(27, 28, 29);
        assertThat(first.continuationToken()).isNull();
        assertThat(tables.query("People", TableQuery.all().withTop(4).withPageSize(3)).stream()).hasSize(4);
        assertThat(tables.query("People", TableQuery.where("age eq 5").withSelect("age")).stream().toList())
                .singleElement().satisfies(e -> assertThat(e.propertyNames()).containsExactly("age"));
    }

    @Test
    void transactionsAreAtomic() {
        tables.insertEntity("People", TableEntity.of("p", "exists"));
        List<TableAction> actions = List.of(TableAction.insert(TableEntity.of("p", "new1")),
                TableAction.upsert(TableEntity.builder("p", "new2").put("x", 1).build(), UpdateMode.MERGE),
                TableAction.insert(TableEntity.of("p", "exists")));
        assertThatThrownBy(() -> tables.submitTransaction("People", actions))
                .isInstanceOfSatisfying(TransactionFailedException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.ALREADY_EXISTS);
                    assertThat(e.failedActionIndex()).isEqualTo(2);
                });
        assertThat(tables.findEntity("People", "p", "new1")).isEmpty();
        assertThat(tables.findEntity("People", "p", "new2")).isEmpty();
        assertThat(tables.submitTransaction("People", actions.subList(0, 2))).hasSize(2);
        assertThat(tables.findEntity("People", "p", "new2")).isPresent();
        assertThatThrownBy(() -> tables.submitTransaction("People", List.of(TableAction.insert(TableEntity.of("a", "1")),
                TableAction.insert(TableEntity.of("b", "1")))))
                .satisfies(t -> assertThat(code(t)).isEqualTo(ErrorCode.INVALID_ARGUMENT));
        List<TableAction> tooMany = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            tooMany.add(TableAction.insert(TableEntity.of("p", "k" + i)));
        }
        assertThatThrownBy(() -> tables.submitTransaction("People", tooMany))
                .satisfies(t -> assertThat(code(t)).isEqualTo(ErrorCode.INVALID_ARGUMENT));
    }

    @Test
    void etagConditionsHoldUnderConcurrentThreads() throws Exception {
        tables.insertEntity("People", TableEntity.builder("c", "n").put("n", 0).build());
        int threads = 8;
        int each = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Integer>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            results.add(pool.submit(() -> {
                int conflicts = 0;
                for (int done = 0; done < each; ) {
                    TableEntity cur = tables.getEntity("People", "c", "n");
                    try {
                        tables.updateEntity("People", cur.toBuilder().put("n", cur.getInt("n") + 1).build(),
                                UpdateMode.REPLACE, cur.etag());
                        done++;
                    } catch (StorageException e) {
                        assertThat(e.code()).isEqualTo(ErrorCode.PRECONDITION_FAILED);
                        conflicts++;
                    }
                }
                return conflicts;
            }));
        }
        for (Future<Integer> f : results) {
            f.get();
        }
        pool.shutdown();
        assertThat(tables.getEntity("People", "c", "n").getInt("n")).isEqualTo(threads * each);
    }

    @Test
    void badKeysAndNamesAreRefused() {
        assertThatThrownBy(() -> tables.insertEntity("People", TableEntity.of("a/b", "r")))
                .satisfies(t -> assertThat(code(t)).isEqualTo(ErrorCode.INVALID_ARGUMENT));
        assertThatThrownBy(() -> tables.insertEntity("People", TableEntity.builder("p", "r").put("1bad", 1).build()))
                .satisfies(t -> assertThat(code(t)).isEqualTo(ErrorCode.INVALID_ARGUMENT));
        assertThatThrownBy(() -> tables.createTable("no-dash"))
                .satisfies(t -> assertThat(code(t)).isEqualTo(ErrorCode.INVALID_ARGUMENT));
    }

    @Test
    void keyRangesFollowStringOrder() {
        for (String rk : List.of("\uFF21", "\uD83D\uDE00", "b")) {
            tables.insertEntity("People", TableEntity.of("p", rk));
        }
        // In String order the emoji (a surrogate pair, D83D...) sorts before U+FF21.
        assertThat(tables.query("People", TableQuery.where(Filter.gt("RowKey", "\uD83D\uDE00"))).stream()
                .map(TableEntity::rowKey).toList()).containsExactly("\uFF21");
        assertThat(tables.query("People", TableQuery.all()).stream().map(TableEntity::rowKey).toList())
                .containsExactly("b", "\uD83D\uDE00", "\uFF21");
    }
}
