package io.unistore.local;

import io.unistore.StorageAccount;
import io.unistore.blob.BlobItem;
import io.unistore.file.FileItem;
import io.unistore.table.TableEntity;
import io.unistore.table.TableQuery;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Checks a data directory against the logs of {@link LocalWriter}s: every write a writer was told had succeeded
 * is there (blobs, files and entities as last acknowledged, every acknowledged message with its body), and nothing
 * else of the writer's is, except the effect of the one operation it had announced when it was killed, which may
 * have landed or not — whole: a transaction's entities all or none.
 */
final class WriterLogs {
    /** What one writer's log says: the acknowledged state by key, and the operation in flight (or null). */
    private static final class Model {
        final Map<String, String> state = new HashMap<>(); // "b:name", "e:pk/rk", "f:path" -> md5/tag, null deleted
        final Map<String, String> messages = new HashMap<>(); // id -> md5
        Map<String, String> inFlight = Map.of(); // key -> value the operation would leave
        String inFlightTag;
    }

    private WriterLogs() {
    }

    /** Problems found, one line each (empty: every acknowledged write is there and nothing unannounced). */
    static List<String> verify(StorageAccount account, Path dataDir, Map<String, Path> logsByWriter)
            throws IOException, SQLException {
        List<String> problems = new ArrayList<>();
        Map<String, String[]> bodies = messageBodies(dataDir);
        for (Map.Entry<String, Path> log : logsByWriter.entrySet()) {
            String writer = log.getKey();
            Model m = read(log.getValue());
            Map<String, String> actual = actual(account, writer);
            Set<String> keys = new HashSet<>(actual.keySet());
            keys.addAll(m.state.keySet());
            keys.addAll(m.inFlight.keySet());
            boolean inFlightLanded = !m.inFlight.isEmpty() && m.inFlight.entrySet().stream()
                    .allMatch(e -> Objects.equals(actual.get(e.getKey()), e.getValue()));
            for (String key : keys) {
                String expected = inFlightLanded && m.inFlight.containsKey(key) ? m.inFlight.get(key) : m.state.get(key);
                if (!Objects.equals(actual.get(key), expected)) {
                    problems.add(writer + " " + key + ": " + actual.get(key) + ", acknowledged " + m.state.get(key)
                            + (m.inFlight.containsKey(key) ? ", in flight " + m.inFlight.get(key) : ""));
                }
            }
            m.messages.forEach((id, md5) -> {
                String[] there = bodies.get(id);
                if (there == null || !md5.equals(there[1])) {
                    problems.add(writer + " message " + id + ": " + (there == null ? "missing" : there[1])
                            + ", acknowledged " + md5);
                }
            });
            bodies.forEach((id, there) -> {
                if (there[0].startsWith(writer + "m") && !m.messages.containsKey(id)
                        && !there[0].equals(m.inFlightTag)) {
                    problems.add(writer + " message " + id + " (" + there[0] + ") was never acknowledged nor in "
                            + "flight");
                }
            });
        }
        return problems;
    }

    private static Model read(Path log) throws IOException {
        Model m = new Model();
        String[] pending = null;
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            if (line.startsWith("> ")) {
                pending = line.substring(2).split(" ");
            } else if (line.startsWith("<") && pending != null) {
                effects(pending).forEach(m.state::put);
                if (pending[0].equals("M")) {
                    m.messages.put(line.substring(2), pending[2]);
                }
                pending = null;
            }
        }
        if (pending != null) {
            m.inFlight = effects(pending);
            m.inFlightTag = pending[0].equals("M") ? pending[1] : null;
        }
        return m;
    }

    /** The keys an operation sets, and to what (null: deleted). */
    private static Map<String, String> effects(String[] op) {
        Map<String, String> out = new HashMap<>();
        switch (op[0]) {
            case "B" -> out.put("b:" + op[1], op[2]);
            case "C" -> out.put("b:" + op[2], op[3]);
            case "D" -> out.put("b:" + op[1], null);
            case "E" -> {
                for (String kv : op[2].split(",")) {
                    String[] p = kv.split("=");
                    out.put("e:" + op[1] + "/" + p[0], p[1]);
                }
            }
            case "X" -> out.put("e:" + op[1] + "/" + op[2], null);
            case "F" -> out.put("f:" + op[1], op[2]);
            case "G" -> out.put("f:" + op[1], null);
            default -> { } // S (snapshot), M (messages are checked apart)
        }
        return out;
    }

    /** What the directory holds of one writer's blobs, entities and files, keyed as {@link #effects} keys them. */
    private static Map<String, String> actual(StorageAccount account, String writer) {
        Map<String, String> out = new HashMap<>();
        for (BlobItem item : account.blobs().list(LocalWriter.CONTAINER, io.unistore.blob.ListBlobsOptions.prefix(
                writer + "/"))) {
            byte[] bytes = account.blobs().downloadBytes(LocalWriter.CONTAINER, item.name());
            String md5 = LocalWriter.md5(bytes);
            out.put("b:" + item.name(), md5.equals(item.properties().contentMd5()) ? md5 : "MD5 property "
                    + item.properties().contentMd5() + " but content " + md5);
        }
        for (TableEntity e : account.tables().query(LocalWriter.TABLE, TableQuery.where("PartitionKey eq '"
                + writer + "'"))) {
            out.put("e:" + e.partitionKey() + "/" + e.rowKey(), e.getString("Tag"));
        }
        for (FileItem f : account.files().list(LocalWriter.SHARE, LocalWriter.directory(writer))) {
            String path = LocalWriter.directory(writer) + "/" + f.name();
            out.put("f:" + path, LocalWriter.md5(account.files().downloadBytes(LocalWriter.SHARE, path)));
        }
        return out;
    }

    /**
     * Message id to the tag its body starts with and the body's MD5, read from the database (receiving would hide
     * them).
     */
    private static Map<String, String[]> messageBodies(Path dataDir) throws SQLException {
        Map<String, String[]> out = new HashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(Database.FILE_NAME));
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT id, body FROM messages")) {
            while (rs.next()) {
                byte[] body = rs.getBytes(2);
                String text = new String(body, StandardCharsets.UTF_8);
                out.put(rs.getString(1), new String[] {text.substring(0, Math.max(0, text.indexOf(' '))),
                        LocalWriter.md5(body)});
            }
        }
        return out;
    }
}
