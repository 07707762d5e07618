package io.unistore.content;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Scans text for personal and secret data ({@link SensitiveData}) line by line, streaming: one line is held at a
 * time whatever the size, and the scan stops at a byte bound.
 */
public final class ContentScan {
    /**
     * What a scan found.
     *
     * @param counts   items found per kind (every item, also past maxFindings)
     * @param findings the first maxFindings items, in order
     * @param lines    lines read
     * @param bytes    bytes read
     * @param complete whether everything was read (false: the scan stopped at maxBytes)
     */
    public record Result(Map<FindingKind, Integer> counts, List<Finding> findings, long lines, long bytes,
                         boolean complete) {
        /** Items found in all. */
        public int total() {
            return counts.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private ContentScan() {
    }

    /**
     * Scans {@code in} (UTF-8 text) for at most {@code maxBytes} bytes, keeping the first {@code maxFindings}
     * findings with their positions. Does not close {@code in}.
     */
    public static Result scan(InputStream in, long maxBytes, int maxFindings) {
        return scan(in, maxBytes, maxFindings, m -> { });
    }

    /** {@link #scan(InputStream, long, int)}, handing every item (with its value) to {@code seen}: for tests. */
    static Result scan(InputStream in, long maxBytes, int maxFindings, Consumer<SensitiveData.Match> seen) {
        TextLines lines = new TextLines(in, maxBytes);
        Map<FindingKind, Integer> counts = new EnumMap<>(FindingKind.class);
        List<Finding> findings = new ArrayList<>();
        long count = 0;
        for (TextLines.Line line = lines.next(); line != null; line = lines.next()) {
            count = line.number();
            for (SensitiveData.Match m : SensitiveData.find(line.text())) {
                seen.accept(m);
                counts.merge(m.kind(), 1, Integer::sum);
                if (findings.size() < maxFindings) {
                    long offset = line.offset() + line.text().substring(0, m.start())
                            .getBytes(StandardCharsets.UTF_8).length;
                    findings.add(new Finding(m.kind(), line.number(), m.start() + 1, offset, m.end() - m.start(),
                            Masking.preview(m.kind(), m.value())));
                }
            }
        }
        return new Result(Collections.unmodifiableMap(counts), List.copyOf(findings), count, lines.bytesRead(),
                lines.complete());
    }
}
