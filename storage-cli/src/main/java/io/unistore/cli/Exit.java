package io.unistore.cli;

import io.unistore.ErrorCode;

/** The exit codes of {@code unistore}, documented in the README and in {@code --help}. */
final class Exit {
    /** Done. */
    static final int OK = 0;
    /** A storage call failed, or some objects of a transfer failed. */
    static final int FAILED = 1;
    /** A bad command line, path or config file. */
    static final int USAGE = 2;
    /** The account, container, object, table or queue named does not exist. */
    static final int NOT_FOUND = 3;
    /** {@code check} found differences ({@code sync --dry-run} found work to do is still 0). */
    static final int DIFFERENT = 4;
    /** The service refused the credentials or the permission. */
    static final int DENIED = 5;
    /** The account or service does not support what was asked. */
    static final int UNSUPPORTED = 6;

    private Exit() {
    }

    /** The exit code of a storage error. */
    static int of(ErrorCode code) {
        return switch (code) {
            case NOT_FOUND -> NOT_FOUND;
            case INVALID_ARGUMENT -> USAGE;
            case UNAUTHENTICATED, PERMISSION_DENIED -> DENIED;
            case UNSUPPORTED -> UNSUPPORTED;
            default -> FAILED;
        };
    }
}
