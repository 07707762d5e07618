package io.unistore.azure;

import com.azure.storage.file.share.models.ShareFileItem;
import io.unistore.Page;
import io.unistore.file.FileItem;
import io.unistore.spi.ContinuationTokens;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Walks a directory tree of a share, which Azure lists one directory at a time. A recursive listing returns the
 * tree in path order and resumes after the last path it returned (the continuation token), skipping whole
 * subtrees that come before it. Recursive deletes go bottom-up.
 */
final class FileTree {
    private final AzureFileStore store;

    FileTree(AzureFileStore store) {
        this.store = store;
    }

    /**
     * One page of the tree under {@code dir} in path order (Java String order of the full paths, as every store
     * lists), entries whose name starts with {@code prefix}. Directories are listed only when the walk reaches
     * them: a queue ordered by path holds what is known and not yet returned.
     */
    Page<FileItem> page(String share, String dir, String prefix, String token, int size) {
        String after = ContinuationTokens.decode(token);
        PriorityQueue<FileItem> queue = new PriorityQueue<>(Comparator.comparing(FileItem::path));
        enqueueChildren(share, dir, after, queue);
        List<FileItem> out = new ArrayList<>();
        while (!queue.isEmpty()) {
            FileItem next = queue.poll();
            if (next.directory()) {
                enqueueChildren(share, next.path(), after, queue);
            }
            if (after != null && next.path().compareTo(after) <= 0) {
                continue;
            }
            if (prefix == null || next.name().startsWith(prefix)) {
                if (out.size() == size) {
                    return new Page<>(out, ContinuationTokens.encode(out.get(size - 1).path()));
                }
                out.add(next);
            }
        }
        return Page.last(out);
    }

    /** Queues a directory's children, unless its whole subtree comes before {@code after}. */
    private void enqueueChildren(String share, String dir, String after, PriorityQueue<FileItem> queue) {
        // Paths below "d" lie in ["d/", "d0"): '0' follows '/'.
        if (after != null && !dir.isEmpty() && (dir + "0").compareTo(after) <= 0) {
            return;
        }
        for (ShareFileItem child : sortedChildren(share, dir)) {
            queue.add(AzureFileStore.item(dir, child));
        }
    }

    /** Deletes everything below {@code dir}, files first, then each emptied subdirectory. */
    void deleteContents(String share, String dir) {
        for (ShareFileItem child : sortedChildren(share, dir)) {
            String path = dir + "/" + child.getName();
            if (child.isDirectory()) {
                deleteContents(share, path);
                store.directory(share, path).delete();
            } else {
                store.file(share, path).delete();
            }
        }
    }

    private List<ShareFileItem> sortedChildren(String share, String dir) {
        List<ShareFileItem> all = new ArrayList<>();
        String marker = null;
        do {
            Page<ShareFileItem> page = store.children(share, dir, null, marker, 5000);
            all.addAll(page.items());
            marker = page.continuationToken();
        } while (marker != null);
        all.sort(Comparator.comparing(ShareFileItem::getName));
        return all;
    }

}
