package io.unistore.testsupport.msgraph;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One drive item of the stand-in: a folder (children by name, compared ignoring case as OneDrive does) or a
 * file (its bytes). The eTag changes with every change to the item, the cTag only with its content.
 */
final class DriveNode {
    final String id = UUID.randomUUID().toString().toUpperCase();
    final boolean folder;
    final Map<String, DriveNode> children = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    final Instant created = Instant.now();
    String name;
    DriveNode parent;
    byte[] content = new byte[0];
    String description;
    Instant modified = created;
    int version = 1;
    int contentVersion = 1;

    DriveNode(String name, boolean folder) {
        this.name = name;
        this.folder = folder;
    }

    String eTag() {
        return "\"{" + id + "}," + version + "\"";
    }

    String cTag() {
        return "\"c:{" + id + "}," + contentVersion + "\"";
    }

    /** Records a change of the item's properties (and of its content when {@code content}). */
    void touch(boolean content) {
        version++;
        if (content) {
            contentVersion++;
        }
        modified = Instant.now();
    }

    long size() {
        if (!folder) {
            return content.length;
        }
        long total = 0;
        for (DriveNode child : children.values()) {
            total += child.size();
        }
        return total;
    }

    /** The path Graph reports in {@code parentReference.path} for this item's children. */
    String pathForChildren(String driveId) {
        StringBuilder b = new StringBuilder();
        for (DriveNode n = this; n.parent != null; n = n.parent) {
            b.insert(0, "/" + n.name);
        }
        return "/drives/" + driveId + "/root:" + b;
    }

    boolean isAncestorOf(DriveNode other) {
        for (DriveNode n = other; n != null; n = n.parent) {
            if (n == this) {
                return true;
            }
        }
        return false;
    }
}
