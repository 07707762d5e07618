package io.unistore.gcp;

import com.google.api.gax.paging.Page;
import com.google.cloud.storage.Blob;
import com.google.cloud.storage.Bucket;
import com.google.cloud.storage.Storage;
import io.unistore.ListOptions;
import io.unistore.PagedIterable;
import io.unistore.StorageException;
import io.unistore.blob.BlobItem;
import io.unistore.blob.BlobProperties;
import io.unistore.blob.ContainerInfo;
import io.unistore.blob.ListBlobsOptions;
import io.unistore.spi.ContinuationTokens;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Listings, one GCS page per neutral page, GCS's page token wrapped as the neutral continuation token.
 * GCS returns a page's objects and prefixes separately; each page covers a contiguous range of names, so
 * merging them by name keeps the whole listing in name order.
 */
final class GcsListing {
    private final Storage storage;
    private final String project;
    private final boolean versioned;

    GcsListing(Storage storage, String project, boolean versioned) {
        this.storage = storage;
        this.project = project;
        this.versioned = versioned;
    }

    PagedIterable<ContainerInfo> containers(ListOptions options) {
        if (project == null) {
            throw StorageException.invalidArgument("project", "is required to list buckets (gs://PROJECT or the "
                    + "option project)");
        }
        return PagedIterable.of((token, size) -> {
            List<Storage.BucketListOption> opts = new ArrayList<>();
            opts.add(Storage.BucketListOption.pageSize(size));
            if (options.prefix() != null) {
                opts.add(Storage.BucketListOption.prefix(options.prefix()));
            }
            String state = ContinuationTokens.decode(token);
            if (state != null) {
                opts.add(Storage.BucketListOption.pageToken(state));
            }
            Page<Bucket> page = GcsErrors.call("listing buckets",
                    () -> storage.list(opts.toArray(Storage.BucketListOption[]::new)));
            List<ContainerInfo> items = new ArrayList<>();
            page.getValues().forEach(b -> items.add(GcsBlobs.container(b)));
            return new io.unistore.Page<>(items, ContinuationTokens.encode(page.getNextPageToken()));
        }, options.continuationToken(), options.pageSize());
    }

    PagedIterable<BlobItem> blobs(String container, ListBlobsOptions options) {
        return PagedIterable.of((token, size) -> {
            List<Storage.BlobListOption> opts = common(token, size);
            if (options.prefix() != null && !options.prefix().isEmpty()) {
                opts.add(Storage.BlobListOption.prefix(options.prefix()));
            }
            if (options.delimiter() != null) {
                opts.add(Storage.BlobListOption.delimiter(options.delimiter()));
            }
            Page<Blob> page = fetch(container, opts);
            List<BlobItem> items = new ArrayList<>();
            for (Blob b : page.getValues()) {
                items.add(b.isDirectory() ? BlobItem.prefix(b.getName())
                        : BlobItem.blob(GcsBlobs.properties(b, versioned)));
            }
            items.sort(Comparator.comparing(BlobItem::name));
            return new io.unistore.Page<>(items, ContinuationTokens.encode(page.getNextPageToken()));
        }, options.continuationToken(), options.pageSize());
    }

    /**
     * The generations of one object, oldest first: a listing with {@code versions=true} under the object's
     * name, keeping only that exact name and stopping once the names pass it.
     */
    PagedIterable<BlobProperties> versions(String container, String blob, ListOptions options) {
        return PagedIterable.of((token, size) -> {
            List<Storage.BlobListOption> opts = common(token, size);
            opts.add(Storage.BlobListOption.prefix(blob));
            opts.add(Storage.BlobListOption.versions(true));
            Page<Blob> page = fetch(container, opts);
            List<BlobProperties> items = new ArrayList<>();
            boolean passed = false;
            for (Blob b : page.getValues()) {
                if (b.getName().equals(blob)) {
                    items.add(GcsBlobs.properties(b, true));
                } else if (b.getName().compareTo(blob) > 0) {
                    passed = true;
                }
            }
            String next = passed ? null : page.getNextPageToken();
            return new io.unistore.Page<>(items, ContinuationTokens.encode(next));
        }, options.continuationToken(), options.pageSize());
    }

    private List<Storage.BlobListOption> common(String token, int size) {
        List<Storage.BlobListOption> opts = new ArrayList<>();
        opts.add(Storage.BlobListOption.pageSize(size));
        String state = ContinuationTokens.decode(token);
        if (state != null) {
            opts.add(Storage.BlobListOption.pageToken(state));
        }
        return opts;
    }

    private Page<Blob> fetch(String container, List<Storage.BlobListOption> opts) {
        String what = "listing " + container;
        Page<Blob> page = GcsErrors.call(what, () -> storage.list(container, opts.toArray(Storage.BlobListOption[]::new)));
        if (page == null) {
            throw StorageException.notFound("container " + container);
        }
        return page;
    }
}
