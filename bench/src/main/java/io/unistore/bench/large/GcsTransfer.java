package io.unistore.bench.large;

import com.google.cloud.NoCredentials;
import com.google.cloud.ReadChannel;
import com.google.cloud.WriteChannel;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.BucketInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageException;
import com.google.cloud.storage.StorageOptions;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * google-cloud-storage: with its defaults ({@code createFrom} a path, {@code downloadTo} a path), or tuned —
 * a resumable {@code writer} with 32 MiB chunks (fewer round trips) and a {@code reader} with 16 MiB chunks
 * copied straight into a file channel.
 */
final class GcsTransfer implements Transfer {
    static final int WRITE_CHUNK = 32 * 1024 * 1024;
    static final int READ_CHUNK = 16 * 1024 * 1024;

    private final Storage storage;
    private final boolean tuned;

    GcsTransfer(String endpoint, String project, boolean tuned) {
        this.storage = StorageOptions.http().setHost(endpoint).setProjectId(project)
                .setCredentials(NoCredentials.getInstance()).build().getService();
        this.tuned = tuned;
    }

    private void bucket(String bucket) {
        try {
            storage.create(BucketInfo.of(bucket));
        } catch (StorageException e) {
            if (e.getCode() != 409) {
                throw e;
            }
        }
    }

    @Override
    public void upload(Path file, String bucket, String name) throws Exception {
        bucket(bucket);
        BlobInfo info = BlobInfo.newBuilder(bucket, name).build();
        if (!tuned) {
            storage.createFrom(info, file);
            return;
        }
        try (WriteChannel w = storage.writer(info); FileChannel in = FileChannel.open(file)) {
            w.setChunkSize(WRITE_CHUNK);
            long size = in.size();
            long pos = 0;
            while (pos < size) {
                pos += in.transferTo(pos, size - pos, w);
            }
        }
    }

    @Override
    public void download(String bucket, String name, Path file) throws Exception {
        Files.deleteIfExists(file);
        if (!tuned) {
            storage.downloadTo(BlobId.of(bucket, name), file);
            return;
        }
        try (ReadChannel r = storage.reader(BlobId.of(bucket, name));
             FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            r.setChunkSize(READ_CHUNK);
            long pos = 0;
            long n;
            while ((n = out.transferFrom(r, pos, READ_CHUNK)) > 0) {
                pos += n;
            }
        }
    }

    @Override
    public void delete(String bucket, String name) {
        storage.delete(BlobId.of(bucket, name));
    }

    @Override
    public void close() throws Exception {
        storage.close();
    }
}
