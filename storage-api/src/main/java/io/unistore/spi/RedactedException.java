package io.unistore.spi;

/**
 * Stands in for an exception whose message held a secret: the original's class name, its message with the
 * secrets masked ({@link Secrets#redact(String)}), its stack trace, and its causes and suppressed exceptions
 * treated the same way. Its {@code toString()} reads like the original's.
 */
public final class RedactedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String originalClass;

    /** Its cause, if any, is set once made (the chain is copied after the copy is registered). */
    RedactedException(String originalClass, String message) {
        super(message);
        this.originalClass = originalClass;
    }

    /** The class of the exception this one stands in for. */
    public String originalClass() {
        return originalClass;
    }

    @Override
    public String toString() {
        String message = getLocalizedMessage();
        return message == null ? originalClass : originalClass + ": " + message;
    }
}
