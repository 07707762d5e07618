package io.unistore.ops;

import io.unistore.ErrorCode;
import io.unistore.StorageException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * grep over many blobs or files: a regular expression matched line by line over streamed content, with
 * context lines, a limit on matches and on bytes scanned, and a continuation token that resumes after the last
 * line scanned. Content whose first 8 KiB hold a NUL byte, or whose type is a known binary one, is skipped and
 * counted, never matched.
 */
public final class TextSearch {
    /** How much of an object decides whether it is binary. */
    static final int SNIFF = 8 * 1024;

    /** One object to search. */
    public record Source(String name, long size, String contentType, Supplier<InputStream> open) {
    }

    /** What to search for and the limits of one call. */
    public record Options(Pattern pattern, int before, int after, int maxMatches, long maxBytes, int maxLineBytes) {
    }

    /** One matching line with its context. */
    public record Match(String name, long line, String text, List<String> before, List<String> after) {
    }

    /**
     * What one call found.
     *
     * @param matches the matches, in object and line order
     * @param objectsScanned objects read (wholly or up to a limit)
     * @param bytesScanned bytes read
     * @param binarySkipped objects skipped as binary
     * @param continuation where to resume, or null when every object was searched
     * @param stoppedBy "maxMatches" or "maxBytes" when a limit stopped the search, else null
     */
    public record Result(List<Match> matches, int objectsScanned, long bytesScanned, int binarySkipped,
                         String continuation, String stoppedBy) {
    }

    private TextSearch() {
    }

    /** Compiles a user's regular expression; INVALID_ARGUMENT naming {@code field} when it does not compile. */
    public static Pattern compile(String regex, boolean ignoreCase, String field) {
        try {
            return Pattern.compile(regex, ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
        } catch (java.util.regex.PatternSyntaxException e) {
            throw StorageException.invalidArgument(field, "is not a valid regular expression: "
                    + e.getDescription());
        }
    }

    /**
     * Searches the sources in their order, starting where {@code continuation} (from an earlier result) says.
     *
     * @throws StorageException INVALID_ARGUMENT for a continuation this search did not make
     */
    public static Result search(Iterator<Source> sources, Options o, String continuation) {
        String resumeName = null;
        long resumeLine = 0;
        if (continuation != null) {
            String token;
            try {
                token = new String(Base64.getUrlDecoder().decode(continuation), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                token = "";
            }
            int colon = token.indexOf(':');
            try {
                resumeLine = Long.parseLong(token.substring(0, Math.max(colon, 0)));
            } catch (NumberFormatException e) {
                throw StorageException.invalidArgument("continuationToken", "is not one this tool returned");
            }
            resumeName = token.substring(colon + 1);
        }
        List<Match> matches = new ArrayList<>();
        int objects = 0;
        int binary = 0;
        long bytes = 0;
        while (sources.hasNext()) {
            Source s = sources.next();
            long skipLines = 0;
            if (resumeName != null) {
                int order = s.name().compareTo(resumeName);
                if (order < 0) {
                    continue;
                }
                skipLines = order == 0 ? resumeLine : 0;
                resumeName = null;
            }
            if (isBinaryType(s.contentType())) {
                binary++;
                continue;
            }
            Scan scan = new Scan(s, o, skipLines, matches, o.maxBytes() - bytes);
            scan.run();
            bytes += scan.bytes;
            if (scan.binary) {
                binary++;
                continue;
            }
            objects++;
            if (scan.stoppedBy != null) {
                String token = Base64.getUrlEncoder().withoutPadding().encodeToString((scan.lastLine + ":"
                        + s.name()).getBytes(StandardCharsets.UTF_8));
                return new Result(matches, objects, bytes, binary, scan.finished && !sources.hasNext() ? null
                        : token, scan.stoppedBy);
            }
        }
        return new Result(matches, objects, bytes, binary, null, null);
    }

    private static boolean isBinaryType(String contentType) {
        if (contentType == null) {
            return false;
        }
        String t = contentType.toLowerCase(Locale.ROOT);
        return t.startsWith("image/") || t.startsWith("audio/") || t.startsWith("video/") || t.startsWith("font/")
                || t.contains("zip") || t.contains("pdf") || t.contains("parquet") || t.contains("protobuf");
    }

    /** Searches one object. */
    private static final class Scan {
        private final Source source;
        private final Options o;
        private final long skipLines;
        private final List<Match> matches;
        private final long budget;
        long bytes;
        long lastLine;
        boolean binary;
        boolean finished;
        String stoppedBy;

        Scan(Source source, Options o, long skipLines, List<Match> matches, long budget) {
            this.source = source;
            this.o = o;
            this.skipLines = skipLines;
            this.matches = matches;
            this.budget = budget;
        }

        void run() {
            try (InputStream raw = source.open().get(); BufferedInputStream in = new BufferedInputStream(raw, SNIFF)) {
                in.mark(SNIFF);
                byte[] head = in.readNBytes(SNIFF);
                for (byte b : head) {
                    if (b == 0) {
                        binary = true;
                        return;
                    }
                }
                in.reset();
                scanLines(new LineReader(in, o.maxLineBytes()));
            } catch (IOException e) {
                throw new StorageException(ErrorCode.UNAVAILABLE, "reading " + source.name() + " failed: "
                        + e.getMessage(), e);
            }
        }

        private void scanLines(LineReader reader) throws IOException {
            Deque<String> before = new ArrayDeque<>();
            List<Match> open = new ArrayList<>(); // matches still collecting after-context
            long line = 0;
            LineReader.Line l;
            while ((l = reader.next()) != null) {
                line++;
                bytes += l.length() + 1;
                String text = new String(l.bytes(), 0, l.length(), StandardCharsets.UTF_8);
                for (Match m : open) {
                    m.after().add(text);
                }
                open.removeIf(m -> m.after().size() >= o.after());
                if (stoppedBy != null) {
                    if (open.isEmpty()) {
                        return;
                    }
                    continue;
                }
                if (line > skipLines && o.pattern().matcher(text).find()) {
                    Match m = new Match(source.name(), line, text, List.copyOf(before), new ArrayList<>());
                    matches.add(m);
                    if (o.after() > 0) {
                        open.add(m);
                    }
                }
                if (o.before() > 0) {
                    before.addLast(text);
                    if (before.size() > o.before()) {
                        before.removeFirst();
                    }
                }
                lastLine = line;
                if (matches.size() >= o.maxMatches()) {
                    stoppedBy = "maxMatches";
                } else if (bytes >= budget) {
                    stoppedBy = "maxBytes";
                }
                if (stoppedBy != null && open.isEmpty()) {
                    finished = reader.next() == null;
                    return;
                }
            }
            finished = true;
        }
    }
}
