package io.unistore.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unistore.ErrorCode;
import io.unistore.StorageAccount;
import io.unistore.StorageException;
import io.unistore.Unistore;
import io.unistore.blob.UploadOptions;
import io.unistore.table.TableEntity;
import io.unistore.table.UpdateMode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit layer on the local provider with a file sink: what a line holds, the chain, and tampering. */
class AuditTrailTest {
    private static final String CANARY = "CANARY-SECRET-7f3a9c";

    @TempDir
    Path dir;

    private StorageAccount open(AuditLayer layer) {
        return Unistore.builder().address("file:" + dir.resolve("data")).layer(layer).open();
    }

    private AuditLayer layer(Path file, boolean reads) {
        return AuditLayer.builder(AuditSink.file(file, 1 << 20)).principal("batch-job").account("main").reads(reads)
                .build();
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    @Test
    void oneLinePerWriteWithItsFields() throws IOException {
        Path file = dir.resolve("audit.jsonl");
        try (AuditLayer layer = layer(file, false); StorageAccount account = open(layer)) {
            account.blobs().createContainer("docs");
            account.blobs().upload("docs", "a.txt", "hello".getBytes(StandardCharsets.UTF_8));
            account.blobs().downloadBytes("docs", "a.txt");                        // a read: not audited
            assertThat(account.blobs().exists("docs", "a.txt")).isTrue();            // a read: not audited
            assertThatThrownBy(() -> account.blobs().setMetadata("docs", "missing", Map.of("k", "v"), null))
                    .isInstanceOf(StorageException.class);
            account.blobs().delete("docs", "a.txt");
        }
        List<String> lines = lines(file);
        assertThat(lines).hasSize(4);
        List<AuditRecord> records = lines.stream().map(AuditLines::parse).toList();
        assertThat(records).extracting(AuditRecord::operation)
                .containsExactly("createContainer", "upload", "setMetadata", "delete");
        AuditRecord upload = records.get(1);
        assertThat(upload.seq()).isEqualTo(2);
        assertThat(upload.principal()).isEqualTo("batch-job");
        assertThat(upload.account()).isEqualTo("main");
        assertThat(upload.store()).isEqualTo("blob");
        assertThat(upload.targets()).containsExactly("docs", "a.txt");
        assertThat(upload.outcome()).isEqualTo("OK");
        assertThat(upload.bytes()).isEqualTo(5);
        assertThat(upload.requestId()).isNotBlank();
        assertThat(upload.durationMicros()).isPositive();
        assertThat(upload.prev()).isEqualTo(records.get(0).hash());
        assertThat(records.get(2).outcome()).isEqualTo("NOT_FOUND");
        try (AuditLog log = AuditLog.of(AuditSink.file(file, 1 << 20))) {
            AuditVerification v = log.verify();
            assertThat(v.valid()).as(v.problem()).isTrue();
            assertThat(v.lines()).isEqualTo(4);
            assertThat(v.lastHash()).isEqualTo(records.get(3).hash());
        }
    }

    @Test
    void readsByOption() throws IOException {
        Path file = dir.resolve("audit.jsonl");
        try (AuditLayer layer = layer(file, true); StorageAccount account = open(layer)) {
            account.blobs().createContainer("docs");
            account.blobs().upload("docs", "a.txt", "hello".getBytes(StandardCharsets.UTF_8));
            assertThat(account.blobs().downloadBytes("docs", "a.txt")).hasSize(5);
            account.blobs().list("docs").forEach(b -> { });
        }
        List<AuditRecord> records = lines(file).stream().map(AuditLines::parse).toList();
        assertThat(records).extracting(AuditRecord::operation)
                .containsExactly("createContainer", "upload", "openInputStream", "list");
        assertThat(records.get(2).writes()).isFalse();
        assertThat(records.get(2).bytes()).isEqualTo(5);
    }

    @Test
    void editingRemovingOrReorderingALineFailsVerification() throws IOException {
        Path file = dir.resolve("audit.jsonl");
        try (AuditLayer layer = layer(file, false); StorageAccount account = open(layer)) {
            account.tables().createTable("people");
            for (int i = 0; i < 5; i++) {
                account.tables().upsertEntity("people", TableEntity.builder("p", "r" + i).put("Age", i).build(),
                        UpdateMode.REPLACE);
            }
        }
        List<String> good = lines(file);
        assertThat(verify(file).valid()).isTrue();

        List<String> edited = new ArrayList<>(good);
        edited.set(3, edited.get(3).replace("\"OK\"", "\"NOT_FOUND\""));
        Files.write(file, edited);
        AuditVerification v = verify(file);
        assertThat(v.valid()).isFalse();
        assertThat(v.brokenAtLine()).isEqualTo(4);
        assertThat(v.problem()).contains("edited");
        assertThat(v.lastSeq()).isEqualTo(3);

        List<String> removed = new ArrayList<>(good);
        removed.remove(2);
        Files.write(file, removed);
        v = verify(file);
        assertThat(v.valid()).isFalse();
        assertThat(v.brokenAtLine()).isEqualTo(3);
        assertThat(v.problem()).contains("removed");

        List<String> swapped = new ArrayList<>(good);
        swapped.set(1, good.get(2));
        swapped.set(2, good.get(1));
        Files.write(file, swapped);
        assertThat(verify(file).valid()).isFalse();

        // A line whose hash was recomputed after the edit still breaks the link from the next line.
        List<String> rehashed = new ArrayList<>(good);
        AuditRecord r = AuditLines.parse(good.get(3));
        rehashed.set(3, AuditLines.format(new AuditRecord(r.seq(), r.time(), "someone-else", r.account(), r.store(),
                r.operation(), r.writes(), r.targets(), r.outcome(), r.bytes(), r.requestId(), r.durationMicros(),
                r.prev(), null)));
        Files.write(file, rehashed);
        v = verify(file);
        assertThat(v.valid()).isFalse();
        assertThat(v.brokenAtLine()).isEqualTo(5);

        List<String> garbage = new ArrayList<>(good);
        garbage.add(2, "{\"not\":\"audit\"}");
        Files.write(file, garbage);
        assertThat(verify(file).problem()).contains("line 3").contains("not an audit line");
    }

    private static AuditVerification verify(Path file) {
        try (AuditLog log = AuditLog.of(AuditSink.file(file, 1 << 20))) {
            return log.verify();
        }
    }

    @Test
    void rotatesBySizeAndTheChainGoesOnAcrossFilesAndRestarts() throws IOException {
        Path file = dir.resolve("logs/audit.jsonl");
        for (int run = 0; run < 2; run++) {
            try (AuditLayer layer = AuditLayer.builder(AuditSink.file(file, 2048)).build();
                 StorageAccount account = open(layer)) {
                account.queues().createQueueIfNotExists("jobs");
                for (int i = 0; i < 10; i++) {
                    account.queues().sendMessage("jobs", "job " + i);
                }
            }
        }
        try (var files = Files.list(file.getParent())) {
            assertThat(files.count()).isGreaterThan(3);
        }
        AuditVerification v = verify(file);
        assertThat(v.valid()).as(v.problem()).isTrue();
        assertThat(v.lines()).isEqualTo(22);                   // 2 runs of 1 create (the second is ALREADY_EXISTS) + 10 sends
        assertThat(v.lastSeq()).isEqualTo(22);
    }

    @Test
    void contentMetadataAndPropertiesNeverReachTheLog() throws IOException {
        Path file = dir.resolve("audit.jsonl");
        try (AuditLayer layer = layer(file, true); StorageAccount account = open(layer)) {
            account.blobs().createContainer("docs", Map.of("token", CANARY));
            account.blobs().upload("docs", "a.txt", CANARY.getBytes(StandardCharsets.UTF_8),
                    UploadOptions.defaults().withMetadata(Map.of("secret", CANARY)));
            account.blobs().downloadBytes("docs", "a.txt");
            account.tables().createTable("secrets");
            account.tables().upsertEntity("secrets", TableEntity.builder("p", "r").put("Password", CANARY).build(),
                    UpdateMode.REPLACE);
            account.queues().createQueue("secretq");
            account.queues().sendMessage("secretq", CANARY);
            account.queues().receiveMessages("secretq", io.unistore.queue.ReceiveOptions.defaults());
        }
        String log = Files.readString(file);
        assertThat(log).contains("\"upload\"").contains("\"receiveMessages\"").doesNotContain(CANARY);
    }

    @Test
    void theCallersContextNamesPrincipalAndRequestAlsoOnThreadsItStarts() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        try (AuditLayer layer = layer(file, false); StorageAccount account = open(layer)) {
            account.blobs().createContainer("docs");
            try (AuditContext.Scope s = AuditContext.open("alice", "req-42")) {
                account.blobs().upload("docs", "a", new byte[3]);
                Thread t = new Thread(() -> account.blobs().upload("docs", "b", new byte[4]));
                t.start();
                t.join();
            }
            account.blobs().upload("docs", "c", new byte[5]);
        }
        List<AuditRecord> r = lines(file).stream().map(AuditLines::parse).toList();
        assertThat(r).extracting(AuditRecord::principal).containsExactly("batch-job", "alice", "alice", "batch-job");
        assertThat(r.get(1).requestId()).isEqualTo("req-42");
        assertThat(r.get(2).requestId()).isEqualTo("req-42");
        assertThat(r.get(3).requestId()).isNotEqualTo("req-42");
    }

    @Test
    void queryByTimeOperationAndTarget() throws IOException {
        Path file = dir.resolve("audit.jsonl");
        java.time.Instant before;
        try (AuditLayer layer = layer(file, false); StorageAccount account = open(layer)) {
            account.blobs().createContainer("docs");
            account.blobs().upload("docs", "a", new byte[1]);
            before = java.time.Instant.now();
            account.blobs().upload("docs", "b", new byte[1]);
            account.blobs().delete("docs", "a");
        }
        try (AuditLog log = AuditLog.of(AuditSink.file(file, 1 << 20))) {
            assertThat(log.query(new AuditQuery(null, null, "upload", null, 100))).extracting(r -> r.targets().get(1))
                    .containsExactly("a", "b");
            assertThat(log.query(new AuditQuery(null, null, "blob.delete", null, 100))).hasSize(1);
            assertThat(log.query(new AuditQuery(null, null, null, "a", 100))).extracting(AuditRecord::operation)
                    .containsExactly("upload", "delete");
            assertThat(log.query(new AuditQuery(before, null, null, null, 100))).extracting(AuditRecord::operation)
                    .containsExactly("upload", "delete");
            assertThat(log.query(new AuditQuery(null, before, null, null, 100))).hasSize(2);
            assertThat(log.query(new AuditQuery(null, null, null, null, 1))).hasSize(1);
        }
    }

    @Test
    void aBatchDeleteOfManyBlobsKeepsTheLineShort() throws IOException {
        Path file = dir.resolve("audit.jsonl");
        try (AuditLayer layer = layer(file, false); StorageAccount account = open(layer)) {
            account.blobs().createContainer("docs");
            List<String> names = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                names.add("blob-" + i);
            }
            account.blobs().deleteBlobs("docs", names);
        }
        AuditRecord r = AuditLines.parse(lines(file).get(1));
        assertThat(r.targets()).hasSize(AuditLines.MAX_TARGETS + 1).endsWith("... 281 more");
        assertThat(verify(file).valid()).isTrue();
    }

    @Test
    void aLineThatCannotBeWrittenIsCountedAndTheCallKeepsItsResult() throws IOException {
        Path file = dir.resolve("ro/audit.jsonl");
        AuditSink broken = new AuditSink() {
            @Override
            public String lastLine() {
                return null;
            }

            @Override
            public void append(String line, java.time.Instant time) {
                throw new StorageException(ErrorCode.UNAVAILABLE, "sink down");
            }

            @Override
            public void forEachLine(java.util.function.Consumer<String> action) {
            }

            @Override
            public String describe() {
                return "broken";
            }

            @Override
            public void close() {
            }
        };
        AuditLayer layer = AuditLayer.builder(broken).build();
        try (StorageAccount account = open(layer)) {
            account.blobs().createContainer("docs");
            assertThat(account.blobs().containerExists("docs")).isTrue();
        }
        assertThat(layer.failures()).isEqualTo(1);
        assertThat(file).doesNotExist();
    }
}
