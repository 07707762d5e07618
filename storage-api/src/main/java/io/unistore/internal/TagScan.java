package io.unistore.internal;

import io.unistore.ListOptions;
import io.unistore.Page;
import io.unistore.PagedIterable;
import io.unistore.StorageException;
import io.unistore.blob.BlobItem;
import io.unistore.blob.ContainerInfo;
import io.unistore.blob.ListBlobsOptions;
import io.unistore.blob.TaggedBlob;
import io.unistore.spi.BlobBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Find blobs by tags where the service has no index: lists the blobs page by page (of one container, or of
 * every container) and keeps those whose tags match, read from the listing's metadata (tags in metadata) or
 * with one call per blob (native tags without a query, S3). Each listing page gives one page of results, maybe
 * empty; the continuation token is {@code <container index>:<listing token>}.
 */
final class TagScan {
    private final BlobBackend backend;
    private final boolean nativeTags;
    private final TagExpression expression;
    private final String container;
    private List<String> containers;

    TagScan(BlobBackend backend, boolean nativeTags, TagExpression expression, String container) {
        this.backend = backend;
        this.nativeTags = nativeTags;
        this.expression = expression;
        this.container = container;
    }

    PagedIterable<TaggedBlob> pages(ListOptions options) {
        return PagedIterable.of(this::fetch, options.continuationToken(), options.pageSize());
    }

    private Page<TaggedBlob> fetch(String token, int pageSize) {
        List<String> all = containers();
        int index = 0;
        String inner = null;
        if (token != null) {
            int colon = token.indexOf(':');
            try {
                index = Integer.parseInt(token.substring(0, Math.max(colon, 0)));
            } catch (NumberFormatException e) {
                index = -1;
            }
            if (colon < 0 || index < 0 || index >= all.size()) {
                throw StorageException.invalidArgument("continuationToken", "is not a token of this search");
            }
            inner = colon + 1 == token.length() ? null : token.substring(colon + 1);
        }
        if (all.isEmpty()) {
            return Page.last(List.of());
        }
        String c = all.get(index);
        ListBlobsOptions o = ListBlobsOptions.defaults().withPageSize(pageSize).withContinuationToken(inner)
                .withIncludeMetadata(!nativeTags);
        Page<BlobItem> page = backend.list(c, o).firstPage();
        List<TaggedBlob> found = new ArrayList<>();
        for (BlobItem item : page.items()) {
            if (item.prefix()) {
                continue;
            }
            Map<String, String> tags = nativeTags ? backend.getTags(c, item.name())
                    : MetadataTags.decode(item.properties().metadata());
            if (expression.matches(c, tags)) {
                found.add(new TaggedBlob(c, item.name(), expression.named(tags)));
            }
        }
        String next = page.hasMore() ? index + ":" + page.continuationToken()
                : index + 1 < all.size() ? (index + 1) + ":" : null;
        return new Page<>(found, next);
    }

    private List<String> containers() {
        if (containers == null) {
            String pinned = expression.pinnedContainer();
            if (container != null || pinned != null) {
                String only = container != null ? container : pinned;
                containers = backend.containerExists(only) ? List.of(only) : List.of();
                if (container != null && containers.isEmpty()) {
                    throw StorageException.notFound("container " + container);
                }
            } else {
                containers = new ArrayList<>();
                for (ContainerInfo info : backend.listContainers(ListOptions.defaults())) {
                    containers.add(info.name());
                }
            }
        }
        return containers;
    }
}
