package io.unistore.cli;

import io.unistore.ErrorCode;
import io.unistore.StorageException;
import io.unistore.spi.Secrets;

/** Error messages people can act on: what failed, why, and what to do; never a stack trace or a secret. */
final class Errors {
    private Errors() {
    }

    /** One line for a failure. */
    static String describe(Throwable e) {
        if (e instanceof CliException) {
            return Secrets.redact(e.getMessage());
        }
        if (e instanceof StorageException se) {
            return Secrets.redact(se.getMessage()) + hint(se.code());
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return Secrets.redact(message);
    }

    /** What to do about a kind of storage error. */
    static String hint(ErrorCode code) {
        return switch (code) {
            case NOT_FOUND -> " (check the name with 'unistore ls')";
            case UNAUTHENTICATED -> " (check the account's credentials in the accounts file)";
            case PERMISSION_DENIED -> " (the credentials lack this permission)";
            case THROTTLED, UNAVAILABLE -> " (the service is busy or unreachable; run the command again)";
            case UNSUPPORTED -> " (this account's provider does not offer it)";
            case ALREADY_EXISTS -> " (it exists already)";
            default -> "";
        };
    }
}
