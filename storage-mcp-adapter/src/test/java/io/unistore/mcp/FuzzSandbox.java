package io.unistore.mcp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The directory tree a fuzzed server runs in, and a watch on every part of it the server must not touch.
 * {@code home/} is its HOME and {@code user.home}, {@code cwd/} its working directory, {@code tmp/} its
 * {@code java.io.tmpdir}; {@code data/} is the local account's root and {@code allowed/} its {@code --allow-path}
 * (both may change); {@code canary/} holds a file that must never change, and is what path tricks aim at:
 * {@code allowed/} has links into it (to the directory, to the file, and dangling ones to names that do not
 * exist yet). Anything outside {@code data/} and {@code allowed/} that appears, disappears or changes is a
 * file touched where the server may not write.
 */
final class FuzzSandbox {
    /** How many dangling links {@code allowed/} holds, named {@code dangling-0}... */
    static final int DANGLING_LINKS = 8;

    final Path root;
    final Path home;
    final Path cwd;
    final Path tmp;
    final Path data;
    final Path allowed;
    final Path canary;

    private FuzzSandbox(Path root) {
        this.root = root;
        home = root.resolve("home");
        cwd = root.resolve("cwd");
        tmp = root.resolve("tmp");
        data = root.resolve("data");
        allowed = root.resolve("allowed");
        canary = root.resolve("canary");
    }

    static FuzzSandbox create(Path root) {
        FuzzSandbox s = new FuzzSandbox(root);
        try {
            for (Path d : List.of(s.home, s.cwd, s.tmp, s.data, s.allowed.resolve("sub"), s.canary)) {
                Files.createDirectories(d);
            }
            Files.writeString(s.canary.resolve("secret.txt"), "canary: nothing may read or change this file\n");
            Files.writeString(s.allowed.resolve("in.txt"), "hello from an allowed file\n");
            Files.writeString(s.allowed.resolve("data.csv"), "PartitionKey,RowKey,Age\np1,r1,30\np1,r2,31\n");
            Files.createSymbolicLink(s.allowed.resolve("to-canary"), s.canary);
            Files.createSymbolicLink(s.allowed.resolve("to-canary-file"), s.canary.resolve("secret.txt"));
            for (int i = 0; i < DANGLING_LINKS; i++) {
                Files.createSymbolicLink(s.allowed.resolve("dangling-" + i), s.canary.resolve("gone-" + i));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return s;
    }

    /** JVM options keeping the server's home and temporary files inside the sandbox. */
    List<String> jvmOptions() {
        return List.of("-Duser.home=" + home, "-Djava.io.tmpdir=" + tmp);
    }

    /** Environment variables doing the same for anything reading HOME or TMPDIR. */
    Map<String, String> environment() {
        return Map.of("HOME", home.toString(), "TMPDIR", tmp.toString());
    }

    /**
     * Everything outside {@code data/} and {@code allowed/}: relative path → what it is (directory, file with
     * size and modification time, link with its target). Links are not followed.
     */
    Map<String, String> watched() {
        Map<String, String> tree = new TreeMap<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (dir.equals(data) || dir.equals(allowed)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    tree.put(root.relativize(dir).toString(), "directory");
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    String what = attrs.isSymbolicLink() ? "link to " + Files.readSymbolicLink(file)
                            : attrs.isRegularFile() ? "file of " + attrs.size() + " bytes modified "
                            + attrs.lastModifiedTime() : "special file";
                    tree.put(root.relativize(file).toString(), what);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    tree.put(root.relativize(file).toString(), "unreadable: " + e);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tree;
    }

    /** The differences between two {@link #watched()} trees, one line each; empty when nothing changed. */
    static List<String> changes(Map<String, String> before, Map<String, String> after) {
        List<String> out = new ArrayList<>();
        TreeSet<String> paths = new TreeSet<>(before.keySet());
        paths.addAll(after.keySet());
        for (String p : paths) {
            String b = before.get(p);
            String a = after.get(p);
            if (b == null) {
                out.add("created " + p + " (" + a + ")");
            } else if (a == null) {
                out.add("removed " + p + " (was " + b + ")");
            } else if (!a.equals(b)) {
                out.add("changed " + p + ": " + b + " -> " + a);
            }
        }
        return out;
    }
}
