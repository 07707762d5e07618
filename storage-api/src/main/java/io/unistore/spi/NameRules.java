package io.unistore.spi;

import io.unistore.StorageException;
import io.unistore.internal.Printable;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Azure Storage's naming rules for containers, queues, shares, tables, blobs, file paths and entity keys, which
 * are the strictest of the clouds and so the portable ones. Each check throws INVALID_ARGUMENT naming the
 * argument and the rule. Metadata and property names differ from service to service: each provider declares
 * its own in {@link io.unistore.Capabilities#metadataRules()} and {@link io.unistore.Capabilities#propertyNames()}.
 */
public final class NameRules {
    private static final Pattern CONTAINER = Pattern.compile("^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$");
    private static final Pattern TABLE = Pattern.compile("^[A-Za-z][A-Za-z0-9]{2,62}$");
    private static final String FILE_FORBIDDEN = "\\:*?\"<>|";
    private static final io.unistore.NameRule SELECTABLE = io.unistore.NameRule.csharpIdentifier(255);
    private static final String KEY_FORBIDDEN = "/\\#?";

    /** Azure's limit on blob names. */
    public static final int MAX_BLOB_NAME = 1024;
    /** Azure's limit on a file path segment. */
    public static final int MAX_FILE_SEGMENT = 255;
    /** Azure's limit on a whole file path. */
    public static final int MAX_FILE_PATH = 2048;
    /** Azure's limit on PartitionKey and RowKey: 1 KiB (counted here as UTF-8 bytes). */
    public static final int MAX_KEY_BYTES = 1024;

    private NameRules() {
    }

    /** Container names: 3-63 lowercase letters, digits and single hyphens, starting and ending alphanumeric. */
    public static String container(String name) {
        return lowercaseDns("container", name);
    }

    /** Queue names: the container rules. */
    public static String queue(String name) {
        return lowercaseDns("queue", name);
    }

    /** Share names: the container rules. */
    public static String share(String name) {
        return lowercaseDns("share", name);
    }

    /** The container rules for a name given as {@code what} (e.g. {@code targetContainer}). */
    public static String lowercaseDns(String what, String name) {
        if (name == null || !CONTAINER.matcher(name).matches()) {
            throw StorageException.invalidArgument(what, "'" + Printable.of(name) + "' must be 3-63 characters of "
                    + "lowercase letters, digits and single hyphens, starting and ending with a letter or digit");
        }
        return name;
    }

    /** Table names: 3-63 letters and digits, starting with a letter, not "tables". */
    public static String table(String name) {
        if (name == null || !TABLE.matcher(name).matches() || name.equalsIgnoreCase("tables")) {
            throw StorageException.invalidArgument("table", "'" + Printable.of(name) + "' must be 3-63 letters and "
                    + "digits, starting with a letter (and not 'tables')");
        }
        return name;
    }

    /**
     * Blob names: 1-1024 characters; no NUL or control characters; no leading "/"; no "." or ".." segment;
     * well-formed Unicode.
     */
    public static String blob(String name) {
        if (name == null || name.isEmpty()) {
            throw StorageException.invalidArgument("blob", "name must not be empty");
        }
        if (name.length() > MAX_BLOB_NAME) {
            throw StorageException.invalidArgument("blob", "name must be at most 1024 characters, was "
                    + name.length());
        }
        if (name.startsWith("/")) {
            throw StorageException.invalidArgument("blob", "name must not start with '/'");
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.isISOControl(name.charAt(i))) {
                throw StorageException.invalidArgument("blob", "name must not contain NUL or control characters "
                        + "(found U+" + String.format("%04X", (int) name.charAt(i)) + " at " + i + ")");
            }
        }
        for (String segment : name.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                throw StorageException.invalidArgument("blob", "name must not contain a '.' or '..' path segment");
            }
        }
        return wellFormed("blob", name);
    }

    /**
     * File share paths: "/"-separated from the root, "" for the root; segments of 1-255 characters, not
     * "." or "..", without {@code \ : * ? " < > |}, NUL or control characters; 2048 characters in all;
     * well-formed Unicode.
     *
     * @return the path without leading or trailing "/"
     */
    public static String filePath(String path) {
        if (path == null) {
            throw StorageException.invalidArgument("path", "is required (use \"\" for the share root)");
        }
        String p = path;
        if (p.startsWith("/")) {
            throw StorageException.invalidArgument("path", "must be relative to the share root (no leading '/')");
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        if (p.isEmpty()) {
            return "";
        }
        if (p.length() > MAX_FILE_PATH) {
            throw StorageException.invalidArgument("path", "must be at most 2048 characters, was " + p.length());
        }
        for (String segment : p.split("/", -1)) {
            if (segment.isEmpty()) {
                throw StorageException.invalidArgument("path", "must not contain an empty segment ('//')");
            }
            if (segment.equals(".") || segment.equals("..")) {
                throw StorageException.invalidArgument("path", "must not contain a '.' or '..' segment");
            }
            if (segment.length() > MAX_FILE_SEGMENT) {
                throw StorageException.invalidArgument("path", "segments must be at most 255 characters");
            }
            for (int i = 0; i < segment.length(); i++) {
                char c = segment.charAt(i);
                if (Character.isISOControl(c) || FILE_FORBIDDEN.indexOf(c) >= 0) {
                    throw StorageException.invalidArgument("path", "must not contain \\ : * ? \" < > |, NUL or "
                            + "control characters (found " + Printable.of(String.valueOf(c)) + ")");
                }
            }
            if (segment.endsWith(".") || segment.endsWith(" ")) {
                throw StorageException.invalidArgument("path", "segments must not end with '.' or a space");
            }
        }
        return wellFormed("path", p);
    }

    /** PartitionKey / RowKey: at most 1 KiB, without / \ # ? or control characters; well-formed Unicode. */
    public static String key(String argument, String key) {
        if (key == null) {
            throw StorageException.invalidArgument(argument, "is required");
        }
        if (key.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
            throw StorageException.invalidArgument(argument, "must be at most 1 KiB");
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (Character.isISOControl(c) || KEY_FORBIDDEN.indexOf(c) >= 0) {
                throw StorageException.invalidArgument(argument, "must not contain / \\ # ? or control characters");
            }
        }
        return wellFormed(argument, key);
    }

    /**
     * An ETag or lease id, which travels in an HTTP header: 1-1024 characters of printable ASCII, without a
     * leading or trailing space (HTTP clients refuse such header values before sending them).
     *
     * @return {@code value}; null stays null
     */
    public static String headerValue(String argument, String value) {
        if (value == null) {
            return null;
        }
        if (value.isEmpty() || value.length() > 1024 || !value.equals(value.strip())) {
            throw StorageException.invalidArgument(argument, "must be 1-1024 characters without a leading or trailing "
                    + "space, was '" + Printable.of(value) + "'");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                throw StorageException.invalidArgument(argument, "must be printable ASCII, as ETags are (found U+"
                        + String.format("%04X", (int) c) + " at " + i + ")");
            }
        }
        return value;
    }

    /**
     * A property name selected in a query: Azure's rule (C# identifiers of at most 255 characters), the widest
     * of any table service; a provider checks its own rule when it writes.
     */
    public static String selected(String argument, String name) {
        return SELECTABLE.check(argument, name);
    }

    /**
     * A listing's prefix or delimiter: at most {@code longestName} characters (a longer one matches no name, and
     * would only make the request too large for the service), and well-formed Unicode.
     *
     * @return {@code text}; null stays null
     */
    public static String prefix(String argument, String text, int longestName) {
        if (text != null && text.length() > longestName) {
            throw StorageException.invalidArgument(argument, "must be at most " + longestName + " characters (no name "
                    + "is longer), was " + text.length());
        }
        return wellFormed(argument, text);
    }

    /**
     * Refuses text with an unpaired UTF-16 surrogate: it is not Unicode, so it cannot be sent as UTF-8 (the
     * cloud SDKs fail encoding it into a URL), nor stored and read back unchanged.
     *
     * @return {@code text}; null stays null
     */
    public static String wellFormed(String argument, String text) {
        for (int i = 0; text != null && i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw StorageException.invalidArgument(argument, "must be valid Unicode (unpaired surrogate U+"
                        + String.format("%04X", (int) c) + " at " + i + ")");
            }
        }
        return text;
    }
}
