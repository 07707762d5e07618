package io.unistore.spring;

import io.unistore.StorageException;
import io.unistore.StorageAccount;
import java.io.FileNotFoundException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Supplier;
import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.WritableResource;

/**
 * A blob ({@code unistore://ACCOUNT/container/path}) or a file of a share ({@code unistore-file://ACCOUNT/share/path})
 * as a Spring {@link Resource}. Reading streams the content; writing buffers to a temporary file and uploads it when
 * the stream closes, so readers never see a half-written item and a failed write leaves the previous one.
 */
final class UnistoreResource extends AbstractResource implements WritableResource {

    private final UnistoreLocation location;
    private final Supplier<StorageAccount> account;
    private final StoredItem item;

    UnistoreResource(UnistoreLocation location, Supplier<StorageAccount> account) {
        this.location = location;
        this.account = account;
        this.item = StoredItem.of(location, account);
    }

    @Override
    public boolean exists() {
        return item.exists();
    }

    @Override
    public InputStream getInputStream() throws IOException {
        try {
            return item.open();
        } catch (StorageException e) {
            throw notFoundOr(e);
        }
    }

    @Override
    public long contentLength() throws IOException {
        try {
            return item.size();
        } catch (StorageException e) {
            throw notFoundOr(e);
        }
    }

    @Override
    public long lastModified() throws IOException {
        try {
            Instant at = item.lastModified();
            return at == null ? 0 : at.toEpochMilli();
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
                    item.replaceWith(buffer);
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
        return new UnistoreResource(location.relative(relativePath), account);
    }

    @Override
    public String getDescription() {
        return "Unistore " + item.kind() + " [" + location + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnistoreResource other && other.location.equals(location);
    }

    @Override
    public int hashCode() {
        return location.hashCode();
    }
}
