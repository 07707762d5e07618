package io.unistore.azure;

import com.azure.core.http.rest.PagedResponse;
import com.azure.core.util.Context;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.options.FindBlobsOptions;
import com.azure.storage.blob.models.TaggedBlobItem;
import io.unistore.Page;
import io.unistore.PagedIterable;
import io.unistore.blob.TaggedBlob;
import io.unistore.spi.ContinuationTokens;
import java.util.List;
import java.util.Map;

/**
 * Blob index tags: Set/Get Blob Tags, and Find Blobs by Tags at account scope (Filter Blobs on the service) or
 * container scope (Filter Blobs on the container). The expression is passed as the API parsed it: its syntax
 * is Azure's own.
 */
final class AzureBlobTags {
    private final AzureBlobStore blobs;
    private final BlobServiceClient service;

    AzureBlobTags(AzureBlobStore blobs, BlobServiceClient service) {
        this.blobs = blobs;
        this.service = service;
    }

    void set(String container, String blob, Map<String, String> tags) {
        AzureErrors.run("tags of " + AzureBlobStore.where(container, blob),
                () -> blobs.blob(container, blob).setTags(tags));
    }

    Map<String, String> get(String container, String blob) {
        return AzureErrors.call("tags of " + AzureBlobStore.where(container, blob),
                () -> blobs.blob(container, blob).getTags());
    }

    PagedIterable<TaggedBlob> find(String container, String expression, io.unistore.ListOptions options) {
        String where = container == null ? "the account" : "container " + container;
        return PagedIterable.of((token, size) -> {
            try {
                FindBlobsOptions o = new FindBlobsOptions(expression).setMaxResultsPerPage(size);
                com.azure.core.http.rest.PagedIterable<TaggedBlobItem> found = container == null
                        ? service.findBlobsByTags(o, null, Context.NONE)
                        : blobs.container(container).findBlobsByTags(o, null, Context.NONE);
                PagedResponse<TaggedBlobItem> page = found.iterableByPage(ContinuationTokens.decode(token), size)
                        .iterator().next();
                List<TaggedBlob> items = page.getValue().stream()
                        .map(i -> new TaggedBlob(i.getContainerName(), i.getName(), i.getTags())).toList();
                return new Page<>(items, ContinuationTokens.encode(page.getContinuationToken()));
            } catch (RuntimeException e) {
                throw AzureErrors.translate("search by tags in " + where, e);
            }
        }, options.continuationToken(), options.pageSize());
    }
}
