package io.unistore.spring;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * A parsed {@code unistore://ACCOUNT/container/path} (a blob) or {@code unistore-file://ACCOUNT/share/path} (a file of
 * a share) location; {@code container} is the share of a file. The path is kept as written (no decoding, no
 * {@code .} or {@code ..} resolution): names may hold such segments, and the API checks them.
 */
record UnistoreLocation(boolean files, String account, String container, String path) {

    /** The scheme of blob locations. */
    static final String PREFIX = "unistore://";
    /** The scheme of file share locations. */
    static final String FILE_PREFIX = "unistore-file://";

    /** The location, or null when it has neither scheme. */
    static UnistoreLocation parse(String location) {
        boolean files = location.startsWith(FILE_PREFIX);
        if (!files && !location.startsWith(PREFIX)) {
            return null;
        }
        String rest = location.substring(files ? FILE_PREFIX.length() : PREFIX.length());
        int slash = rest.indexOf('/');
        int second = slash < 0 ? -1 : rest.indexOf('/', slash + 1);
        if (slash <= 0 || second <= slash + 1 || second == rest.length() - 1) {
            throw new IllegalArgumentException("'" + location + "' is not " + (files
                    ? "unistore-file://ACCOUNT/share/path: the account, the share" : "unistore://ACCOUNT/container/path: "
                    + "the account, the container") + " and the path are each required");
        }
        return new UnistoreLocation(files, rest.substring(0, slash), rest.substring(slash + 1, second),
                rest.substring(second + 1));
    }

    UnistoreLocation relative(String relativePath) {
        String base = path.contains("/") ? path.substring(0, path.lastIndexOf('/') + 1) : "";
        String rel = relativePath.startsWith("/") ? relativePath.substring(1) : relativePath;
        return new UnistoreLocation(files, account, container, base + rel);
    }

    URI uri() {
        try {
            return new URI(files ? "unistore-file" : "unistore", account, "/" + container + "/" + path, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return (files ? FILE_PREFIX : PREFIX) + account + "/" + container + "/" + path;
    }
}
