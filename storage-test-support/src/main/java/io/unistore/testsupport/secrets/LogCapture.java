package io.unistore.testsupport.secrets;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Captures what a test JVM logs while it is open: everything written to {@code System.out} and
 * {@code System.err} (still passed on; slf4j-simple, the tests' SLF4J binding, writes there and looks the
 * stream up on each line) and every {@code java.util.logging} record at any level (Google's clients log through
 * it), with its parameters and its exception. Left out: the JDK HTTP server's records (the tests' own back ends)
 * and HTTP wire traces ({@code *.wire}, {@code *.headers}, as Apache HttpClient's): at their debug level they
 * print every request as sent, session-token header included, which is what a user asks for by turning them on.
 * Closing restores the streams and levels.
 */
public final class LogCapture implements AutoCloseable {
    /**
     * The JDK's HTTP server, which the test's own back ends run on (the echo server, the GCS stand-in): what
     * they log about the requests they receive is the server's side, not the code under test.
     */
    private static final String TEST_SERVERS = "com.sun.net.httpserver";

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private final PrintStream out;
    private final PrintStream err;
    private final Logger root = Logger.getLogger("");
    private final Level rootLevel;
    private final Handler handler;

    private LogCapture() {
        out = System.out;
        err = System.err;
        System.setOut(tee(out));
        System.setErr(tee(err));
        rootLevel = root.getLevel();
        handler = new Handler() {
            @Override
            public void publish(LogRecord r) {
                String logger = r.getLoggerName() == null ? "" : r.getLoggerName();
                if (logger.startsWith(TEST_SERVERS) || logger.endsWith(".wire") || logger.endsWith(".headers")) {
                    return;
                }
                StringBuilder sb = new StringBuilder("JUL ").append(r.getLevel()).append(' ').append(r.getLoggerName())
                        .append(": ").append(r.getMessage());
                if (r.getParameters() != null) {
                    for (Object p : r.getParameters()) {
                        sb.append(" | ").append(p);
                    }
                }
                append(sb.append('\n').toString());
                if (r.getThrown() != null) {
                    ByteArrayOutputStream trace = new ByteArrayOutputStream();
                    r.getThrown().printStackTrace(new PrintStream(trace, true, StandardCharsets.UTF_8));
                    append(trace.toString(StandardCharsets.UTF_8));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        handler.setLevel(Level.ALL);
        root.addHandler(handler);
        root.setLevel(Level.ALL);
        // The root's own handlers keep their levels: nothing more is printed, everything is captured.
    }

    /** Starts capturing. */
    public static LogCapture start() {
        return new LogCapture();
    }

    /** Everything captured so far. */
    public String text() {
        synchronized (captured) {
            return captured.toString(StandardCharsets.UTF_8);
        }
    }

    private void append(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        synchronized (captured) {
            captured.write(bytes, 0, bytes.length);
        }
    }

    private PrintStream tee(PrintStream original) {
        return new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                original.write(b);
                synchronized (captured) {
                    captured.write(b);
                }
            }

            @Override
            public void write(byte[] b, int off, int len) {
                original.write(b, off, len);
                synchronized (captured) {
                    captured.write(b, off, len);
                }
            }
        }, true, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        System.setOut(out);
        System.setErr(err);
        root.removeHandler(handler);
        root.setLevel(rootLevel);
    }
}
