package io.unistore.mcp;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The {@code --http HOST:PORT} address, and the rule that anything but loopback needs a bearer token given on
 * the command line: a server reachable from other machines must not hand out storage access to whoever connects
 * (on loopback the server makes one when none is given, see {@link HttpAuth}).
 *
 * @param host the host to bind
 * @param port the port (0: any free port)
 */
record BindAddress(String host, int port) {

    /** Parses HOST:PORT ({@code [::1]:8080} for IPv6). */
    static BindAddress parse(String value) {
        int colon = value == null ? -1 : value.lastIndexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            throw new IllegalArgumentException("--http: expected HOST:PORT such as 127.0.0.1:8080, was '" + value + "'");
        }
        String host = value.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(value.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--http: port must be a number, was '" + value.substring(colon + 1) + "'");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--http: port must be 0-65535, was " + port);
        }
        return new BindAddress(host, port);
    }

    /** Whether the host is a loopback address (127.0.0.0/8, ::1, localhost). */
    boolean isLoopback() {
        try {
            for (InetAddress a : InetAddress.getAllByName(host)) {
                if (!a.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Refuses a blank token, and a non-loopback address without one (there the user must choose it). */
    void checkToken(String token) {
        if (token != null && token.isBlank()) {
            throw new IllegalArgumentException("--token must not be blank");
        }
        if (!isLoopback() && token == null) {
            throw new IllegalArgumentException("--http " + host + ":" + port + " is reachable from other machines: "
                    + "give --token TOKEN (clients then send 'Authorization: Bearer TOKEN'), or bind 127.0.0.1");
        }
    }
}
