package io.unistore.ops;

import io.unistore.ErrorCode;
import io.unistore.StorageException;
import io.unistore.blob.BlobItem;
import io.unistore.blob.BlobProperties;
import io.unistore.blob.BlobStore;
import io.unistore.blob.ListBlobsOptions;
import java.util.Iterator;

/**
 * What the target already holds, for the incremental check, read by walking the target's listing beside the
 * source's: one request per page of 1,000 names instead of a HEAD per object, and memory for one page, whatever
 * the container's size. Both listings come in name order and the name mapping keeps that order, so a source
 * name's target is found by advancing. Where two services order some names differently (UTF-8 against UTF-16
 * beyond the BMP), the walk misses that entry: the object is then copied again, never wrongly skipped. Used by
 * the one thread that lists the source.
 */
final class TargetIndex {
    private Iterator<BlobItem> listing;
    private BlobProperties current;

    TargetIndex(BlobStore target, String container, String prefix) {
        try {
            listing = target.list(container, ListBlobsOptions.defaults().withPrefix(prefix).withPageSize(1000))
                    .iterator();
            advance();
        } catch (StorageException e) {
            noContainer(e);
        }
    }

    /** The target's listed properties of {@code name}, or null when it holds no such blob. */
    BlobProperties find(String name) {
        while (current != null && current.name().compareTo(name) < 0) {
            advance();
        }
        return current != null && current.name().equals(name) ? current : null;
    }

    private void advance() {
        try {
            current = listing.hasNext() ? listing.next().properties() : null;
        } catch (StorageException e) {
            noContainer(e);
        }
    }

    /** No target container yet (a dry run, or one the copy does not create): nothing is there. */
    private void noContainer(StorageException e) {
        if (e.code() != ErrorCode.NOT_FOUND) {
            throw e;
        }
        listing = java.util.Collections.emptyIterator();
        current = null;
    }
}
