package io.unistore.config;

/** An accounts file, or a setting given on a command line, that breaks a rule; the message names the key. */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
