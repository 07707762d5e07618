package io.unistore.local;

import io.unistore.StorageAccount;
import io.unistore.Unistore;
import io.unistore.blob.BlobStore;
import io.unistore.blob.UploadOptions;
import io.unistore.file.FileStore;
import io.unistore.queue.SendReceipt;
import io.unistore.table.TableAction;
import io.unistore.table.TableEntity;
import io.unistore.table.TableStore;
import io.unistore.table.UpdateMode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * One writer process of {@link LocalKillHarnessTest}: for a while, random writes of its own blobs, entities, queue
 * messages and files on a shared data directory, each announced in its log before the call ({@code > ...}) and
 * acknowledged after it returns ({@code < ...}), flushed to the operating system each time, so that what the
 * process was told is durable is known even after a SIGKILL. Arguments: {@code dataDir durability round writer
 * seed millis log}. Prints {@code ready} once the database is open and {@code done} when its time is up.
 *
 * <p>Log lines, one operation at a time ({@code <} acknowledges the last {@code >}; names are its own):
 * {@code > B name md5} upload, {@code > C from to md5} server-side copy, {@code > D name} delete,
 * {@code > S name} snapshot; {@code > E pk rk=tag,rk=tag} upserts in one transaction, {@code > X pk rk} delete;
 * {@code > M tag md5} message (acknowledged with its id); {@code > F path md5} file, {@code > G path} delete.
 */
public final class LocalWriter {
    static final String CONTAINER = "box";
    static final String TABLE = "Rows";
    static final String QUEUE = "jobs";
    static final String SHARE = "docs";

    private final BlobStore blobs;
    private final TableStore tables;
    private final FileStore files;
    private final StorageAccount account;
    private final Random random;
    private final BufferedWriter log;
    private final String prefix;
    private final Map<String, String> blobMd5 = new HashMap<>();
    private int messages;

    private LocalWriter(StorageAccount account, Random random, BufferedWriter log, String prefix) {
        this.account = account;
        this.blobs = account.blobs();
        this.tables = account.tables();
        this.files = account.files();
        this.random = random;
        this.log = log;
        this.prefix = prefix;
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        String durability = args[1];
        String round = args[2];
        String writer = args[3];
        Random random = new Random(Long.parseLong(args[4]));
        long millis = Long.parseLong(args[5]);
        try (StorageAccount account = Unistore.open(dir.toString(), Map.of("durability", durability));
             BufferedWriter log = Files.newBufferedWriter(Path.of(args[6]), StandardCharsets.UTF_8,
                     StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            LocalWriter w = new LocalWriter(account, random, log, "r" + round + "w" + writer);
            // Open the database (SQLite's native library, the schema) before the clock starts.
            account.blobs().containerExists(CONTAINER);
            System.out.println("ready");
            System.out.flush();
            long end = System.nanoTime() + millis * 1_000_000;
            while (System.nanoTime() < end) {
                w.step();
            }
        }
        System.out.println("done");
    }

    /** One random operation. */
    private void step() throws IOException {
        int dice = random.nextInt(100);
        if (dice < 30) {
            String name = blobName(random.nextInt(8));
            byte[] content = content();
            String md5 = md5(content);
            announce("B " + name + " " + md5);
            blobs.upload(CONTAINER, name, content, UploadOptions.defaults().withMetadata(Map.of("w", prefix)));
            blobMd5.put(name, md5);
            acknowledge("");
        } else if (dice < 36 && !blobMd5.isEmpty()) {
            String from = pick(blobMd5.keySet());
            String to = blobName(random.nextInt(8));
            if (to.equals(from)) {
                return;
            }
            announce("C " + from + " " + to + " " + blobMd5.get(from));
            blobs.copy(CONTAINER, from, CONTAINER, to, io.unistore.blob.CopyOptions.defaults());
            blobMd5.put(to, blobMd5.get(from));
            acknowledge("");
        } else if (dice < 42 && !blobMd5.isEmpty()) {
            String name = pick(blobMd5.keySet());
            announce("D " + name);
            blobs.delete(CONTAINER, name);
            blobMd5.remove(name);
            acknowledge("");
        } else if (dice < 45 && !blobMd5.isEmpty()) {
            String name = pick(blobMd5.keySet());
            announce("S " + name);
            blobs.createSnapshot(CONTAINER, name, Map.of());
            acknowledge("");
        } else if (dice < 65) {
            List<TableAction> actions = new ArrayList<>();
            Map<String, String> tags = new HashMap<>();
            int n = 1 + random.nextInt(random.nextBoolean() ? 1 : 6);
            StringBuilder line = new StringBuilder("E " + prefix + " ");
            for (int i = 0; i < n; i++) {
                String rk = "e" + random.nextInt(12);
                if (tags.containsKey(rk)) {
                    continue;
                }
                String tag = Long.toHexString(random.nextLong());
                tags.put(rk, tag);
                byte[] payload = new byte[random.nextInt(2048)];
                random.nextBytes(payload);
                actions.add(TableAction.upsert(TableEntity.builder(prefix, rk).put("Tag", tag).put("Payload", payload)
                        .build(), UpdateMode.REPLACE));
                line.append(tags.size() == 1 ? "" : ",").append(rk).append('=').append(tag);
            }
            announce(line.toString());
            if (actions.size() == 1) {
                tables.upsertEntity(TABLE, actions.get(0).entity(), UpdateMode.REPLACE);
            } else {
                tables.submitTransaction(TABLE, actions);
            }
            acknowledge("");
        } else if (dice < 70) {
            String rk = "e" + random.nextInt(12);
            announce("X " + prefix + " " + rk);
            tables.deleteEntity(TABLE, prefix, rk, null);
            acknowledge("");
        } else if (dice < 85) {
            String tag = prefix + "m" + messages++;
            byte[] body = (tag + " " + Long.toHexString(random.nextLong())).getBytes(StandardCharsets.UTF_8);
            announce("M " + tag + " " + md5(body));
            SendReceipt receipt = account.queues().sendMessage(QUEUE, body,
                    io.unistore.queue.SendMessageOptions.defaults());
            acknowledge(receipt.messageId());
        } else if (dice < 95) {
            String path = filePath(random.nextInt(6));
            byte[] content = content();
            announce("F " + path + " " + md5(content));
            files.upload(SHARE, path, content);
            acknowledge("");
        } else {
            String path = filePath(random.nextInt(6));
            announce("G " + path);
            files.deleteFile(SHARE, path);
            acknowledge("");
        }
    }

    private String blobName(int k) {
        return prefix + "/b" + k;
    }

    private String filePath(int k) {
        return directory(prefix) + "/f" + k;
    }

    /** The directory of a writer's files (the test makes it before the writers start). */
    static String directory(String writerPrefix) {
        return "d" + writerPrefix;
    }

    /** Mostly small contents, now and then up to 2 MiB, so that a kill can land while one streams. */
    private byte[] content() {
        int size = random.nextInt(20) == 0 ? 1 + random.nextInt(2 << 20) : random.nextInt(64 << 10);
        byte[] b = new byte[size];
        random.nextBytes(b);
        return b;
    }

    private String pick(java.util.Set<String> names) {
        List<String> list = new ArrayList<>(names);
        list.sort(null);
        return list.get(random.nextInt(list.size()));
    }

    private void announce(String op) throws IOException {
        log.write("> " + op + "\n");
        log.flush();
    }

    private void acknowledge(String detail) throws IOException {
        log.write("<" + (detail.isEmpty() ? "" : " " + detail) + "\n");
        log.flush();
    }

    static String md5(byte[] content) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
