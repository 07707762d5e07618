package io.unistore.spi;

import io.unistore.StorageException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Makes provider continuation state opaque and neutral: callers see base64url text, providers see their own
 * string. A token that does not decode fails with INVALID_ARGUMENT naming {@code continuationToken}.
 */
public final class ContinuationTokens {
    /**
     * The longest token accepted: well above any this library makes (the longest state is a 2,048-character
     * file path), and small enough that a forged one never reaches a service's URL limits.
     */
    public static final int MAX_LENGTH = 32 * 1024;

    private ContinuationTokens() {
    }

    /** The opaque token for a provider's own state; null stays null. */
    public static String encode(String providerState) {
        if (providerState == null) {
            return null;
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(providerState.getBytes(StandardCharsets.UTF_8));
    }

    /** The provider's state from an opaque token; null stays null. */
    public static String decode(String token) {
        if (token == null || token.isEmpty()) {
            return null;
        }
        if (token.length() > MAX_LENGTH) {
            throw StorageException.invalidArgument("continuationToken", "is not a token this listing returned (it "
                    + "is " + token.length() + " characters long; tokens are at most " + MAX_LENGTH + ")");
        }
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw StorageException.invalidArgument("continuationToken",
                    "is not a token this listing returned (it must be passed back unchanged)");
        }
    }
}
