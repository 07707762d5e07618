package io.unistore.azure;

import com.azure.storage.file.share.models.ShareFileItem;
import io.unistore.Page;
import io.unistore.StorageException;
import io.unistore.file.FileItem;
import io.unistore.spi.ContinuationTokens;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Walks a directory tree of a share, which Azure lists one directory at a time: depth first, children in name
 * order, each directory before its contents. A recursive listing resumes after the last path it returned (the
 * continuation token), skipping whole subtrees that come before it. Recursive deletes go bottom-up.
 */
final class FileTree {
    private final AzureFileStore store;

    FileTree(AzureFileStore store) {
        this.store = store;
    }

    /** One page of the tree under {@code dir}, entries whose path below {@code dir} starts with {@code prefix}. */
    Page<FileItem> page(String share, String dir, String prefix, String token, int size) {
        String after = ContinuationTokens.decode(token);
        if (after != null && !after.isEmpty() && !dir.isEmpty() && !after.startsWith(dir + "/")) {
            throw StorageException.invalidArgument("continuationToken", "is not a token this listing returned");
        }
        String[] resume = after == null ? null : relative(dir, after).split("/");
        List<FileItem> out = new ArrayList<>();
        walk(share, dir, "", prefix == null ? "" : prefix, resume, 0, out, size + 1);
        if (out.size() > size) {
            List<FileItem> page = out.subList(0, size);
            return new Page<>(page, ContinuationTokens.encode(page.get(size - 1).path()));
        }
        return Page.last(out);
    }

    /**
     * Appends entries of {@code dir} (relative path {@code rel} below the listed directory) in walk order, until
     * {@code out} holds {@code limit}; with {@code resume}, only those after that path.
     *
     * @return whether the walk may go on (the limit is not reached)
     */
    private boolean walk(String share, String dir, String rel, String prefix, String[] resume, int depth,
                         List<FileItem> out, int limit) {
        String resumeName = resume != null && depth < resume.length ? resume[depth] : null;
        for (ShareFileItem child : sortedChildren(share, dir)) {
            String name = child.getName();
            if (resumeName != null && name.compareTo(resumeName) < 0) {
                continue;
            }
            String childRel = rel.isEmpty() ? name : rel + "/" + name;
            boolean onResumePath = resumeName != null && name.equals(resumeName);
            if (!onResumePath && childRel.startsWith(prefix)) {
                out.add(AzureFileStore.item(dir, child));
                if (out.size() >= limit) {
                    return false;
                }
            }
            if (child.isDirectory() && mayHoldMatches(childRel, prefix)) {
                String[] deeper = onResumePath ? resume : null;
                String childDir = dir.isEmpty() ? name : dir + "/" + name;
                if (!walk(share, childDir, childRel, prefix, deeper, depth + 1, out, limit)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean mayHoldMatches(String rel, String prefix) {
        return rel.startsWith(prefix) || prefix.startsWith(rel + "/");
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

    private static String relative(String dir, String path) {
        return dir.isEmpty() ? path : path.substring(dir.length() + 1);
    }
}
