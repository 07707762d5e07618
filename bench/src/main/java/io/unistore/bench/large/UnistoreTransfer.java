package io.unistore.bench.large;

import io.unistore.StorageAccount;
import io.unistore.blob.ReadOptions;
import io.unistore.blob.UploadOptions;
import java.nio.file.Path;

/** Unistore with its defaults: {@code upload(Path)} and {@code downloadToFile}. */
final class UnistoreTransfer implements Transfer {
    private final StorageAccount account;

    UnistoreTransfer(StorageAccount account) {
        this.account = account;
    }

    @Override
    public void upload(Path file, String container, String blob) {
        account.blobs().createContainerIfNotExists(container);
        account.blobs().upload(container, blob, file, UploadOptions.defaults());
    }

    @Override
    public void download(String container, String blob, Path file) {
        account.blobs().downloadToFile(container, blob, file, ReadOptions.defaults());
    }

    @Override
    public void delete(String container, String blob) {
        account.blobs().delete(container, blob);
    }

    @Override
    public void close() {
        account.close();
    }
}
