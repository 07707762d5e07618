package io.unistore.bench.large;

import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.ParallelTransferOptions;
import com.azure.storage.blob.options.BlobUploadFromFileOptions;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Azure Blob SDK: with its defaults ({@code uploadFromFile}, {@code downloadToFile}), or tuned (8 MiB blocks,
 * 4 at once, for the upload; one streamed GET into the file for the download — the fastest settings measured on
 * Azurite by this bench's large section).
 */
final class AzureTransfer implements Transfer {
    static final long BLOCK = 8L * 1024 * 1024;
    static final int CONCURRENCY = 4;

    private final com.azure.storage.blob.BlobServiceClient service;
    private final boolean tuned;

    AzureTransfer(String connectionString, boolean tuned) {
        this.service = new BlobServiceClientBuilder().connectionString(connectionString).buildClient();
        this.tuned = tuned;
    }

    private BlobClient blob(String container, String blob) {
        BlobContainerClient c = service.getBlobContainerClient(container);
        c.createIfNotExists();
        return c.getBlobClient(blob);
    }

    @Override
    public void upload(Path file, String container, String name) {
        BlobClient b = blob(container, name);
        if (!tuned) {
            b.uploadFromFile(file.toString(), true);
            return;
        }
        b.uploadFromFileWithResponse(new BlobUploadFromFileOptions(file.toString()).setParallelTransferOptions(
                new ParallelTransferOptions().setBlockSizeLong(BLOCK).setMaxSingleUploadSizeLong(BLOCK)
                        .setMaxConcurrency(CONCURRENCY)), null, null);
    }

    @Override
    public void download(String container, String name, Path file) throws Exception {
        BlobClient b = blob(container, name);
        Files.deleteIfExists(file);
        if (!tuned) {
            b.downloadToFile(file.toString(), true);
            return;
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            b.downloadStream(out);
        }
    }

    @Override
    public void delete(String container, String name) {
        blob(container, name).deleteIfExists();
    }
}
