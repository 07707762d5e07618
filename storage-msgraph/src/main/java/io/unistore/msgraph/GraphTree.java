package io.unistore.msgraph;

import com.microsoft.graph.models.DriveItem;
import io.unistore.Page;
import io.unistore.file.FileItem;
import io.unistore.spi.ContinuationTokens;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Lists a folder, or its tree, in path order and pages it with our own continuation token (the last path
 * returned): Graph lists one folder at a time, in an order it does not promise, with next links that expire. A
 * page walks the folders it needs afresh, skipping whole subtrees that come before the token.
 */
final class GraphTree {
    private final DriveApi api;

    GraphTree(DriveApi api) {
        this.api = api;
    }

    /**
     * One page of the entries under {@code dir} (a path inside the share, "" for its top) whose name starts with
     * {@code prefix}; {@code drivePath} is the folder's path in the drive.
     */
    Page<FileItem> page(String drivePath, String dir, String prefix, boolean recursive, String token, int size) {
        String after = ContinuationTokens.decode(token);
        PriorityQueue<FileItem> queue = new PriorityQueue<>(Comparator.comparing(FileItem::path));
        String shareRoot = dir.isEmpty() ? drivePath : drivePath.substring(0, drivePath.length() - dir.length() - 1);
        enqueueChildren(shareRoot, dir, after, queue, true);
        List<FileItem> out = new ArrayList<>();
        while (!queue.isEmpty()) {
            FileItem next = queue.poll();
            if (recursive && next.directory()) {
                enqueueChildren(shareRoot, next.path(), after, queue, false);
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

    /** Queues a folder's children, unless its whole subtree comes before {@code after}. */
    private void enqueueChildren(String shareRoot, String dir, String after, PriorityQueue<FileItem> queue,
                                 boolean top) {
        // Paths below "d" lie in ["d/", "d0"): '0' follows '/'.
        if (!top && after != null && (dir + "0").compareTo(after) <= 0) {
            return;
        }
        for (DriveItem child : api.children(dir.isEmpty() ? shareRoot : shareRoot + "/" + dir)) {
            String path = dir.isEmpty() ? child.getName() : dir + "/" + child.getName();
            boolean folder = child.getFolder() != null;
            long size = folder || child.getSize() == null ? 0 : child.getSize();
            queue.add(new FileItem(child.getName(), path, folder, size));
        }
    }
}
