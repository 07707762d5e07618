package io.unistore.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** {@link AuditSink#file}: a local file rotated by size. */
final class FileAuditSink implements AuditSink {
    private final Path file;
    private final long maxBytes;
    private final String lastLine;
    private FileChannel channel;

    FileAuditSink(Path file, long maxBytes) {
        if (maxBytes < 1024) {
            throw new IllegalArgumentException("maxBytes must be at least 1024");
        }
        this.file = file.toAbsolutePath();
        this.maxBytes = maxBytes;
        try {
            Files.createDirectories(this.file.getParent());
            List<Path> all = files();
            String last = null;
            for (int i = all.size() - 1; i >= 0 && last == null; i--) {
                last = lastLineOf(all.get(i));
            }
            this.lastLine = last;
            this.channel = open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the audit file " + this.file, e);
        }
    }

    private FileChannel open() throws IOException {
        return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    @Override
    public String lastLine() {
        return lastLine;
    }

    @Override
    public synchronized void append(String line, Instant time) {
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            if (channel.size() > 0 && channel.size() + bytes.length > maxBytes) {
                rotate(line);
            }
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) {
                channel.write(buf);
            }
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the audit file " + file, e);
        }
    }

    /** Renames the full file after the first seq it holds, so names sort in chain order. */
    private void rotate(String nextLine) throws IOException {
        channel.close();
        String first;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            first = r.readLine();
        }
        long seq = first == null ? AuditLines.parse(nextLine).seq() : AuditLines.parse(first).seq();
        Files.move(file, file.resolveSibling(file.getFileName() + "." + String.format("%020d", seq)));
        channel = open();
    }

    @Override
    public void forEachLine(Consumer<String> action) {
        for (Path p : files()) {
            try (Stream<String> lines = Files.lines(p, StandardCharsets.UTF_8)) {
                lines.filter(l -> !l.isEmpty()).forEach(action);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the audit file " + p, e);
            }
        }
    }

    /** Rotated files in name (= chain) order, then the current one. */
    private List<Path> files() {
        String base = file.getFileName().toString() + ".";
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(file.getParent())) {
            s.filter(p -> p.getFileName().toString().startsWith(base)
                            && p.getFileName().toString().substring(base.length()).matches("\\d{20}"))
                    .sorted().forEach(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + file.getParent(), e);
        }
        if (Files.exists(file)) {
            out.add(file);
        }
        return out;
    }

    private static String lastLineOf(Path p) throws IOException {
        String last = null;
        try (BufferedReader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
            for (String l = r.readLine(); l != null; l = r.readLine()) {
                if (!l.isEmpty()) {
                    last = l;
                }
            }
        }
        return last;
    }

    @Override
    public String describe() {
        return "file " + file;
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
