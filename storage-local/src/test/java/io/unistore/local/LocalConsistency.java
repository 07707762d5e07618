package io.unistore.local;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The consistency check of a data directory no process is using: SQLite's {@code integrity_check}, then the
 * crash-leftover sweep (at age zero), then every content file against the rows: each row's content present with
 * the recorded size and MD5, each content file's reference count equal to the rows pointing at it, and no file
 * nobody points at. Returns what it found wrong, one line each (empty: consistent).
 */
final class LocalConsistency {
    /** What the check saw. */
    record Report(List<String> problems, int rows, int files, int swept) {
    }

    private static final String CONTENT_ROWS = "SELECT content, size, md5, 'blob ' || container || '/' || name FROM blobs"
            + " UNION ALL SELECT content, size, md5, 'version ' || container || '/' || name || ' ' || version_id"
            + " FROM blob_versions"
            + " UNION ALL SELECT content, size, md5, 'snapshot ' || container || '/' || name || ' ' || snapshot"
            + " FROM blob_snapshots"
            + " UNION ALL SELECT content, size, md5, 'file ' || share || '/' || path FROM entries"
            + " WHERE content IS NOT NULL";

    private LocalConsistency() {
    }

    static Report check(Path dataDir) throws IOException, SQLException {
        Path root = dataDir.toRealPath();
        List<String> problems = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + root.resolve(Database.FILE_NAME));
             Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
                List<String> lines = new ArrayList<>();
                while (rs.next()) {
                    lines.add(rs.getString(1));
                }
                if (!lines.equals(List.of("ok"))) {
                    problems.add("integrity_check: " + lines);
                }
            }
        }
        int before = count(root.resolve(ContentStore.CONTENT_DIR)) + count(root.resolve(ContentStore.TMP_DIR));
        try (Database db = new Database(root, Durability.PROCESS)) {
            new ContentStore(root, Durability.PROCESS).sweep(Duration.ZERO, id -> db.read(s -> ContentRefs.known(s, id)));
        }
        int swept = before - count(root.resolve(ContentStore.CONTENT_DIR)) - count(root.resolve(ContentStore.TMP_DIR));
        if (count(root.resolve(ContentStore.TMP_DIR)) != 0) {
            problems.add("tmp/ not empty after the sweep");
        }

        Map<String, long[]> content = new HashMap<>(); // id -> size, refs
        Map<String, Integer> pointing = new HashMap<>();
        int rows = 0;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + root.resolve(Database.FILE_NAME));
             Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT id, size, refs FROM content")) {
                while (rs.next()) {
                    content.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
                }
            }
            Map<String, String> md5s = new HashMap<>();
            try (ResultSet rs = st.executeQuery(CONTENT_ROWS)) {
                while (rs.next()) {
                    rows++;
                    String id = rs.getString(1);
                    String what = rs.getString(4);
                    pointing.merge(id, 1, Integer::sum);
                    long[] known = content.get(id);
                    if (known == null) {
                        problems.add(what + " points at content " + id + ", which the content table lacks");
                        continue;
                    }
                    if (known[0] != rs.getLong(2)) {
                        problems.add(what + " has size " + rs.getLong(2) + ", its content " + known[0]);
                    }
                    String md5 = md5s.computeIfAbsent(id, k -> md5(root, k));
                    if (!md5.equals(rs.getString(3))) {
                        problems.add(what + " records MD5 " + rs.getString(3) + ", its content file has " + md5);
                    }
                }
            }
        }
        content.forEach((id, known) -> {
            int n = pointing.getOrDefault(id, 0);
            if (known[1] != n || n == 0) {
                problems.add("content " + id + " counts " + known[1] + " references, " + n + " rows point at it");
            }
        });
        int files = 0;
        try (Stream<Path> all = Files.walk(root.resolve(ContentStore.CONTENT_DIR))) {
            for (Path f : (Iterable<Path>) all.filter(Files::isRegularFile)::iterator) {
                files++;
                String id = f.getFileName().toString();
                if (!content.containsKey(id)) {
                    problems.add("content file " + id + " is an orphan the sweep left");
                } else if (Files.size(f) != content.get(id)[0]) {
                    problems.add("content file " + id + " has " + Files.size(f) + " bytes, " + content.get(id)[0]
                            + " recorded");
                }
            }
        }
        return new Report(problems, rows, files, swept);
    }

    /** The base64 MD5 of a content file, or "(missing)". */
    private static String md5(Path root, String id) {
        Path file = root.resolve(ContentStore.CONTENT_DIR).resolve(id.substring(0, 2)).resolve(id);
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("MD5"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return Base64.getEncoder().encodeToString(((DigestInputStream) in).getMessageDigest().digest());
        } catch (java.nio.file.NoSuchFileException e) {
            return "(missing)";
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("reading content " + id, e);
        }
    }

    private static int count(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return (int) all.filter(Files::isRegularFile).count();
        }
    }
}
