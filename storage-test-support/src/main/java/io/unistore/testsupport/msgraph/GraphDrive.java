package io.unistore.testsupport.msgraph;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The stand-in's one document library: items by id under a root, with the rules Graph applies to names,
 * conflicts ({@code @microsoft.graph.conflictBehavior} fail / replace / rename) and {@code If-Match} eTags.
 * Callers hold the drive's lock ({@code synchronized (drive)}) around each request.
 */
final class GraphDrive {
    final String id;
    final DriveNode root = new DriveNode("root", true);
    private final Map<String, DriveNode> byId = new HashMap<>();
    final Map<String, UploadSession> sessions = new HashMap<>();

    GraphDrive(String id) {
        this.id = id;
        byId.put(root.id, root);
    }

    DriveNode byId(String itemId) {
        DriveNode n = itemId.equalsIgnoreCase("root") ? root : byId.get(itemId);
        if (n == null) {
            throw GraphError.notFound("item " + itemId);
        }
        return n;
    }

    /** The item at {@code path} ("/a/b", "" for base itself) below base, or null. */
    DriveNode find(DriveNode base, String path) {
        DriveNode n = base;
        for (String segment : path.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            n = n.folder ? n.children.get(segment) : null;
            if (n == null) {
                return null;
            }
        }
        return n;
    }

    DriveNode get(DriveNode base, String path) {
        DriveNode n = find(base, path);
        if (n == null) {
            throw GraphError.notFound(path);
        }
        return n;
    }

    /** The folder that holds {@code path}, created with its parents as Graph does for path-addressed uploads. */
    DriveNode parentFolderOf(DriveNode base, String path) {
        DriveNode n = base;
        String[] segments = path.replaceAll("^/+", "").split("/");
        for (int i = 0; i < segments.length - 1; i++) {
            DriveNode next = n.children.get(segments[i]);
            if (next == null) {
                next = add(n, new DriveNode(checkName(segments[i]), true));
            } else if (!next.folder) {
                throw GraphError.invalid("'" + segments[i] + "' is a file, not a folder");
            }
            n = next;
        }
        return n;
    }

    static String lastSegment(String path) {
        String p = path.replaceAll("/+$", "");
        return p.substring(p.lastIndexOf('/') + 1);
    }

    /** Graph's rule for names: none of {@code " * : < > ? / \ |}, no trailing dot or space, not empty. */
    static String checkName(String name) {
        if (name == null || name.isBlank() || name.matches(".*[\"*:<>?/\\\\|].*") || name.endsWith(".")
                || name.endsWith(" ") || name.length() > 400) {
            throw new GraphError(400, "invalidRequest", "Invalid name: '" + name + "'");
        }
        return name;
    }

    DriveNode add(DriveNode folder, DriveNode child) {
        child.parent = folder;
        folder.children.put(child.name, child);
        byId.put(child.id, child);
        folder.touch(true);
        return child;
    }

    void remove(DriveNode node) {
        if (node == root) {
            throw new GraphError(403, "accessDenied", "The root of a drive cannot be deleted");
        }
        node.parent.children.remove(node.name);
        node.parent.touch(true);
        forget(node);
    }

    private void forget(DriveNode node) {
        byId.remove(node.id);
        node.children.values().forEach(this::forget);
    }

    /**
     * Applies a conflict behaviour to {@code name} in {@code folder}: the name to use (a new one for rename),
     * after removing what it replaces.
     */
    String resolveConflict(DriveNode folder, String name, String behavior, boolean replacingFileKeepsIt) {
        DriveNode existing = folder.children.get(name);
        if (existing == null) {
            return name;
        }
        switch (behavior) {
            case "replace" -> {
                if (!(replacingFileKeepsIt && !existing.folder)) {
                    remove(existing);
                }
                return name;
            }
            case "rename" -> {
                int dot = name.lastIndexOf('.');
                String stem = dot > 0 ? name.substring(0, dot) : name;
                String ext = dot > 0 ? name.substring(dot) : "";
                for (int i = 1; ; i++) {
                    String candidate = stem + " " + i + ext;
                    if (!folder.children.containsKey(candidate)) {
                        return candidate;
                    }
                }
            }
            default -> throw GraphError.nameExists(name);
        }
    }

    static void checkIfMatch(DriveNode node, String ifMatch) {
        if (ifMatch != null && !ifMatch.equals("*") && !ifMatch.equals(node.eTag()) && !ifMatch.equals(node.cTag())) {
            throw GraphError.preconditionFailed();
        }
    }

    /** Writes a file's content at {@code name} in {@code folder} by the conflict behaviour; true if created. */
    DriveNode writeFile(DriveNode folder, String name, byte[] content, String behavior, String ifMatch,
                        String description, boolean setDescription) {
        checkName(name);
        DriveNode existing = folder.children.get(name);
        if (existing != null && existing.folder && !"rename".equals(behavior)) {
            throw GraphError.nameExists(name);
        }
        if (existing != null) {
            checkIfMatch(existing, ifMatch);
        } else if (ifMatch != null && !ifMatch.equals("*")) {
            throw GraphError.notFound(name);
        }
        String target = resolveConflict(folder, name, behavior, true);
        DriveNode file = folder.children.get(target);
        if (file == null) {
            file = add(folder, new DriveNode(target, false));
        } else {
            file.touch(true);
            folder.touch(true);
        }
        file.content = content;
        if (setDescription) {
            file.description = description;
        }
        return file;
    }

    UploadSession newSession(DriveNode folder, String name, String behavior, String description,
                             boolean setDescription) {
        UploadSession s = new UploadSession(UUID.randomUUID().toString().replace("-", ""), folder, name, behavior,
                description, setDescription);
        sessions.put(s.id, s);
        return s;
    }

    /** An upload session: the ranges received so far, committed when the last byte arrives. */
    static final class UploadSession {
        final String id;
        final DriveNode folder;
        final String name;
        final String behavior;
        final String description;
        final boolean setDescription;
        byte[] data;
        long received;

        UploadSession(String id, DriveNode folder, String name, String behavior, String description,
                      boolean setDescription) {
            this.id = id;
            this.folder = folder;
            this.name = name;
            this.behavior = behavior;
            this.description = description;
            this.setDescription = setDescription;
        }
    }
}
