package io.unistore.spring;

import io.unistore.StorageException;
import io.unistore.blob.BlobProperties;
import io.unistore.blob.BlobStore;
import io.unistore.blob.UploadOptions;
import java.io.FileNotFoundException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.WritableResource;

/**
 * A blob as a Spring {@link Resource}: {@code unistore://ACCOUNT/container/path/of/blob}. Reading streams the blob;
 * writing buffers to a temporary file and uploads it when the stream closes, so readers never see a half-written
 * blob and a failed write leaves the previous one.
 */
final class BlobResource extends AbstractResource implements WritableResource {

    private final UnistoreLocation location;
    private final Supplier<BlobStore> blobs;

    BlobResource(UnistoreLocation location, Supplier<BlobStore> blobs) {
        this.location = location;
        this.blobs = blobs;
    }

    @Override
    public boolean exists() {
        return blobs.get().exists(location.container(), location.path());
    }

    @Override
    public InputStream getInputStream() throws IOException {
        try {
            return blobs.get().openInputStream(location.container(), location.path());
        } catch (StorageException e) {
            throw notFoundOr(e);
        }
    }

    @Override
    public long contentLength() throws IOException {
        return properties().size();
    }

    @Override
    public long lastModified() throws IOException {
        BlobProperties p = properties();
        return p.lastModified() == null ? 0 : p.lastModified().toEpochMilli();
    }

    private BlobProperties properties() throws IOException {
        try {
            return blobs.get().getProperties(location.container(), location.path());
        } catch (StorageException e) {
            throw notFoundOr(e);
        }
    }

    private IOException notFoundOr(StorageException e) {
        if (e.code() == io.unistore.ErrorCode.NOT_FOUND) {
            FileNotFoundException missing = new FileNotFoundException(getDescription() + " does not exist");
            missing.initCause(e);
            return missing;
        }
        return new IOException(getDescription() + ": " + e.getMessage(), e);
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
        Path buffer = Files.createTempFile("unistore-resource", ".tmp");
        return new FilterOutputStream(Files.newOutputStream(buffer)) {
            private boolean closed;

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                if (closed) {
                    return;
                }
                closed = true;
                try {
                    super.close();
                    blobs.get().upload(location.container(), location.path(), buffer, UploadOptions.defaults());
                } catch (StorageException e) {
                    throw new IOException(getDescription() + ": " + e.getMessage(), e);
                } finally {
                    Files.deleteIfExists(buffer);
                }
            }
        };
    }

    @Override
    public URI getURI() {
        return location.uri();
    }

    @Override
    public String getFilename() {
        String path = location.path();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    @Override
    public Resource createRelative(String relativePath) {
        return new BlobResource(location.relative(relativePath), blobs);
    }

    @Override
    public String getDescription() {
        return "Unistore blob [" + location + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BlobResource other && other.location.equals(location);
    }

    @Override
    public int hashCode() {
        return location.hashCode();
    }
}
