package io.unistore.audit;

import io.unistore.StorageAccount;
import io.unistore.blob.BlobItem;
import io.unistore.blob.BlobStore;
import io.unistore.blob.ListBlobsOptions;
import io.unistore.blob.UploadOptions;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@link AuditSink#container}: daily objects, each rewritten whole with the ETag this sink wrote last, so a line
 * is stored when {@code append} returns and a second writer fails with PRECONDITION_FAILED instead of being lost.
 * The current object is also kept in memory, so it holds at most {@code maxObjectBytes}.
 */
final class BlobAuditSink implements AuditSink {
    private static final String SUFFIX = ".jsonl";

    private final BlobStore blobs;
    private final String container;
    private final String prefix;
    private final long maxObjectBytes;
    private final String lastLine;
    private final ByteArrayOutputStream current = new ByteArrayOutputStream();
    private String currentName;
    private String currentEtag;

    BlobAuditSink(StorageAccount account, String container, String prefix, long maxObjectBytes) {
        this.blobs = account.blobs();
        this.container = container;
        this.prefix = prefix == null ? "" : prefix;
        this.maxObjectBytes = maxObjectBytes;
        blobs.createContainerIfNotExists(container);
        List<String> names = names();
        String last = null;
        for (int i = names.size() - 1; i >= 0 && last == null; i--) {
            String text = new String(blobs.downloadBytes(container, names.get(i)), StandardCharsets.UTF_8);
            String[] lines = text.split("\n");
            for (int j = lines.length - 1; j >= 0 && last == null; j--) {
                last = lines[j].isEmpty() ? null : lines[j];
            }
        }
        this.lastLine = last;
        if (!names.isEmpty()) {
            String name = names.get(names.size() - 1);
            byte[] content = blobs.downloadBytes(container, name);
            currentName = name;
            currentEtag = blobs.getProperties(container, name).etag();
            current.writeBytes(content);
        }
    }

    private List<String> names() {
        List<String> out = new ArrayList<>();
        for (BlobItem item : blobs.list(container, ListBlobsOptions.prefix(prefix.isEmpty() ? null : prefix))) {
            String rest = item.name().substring(prefix.length());
            if (!item.prefix() && rest.matches("\\d{4}-\\d{2}-\\d{2}-\\d{4}\\.jsonl")) {
                out.add(item.name());
            }
        }
        return out;
    }

    @Override
    public String lastLine() {
        return lastLine;
    }

    @Override
    public synchronized void append(String line, Instant time) {
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        String day = time.atOffset(ZoneOffset.UTC).toLocalDate().toString();
        String currentDay = currentName == null ? null : currentName.substring(prefix.length(), prefix.length() + 10);
        if (currentDay == null || day.compareTo(currentDay) > 0) {
            start(day, 0);
        } else if (current.size() > 0 && current.size() + bytes.length > maxObjectBytes) {
            // A clock that went back keeps writing the newest object, so names stay in chain order.
            start(currentDay, Integer.parseInt(currentName.substring(prefix.length() + 11, prefix.length() + 15)) + 1);
        }
        current.writeBytes(bytes);
        UploadOptions options = UploadOptions.defaults().withContentType("application/x-ndjson")
                .withConditions(currentEtag == null ? io.unistore.RequestConditions.ifNotExists()
                        : io.unistore.RequestConditions.ifMatch(currentEtag));
        try {
            currentEtag = blobs.upload(container, currentName, current.toByteArray(), options).etag();
        } catch (RuntimeException e) {
            // Not stored: forget it, so the next line is not written after a line that is missing.
            byte[] kept = current.toByteArray();
            current.reset();
            current.write(kept, 0, kept.length - bytes.length);
            throw e;
        }
    }

    private void start(String day, int n) {
        currentName = prefix + day + "-" + String.format("%04d", n) + SUFFIX;
        currentEtag = null;
        current.reset();
    }

    @Override
    public void forEachLine(Consumer<String> action) {
        for (String name : names()) {
            String text = new String(blobs.downloadBytes(container, name), StandardCharsets.UTF_8);
            for (String l : text.split("\n")) {
                if (!l.isEmpty()) {
                    action.accept(l);
                }
            }
        }
    }

    @Override
    public String describe() {
        return "container " + container + (prefix.isEmpty() ? "" : " under " + prefix);
    }

    @Override
    public void close() {
        // Every line is stored when append returns; the account belongs to whoever opened it.
    }
}
