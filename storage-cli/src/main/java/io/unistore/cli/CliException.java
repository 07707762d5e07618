package io.unistore.cli;

/** A failure the user can fix: the message names what is wrong and how to fix it; no stack trace is shown. */
final class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    static CliException usage(String message) {
        return new CliException(Exit.USAGE, message);
    }

    int exitCode() {
        return exitCode;
    }
}
