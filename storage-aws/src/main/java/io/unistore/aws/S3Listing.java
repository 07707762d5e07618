package io.unistore.aws;

import io.unistore.ErrorCode;
import io.unistore.Page;
import io.unistore.PagedIterable;
import io.unistore.StorageException;
import io.unistore.blob.BlobItem;
import io.unistore.blob.BlobProperties;
import io.unistore.blob.ListBlobsOptions;
import io.unistore.spi.ContinuationTokens;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.function.BiFunction;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.ObjectVersion;

/** Object listings (ListObjectsV2) and version listings (ListObjectVersions) as neutral pages. */
final class S3Listing {
    private static final int PARALLEL_HEADS = 8;

    private final S3Context ctx;

    S3Listing(S3Context ctx) {
        this.ctx = ctx;
    }

    /**
     * Blobs and, with a delimiter, prefixes, merged in name order as S3 pages them.
     *
     * @param head reads one blob's full properties, for {@code includeMetadata}
     */
    PagedIterable<BlobItem> blobs(String bucket, ListBlobsOptions o, BiFunction<String, String, BlobProperties> head) {
        return PagedIterable.of((token, size) -> {
            ListObjectsV2Response r = ctx.call("ListObjectsV2 " + bucket, () -> ctx.s3.listObjectsV2(b -> b
                    .bucket(bucket).prefix(o.prefix()).delimiter(o.delimiter()).maxKeys(size)
                    .continuationToken(ContinuationTokens.decode(token))));
            List<BlobItem> items = new ArrayList<>();
            r.commonPrefixes().forEach(p -> items.add(BlobItem.prefix(p.prefix())));
            if (o.includeMetadata()) {
                items.addAll(withMetadata(bucket, r, head));
            } else {
                r.contents().forEach(c -> items.add(BlobItem.blob(S3Objects.fromListing(bucket, c))));
            }
            items.sort(Comparator.comparing(BlobItem::name));
            boolean more = Boolean.TRUE.equals(r.isTruncated()) && r.nextContinuationToken() != null;
            return new Page<>(items, more ? ContinuationTokens.encode(r.nextContinuationToken()) : null);
        }, o.continuationToken(), o.pageSize());
    }

    /** One HEAD per listed object (S3 lists no metadata), {@value #PARALLEL_HEADS} at a time. */
    private List<BlobItem> withMetadata(String bucket, ListObjectsV2Response r,
                                        BiFunction<String, String, BlobProperties> head) {
        BoundedTasks<BlobProperties> heads = new BoundedTasks<>(ctx.transfers, PARALLEL_HEADS);
        try {
            for (var c : r.contents()) {
                heads.submit(() -> head.apply(bucket, c.key()));
            }
            return heads.awaitAll().stream().filter(Objects::nonNull).map(BlobItem::blob).toList();
        } catch (InterruptedException e) {
            heads.abandon();
            Thread.currentThread().interrupt();
            throw new StorageException(ErrorCode.UNAVAILABLE, "listing " + bucket + " was interrupted", e);
        } catch (ExecutionException e) {
            heads.abandon();
            throw e.getCause() instanceof StorageException se ? se
                    : new StorageException(ErrorCode.INTERNAL, "listing " + bucket + " failed", e.getCause());
        }
    }

    /**
     * The versions of one key, oldest first (S3 lists them newest first, so they are read whole and turned
     * around; a key rarely has many). Delete markers are not versions: a deleted blob has no current one. The
     * continuation state is the last version id shown.
     */
    PagedIterable<BlobProperties> versions(String bucket, String key, int pageSize, String startToken) {
        return PagedIterable.of((token, size) -> {
            List<BlobProperties> all = allVersions(bucket, key);
            int from = 0;
            String after = ContinuationTokens.decode(token);
            if (after != null) {
                from = -1;
                for (int i = 0; i < all.size(); i++) {
                    if (after.equals(all.get(i).versionId())) {
                        from = i + 1;
                    }
                }
                if (from < 0) {
                    throw StorageException.invalidArgument("continuationToken", "names a version that no longer "
                            + "exists; list again from the start");
                }
            }
            int to = Math.min(all.size(), from + size);
            List<BlobProperties> items = all.subList(from, to);
            String next = to < all.size() ? ContinuationTokens.encode(items.get(items.size() - 1).versionId()) : null;
            return new Page<>(items, next);
        }, startToken, pageSize);
    }

    private List<BlobProperties> allVersions(String bucket, String key) {
        return ctx.call("ListObjectVersions " + bucket + "/" + key, () -> {
            List<BlobProperties> out = new ArrayList<>();
            for (var page : ctx.s3.listObjectVersionsPaginator(b -> b.bucket(bucket).prefix(key))) {
                for (ObjectVersion v : page.versions()) {
                    if (v.key().equals(key)) {
                        out.add(S3Objects.fromVersion(bucket, v));
                    }
                }
                // Keys come in order and this key sorts first under its own prefix: once past it, stop.
                if (!page.versions().isEmpty() && page.versions().get(page.versions().size() - 1).key()
                        .compareTo(key) > 0) {
                    break;
                }
            }
            Collections.reverse(out);
            return out;
        });
    }
}
