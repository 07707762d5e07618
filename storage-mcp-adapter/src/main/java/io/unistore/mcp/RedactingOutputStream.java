package io.unistore.mcp;

import io.unistore.spi.Secrets;
import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;

/**
 * The server's stderr, with {@link Secrets#redact} applied to every line before it leaves the process: log
 * messages, and also what a logged exception renders (its stack trace, the messages of its causes), which the
 * code that logs it never sees. Lines are held until their newline (or a flush) so a secret is redacted whole.
 */
final class RedactingOutputStream extends OutputStream {
    /** A line longer than this is let out in pieces (nothing writes such lines; the bound keeps memory flat). */
    private static final int MAX_LINE = 64 * 1024;

    private final OutputStream out;
    private final Charset charset;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    RedactingOutputStream(OutputStream out, Charset charset) {
        this.out = out;
        this.charset = charset;
    }

    /**
     * Replaces System.err (and System.out, which the server keeps for MCP messages and points at stderr) with a
     * redacting stream; returns the raw stderr, for the one line that must show a secret (a generated token).
     */
    static PrintStream install() {
        Charset charset = Charset.defaultCharset();
        PrintStream raw = new PrintStream(new FileOutputStream(FileDescriptor.err), true, charset);
        PrintStream redacted = new PrintStream(new RedactingOutputStream(raw, charset), true, charset);
        System.setErr(redacted);
        System.setOut(redacted);
        return raw;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        line.write(b);
        if (b == '\n' || line.size() >= MAX_LINE) {
            emit();
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            write(b[i]);
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        emit();
        out.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        flush();
        out.close();
    }

    private void emit() throws IOException {
        if (line.size() == 0) {
            return;
        }
        String text = line.toString(charset);
        line.reset();
        out.write(Secrets.redact(text).getBytes(charset));
    }
}
