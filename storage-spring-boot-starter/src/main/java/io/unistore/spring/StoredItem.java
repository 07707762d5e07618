package io.unistore.spring;

import io.unistore.StorageAccount;
import io.unistore.blob.BlobProperties;
import io.unistore.blob.UploadOptions;
import io.unistore.file.FileProperties;
import io.unistore.file.FileUploadOptions;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Supplier;

/** What a {@link UnistoreResource} reads and writes: a blob of a container, or a file of a share. */
interface StoredItem {

    boolean exists();

    InputStream open();

    long size();

    /** When it last changed, or null when the store does not say. */
    Instant lastModified();

    /** Replaces the content at once with that of a local file. */
    void replaceWith(Path content);

    /** "blob" or "file", for messages. */
    String kind();

    static StoredItem of(UnistoreLocation location, Supplier<StorageAccount> account) {
        return location.files() ? new File(location, account) : new Blob(location, account);
    }

    /** {@code unistore://ACCOUNT/container/path}. */
    record Blob(UnistoreLocation at, Supplier<StorageAccount> account) implements StoredItem {
        @Override
        public boolean exists() {
            return account.get().blobs().exists(at.container(), at.path());
        }

        @Override
        public InputStream open() {
            return account.get().blobs().openInputStream(at.container(), at.path());
        }

        @Override
        public long size() {
            return properties().size();
        }

        @Override
        public Instant lastModified() {
            return properties().lastModified();
        }

        private BlobProperties properties() {
            return account.get().blobs().getProperties(at.container(), at.path());
        }

        @Override
        public void replaceWith(Path content) {
            account.get().blobs().upload(at.container(), at.path(), content, UploadOptions.defaults());
        }

        @Override
        public String kind() {
            return "blob";
        }
    }

    /**
     * {@code unistore-file://ACCOUNT/share/path}. Writing creates the missing parent directories, as a blob path
     * needs none.
     */
    record File(UnistoreLocation at, Supplier<StorageAccount> account) implements StoredItem {
        @Override
        public boolean exists() {
            return account.get().files().exists(at.container(), at.path());
        }

        @Override
        public InputStream open() {
            return account.get().files().openInputStream(at.container(), at.path(), null);
        }

        @Override
        public long size() {
            return properties().size();
        }

        @Override
        public Instant lastModified() {
            return properties().lastModified();
        }

        private FileProperties properties() {
            return account.get().files().getProperties(at.container(), at.path());
        }

        @Override
        public void replaceWith(Path content) {
            int slash = at.path().lastIndexOf('/');
            if (slash > 0) {
                account.get().files().createDirectories(at.container(), at.path().substring(0, slash));
            }
            account.get().files().upload(at.container(), at.path(), content, FileUploadOptions.defaults());
        }

        @Override
        public String kind() {
            return "file";
        }
    }
}
