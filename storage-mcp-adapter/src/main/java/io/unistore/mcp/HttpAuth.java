package io.unistore.mcp;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * How HTTP clients authenticate. Always with a bearer token, loopback included (any local process, or a web
 * page the user visits, can reach a loopback port): the one given with --token, else one made at start and
 * printed once on stderr, as notebook servers do. {@code --no-auth} is the explicit opt-out, for loopback only.
 *
 * @param token the bearer token, or null with --no-auth
 * @param generated whether the server made the token (it then prints it once)
 */
record HttpAuth(String token, boolean generated) {

    /**
     * Decides from the command line.
     *
     * @param token the --token value (substituted), or null
     * @throws IllegalArgumentException for --no-auth with --token or off loopback, or no token off loopback
     */
    static HttpAuth of(BindAddress bind, String token, boolean noAuth) {
        if (noAuth) {
            if (token != null) {
                throw new IllegalArgumentException("--no-auth and --token contradict each other: give one");
            }
            if (!bind.isLoopback()) {
                throw new IllegalArgumentException("--no-auth is only for a loopback address (127.0.0.1, [::1]); "
                        + bind.host() + " is reachable from other machines: give --token TOKEN");
            }
            return new HttpAuth(null, false);
        }
        bind.checkToken(token);
        return token != null ? new HttpAuth(token, false) : new HttpAuth(generate(), true);
    }

    /** 256 random bits, URL-safe. */
    static String generate() {
        byte[] bits = new byte[32];
        new SecureRandom().nextBytes(bits);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
    }
}
