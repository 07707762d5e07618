package io.unistore.spring;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * A parsed {@code unistore://ACCOUNT/container/path} location. The path is kept as written (no decoding, no
 * {@code .} or {@code ..} resolution): blob names may hold such segments, and the API checks the name.
 */
record UnistoreLocation(String account, String container, String path) {

    /** The scheme of Unistore resource locations. */
    static final String PREFIX = "unistore://";

    static UnistoreLocation parse(String location) {
        String rest = location.substring(PREFIX.length());
        int slash = rest.indexOf('/');
        int second = slash < 0 ? -1 : rest.indexOf('/', slash + 1);
        if (slash <= 0 || second <= slash + 1 || second == rest.length() - 1) {
            throw new IllegalArgumentException("'" + location + "' is not unistore://ACCOUNT/container/path: the "
                    + "account, the container and the path are each required");
        }
        return new UnistoreLocation(rest.substring(0, slash), rest.substring(slash + 1, second),
                rest.substring(second + 1));
    }

    UnistoreLocation relative(String relativePath) {
        String base = path.contains("/") ? path.substring(0, path.lastIndexOf('/') + 1) : "";
        String rel = relativePath.startsWith("/") ? relativePath.substring(1) : relativePath;
        return new UnistoreLocation(account, container, base + rel);
    }

    URI uri() {
        try {
            return new URI("unistore", account, "/" + container + "/" + path, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return PREFIX + account + "/" + container + "/" + path;
    }
}
