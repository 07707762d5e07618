package io.unistore.config;

import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ${env:NAME}} references in settings, so that secrets never have to be written in a file or on a
 * command line.
 */
public final class EnvReferences {
    private static final Pattern ENV = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)}");

    private EnvReferences() {
    }

    /**
     * Replaces every {@code ${env:NAME}} with the variable's value.
     *
     * @param where names the setting in errors
     * @param env looks up environment variables ({@code System::getenv} outside tests)
     * @throws ConfigException naming the setting and the variable when it is not set (never a value)
     */
    public static String substitute(String value, String where, UnaryOperator<String> env) {
        Matcher m = ENV.matcher(value);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = env.apply(m.group(1));
            if (v == null) {
                throw new ConfigException(where + ": environment variable " + m.group(1) + " is not set");
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(v));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
