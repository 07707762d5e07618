package io.unistore.spi.skeleton;

import io.unistore.ErrorCode;
import io.unistore.ListOptions;
import io.unistore.Page;
import io.unistore.PagedIterable;
import io.unistore.RequestConditions;
import io.unistore.StorageException;
import io.unistore.blob.BlobItem;
import io.unistore.blob.BlobProperties;
import io.unistore.blob.BlobWriteResult;
import io.unistore.blob.ContainerInfo;
import io.unistore.blob.CopyOptions;
import io.unistore.blob.DeleteBlobOptions;
import io.unistore.blob.ListBlobsOptions;
import io.unistore.blob.ReadOptions;
import io.unistore.blob.UploadOptions;
import io.unistore.spi.BlobBackend;
import io.unistore.spi.Md5;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The skeleton's blob store: the required operations only. Names arrive checked, page sizes clamped and
 * options limited to what the account declares, so there is no validation here and no UNSUPPORTED stub: the
 * optional operations keep the SPI's defaults. (It ignores conditions and ranges to stay short; a real
 * provider passes them to its service.)
 */
final class MemoBlobs implements BlobBackend {
    private record Blob(byte[] content, BlobProperties properties) {
    }

    private final Map<String, ConcurrentSkipListMap<String, Blob>> containers = new ConcurrentHashMap<>();

    @Override
    public void createContainer(String container, Map<String, String> metadata) {
        if (containers.putIfAbsent(container, new ConcurrentSkipListMap<>()) != null) {
            throw StorageException.alreadyExists("container " + container);
        }
    }

    @Override
    public boolean deleteContainer(String container) {
        return containers.remove(container) != null;
    }

    @Override
    public boolean containerExists(String container) {
        return containers.containsKey(container);
    }

    @Override
    public ContainerInfo getContainerProperties(String container) {
        container(container);
        return new ContainerInfo(container, Map.of(), Instant.now(), "\"0\"");
    }

    @Override
    public PagedIterable<ContainerInfo> listContainers(ListOptions options) {
        List<ContainerInfo> all = containers.keySet().stream().sorted()
                .filter(n -> options.prefix() == null || n.startsWith(options.prefix()))
                .map(this::getContainerProperties).toList();
        return PagedIterable.of((token, size) -> Page.last(all), null, options.pageSize());
    }

    @Override
    public BlobWriteResult upload(String container, String blob, InputStream content, UploadOptions options) {
        byte[] bytes;
        try {
            bytes = content.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String etag = "\"" + UUID.randomUUID() + "\"";
        String md5 = Md5.of(bytes, 0, bytes.length);
        BlobProperties p = BlobProperties.builder().container(container).name(blob).size(bytes.length)
                .contentType(options.contentType()).contentMd5(md5).etag(etag).lastModified(Instant.now())
                .metadata(options.metadata()).currentVersion(true).build();
        container(container).put(blob, new Blob(bytes, p));
        return new BlobWriteResult(etag, p.lastModified(), bytes.length, md5, null);
    }

    @Override
    public BlobWriteResult setMetadata(String container, String blob, Map<String, String> metadata,
                                       RequestConditions conditions) {
        Blob b = blob(container, blob);
        BlobProperties p = b.properties().toBuilder().metadata(metadata).build();
        container(container).put(blob, new Blob(b.content(), p));
        return new BlobWriteResult(p.etag(), p.lastModified(), p.size(), p.contentMd5(), null);
    }

    @Override
    public BlobWriteResult copy(String sourceContainer, String sourceBlob, String targetContainer,
                                String targetBlob, CopyOptions options) {
        Blob b = blob(sourceContainer, sourceBlob);
        return upload(targetContainer, targetBlob, new ByteArrayInputStream(b.content()),
                UploadOptions.defaults().withContentType(b.properties().contentType()));
    }

    @Override
    public InputStream openInputStream(String container, String blob, ReadOptions options) {
        return new ByteArrayInputStream(blob(container, blob).content());
    }

    @Override
    public BlobProperties getProperties(String container, String blob, ReadOptions options) {
        return blob(container, blob).properties();
    }

    @Override
    public boolean exists(String container, String blob) {
        Map<String, Blob> c = containers.get(container);
        return c != null && c.containsKey(blob);
    }

    @Override
    public PagedIterable<BlobItem> list(String container, ListBlobsOptions options) {
        List<BlobItem> items = container(container).values().stream()
                .map(b -> BlobItem.blob(b.properties())).toList();
        return PagedIterable.of((token, size) -> Page.last(items), null, options.pageSize());
    }

    @Override
    public boolean delete(String container, String blob, DeleteBlobOptions options) {
        Map<String, Blob> c = containers.get(container);
        return c != null && c.remove(blob) != null;
    }

    private ConcurrentSkipListMap<String, Blob> container(String name) {
        ConcurrentSkipListMap<String, Blob> c = containers.get(name);
        if (c == null) {
            throw new StorageException(ErrorCode.NOT_FOUND, "container " + name + " does not exist");
        }
        return c;
    }

    private Blob blob(String container, String blob) {
        Blob b = container(container).get(blob);
        if (b == null) {
            throw StorageException.notFound("blob " + container + "/" + blob);
        }
        return b;
    }
}
