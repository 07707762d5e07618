package io.unistore.cli;

import java.io.PrintStream;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where a command writes: results on stdout (text, or one JSON document with {@code --json}), notes and errors
 * on stderr; {@code --quiet} drops the notes. Progress bars only where stderr is a terminal.
 */
final class Output {
    private static final JsonMapper JSON = JsonMapper.builder().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    private final PrintStream out;
    private final PrintStream err;
    private final boolean json;
    private final boolean quiet;
    private final boolean terminal;

    Output(PrintStream out, PrintStream err, boolean json, boolean quiet, boolean terminal) {
        this.out = out;
        this.err = err;
        this.json = json;
        this.quiet = quiet;
        this.terminal = terminal;
    }

    boolean json() {
        return json;
    }

    PrintStream out() {
        return out;
    }

    /** A line of the result (text mode). */
    void line(String text) {
        out.println(text);
    }

    /** The result as one JSON document. */
    void json(Object value) {
        out.println(JSON.writeValueAsString(value));
    }

    /** Prints the value as JSON with --json, else the text. */
    void result(Object value, String text) {
        if (json) {
            json(value);
        } else if (text != null) {
            out.println(text);
        }
    }

    /** A note for the person at the terminal (stderr; not with --quiet or --json). */
    void note(String text) {
        if (!quiet && !json) {
            err.println(text);
        }
    }

    /** An error (stderr, always). */
    void error(String text) {
        err.println("unistore: " + text);
    }

    /** Whether progress bars are drawn: on a terminal, not quiet, not JSON. */
    boolean progress() {
        return terminal && !quiet && !json;
    }
}
