package io.unistore.examples;

import io.unistore.ByteRange;
import io.unistore.StorageAccount;
import io.unistore.Unistore;
import io.unistore.blob.BlobItem;
import io.unistore.blob.ListBlobsOptions;
import io.unistore.blob.ReadOptions;
import io.unistore.blob.UploadOptions;
import io.unistore.file.FileItem;
import io.unistore.queue.QueueMessage;
import io.unistore.queue.ReceiveOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * A tour of the four stores on any account: blobs with metadata and ranged reads, a queue round trip and a
 * file share. Prints what it does; cleans up after itself.
 */
public final class Tour {
    public static void main(String[] args) throws IOException {
        String address = args.length > 0 ? args[0] : "file:unistore-data";
        try (StorageAccount account = Unistore.open(address)) {
            System.out.println("Opened " + account.displayName() + " with " + account.capabilities());
            blobs(account);
            queues(account);
            files(account);
        }
    }

    private static void blobs(StorageAccount account) throws IOException {
        var blobs = account.blobs();
        blobs.createContainerIfNotExists("tour");
        blobs.upload("tour", "notes/today.txt", "The quick brown fox".getBytes(StandardCharsets.UTF_8),
                UploadOptions.defaults().withContentType("text/plain").withMetadata(Map.of("author", "ada")));
        try (InputStream in = blobs.openInputStream("tour", "notes/today.txt", ReadOptions.range(ByteRange.of(4, 5)))) {
            System.out.println("bytes 4-8: " + new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        for (BlobItem item : blobs.list("tour", ListBlobsOptions.defaults().withDelimiter("/"))) {
            System.out.println((item.prefix() ? "dir  " : "blob ") + item.name());
        }
        blobs.deleteContainer("tour");
    }

    private static void queues(StorageAccount account) {
        var queues = account.queues();
        queues.createQueueIfNotExists("tour");
        queues.sendMessage("tour", "hello from the tour");
        for (QueueMessage m : queues.receiveMessages("tour", ReceiveOptions.of(1, Duration.ofSeconds(30)))) {
            System.out.println("received '" + m.text() + "' (dequeue count " + m.dequeueCount() + ")");
            queues.deleteMessage("tour", m.messageId(), m.popReceipt());
        }
        queues.deleteQueue("tour");
    }

    private static void files(StorageAccount account) {
        var files = account.files();
        files.createShareIfNotExists("tour");
        files.createDirectories("tour", "reports/2026");
        files.upload("tour", "reports/2026/q1.txt", "Q1: fine".getBytes(StandardCharsets.UTF_8));
        for (FileItem item : files.list("tour", "reports/2026")) {
            System.out.println("file " + item.path() + " (" + item.size() + " bytes)");
        }
        files.deleteShare("tour");
    }
}
