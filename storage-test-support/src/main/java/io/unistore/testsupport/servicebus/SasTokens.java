package io.unistore.testsupport.servicebus;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Service Bus shared access signatures, {@code SharedAccessSignature sr=<uri>&sig=<sig>&se=<expiry>&skn=<key name>},
 * where {@code sig} is the base64 HMAC-SHA256, keyed with the key's UTF-8 text, of the URL-encoded resource URI, a
 * newline and the expiry in Unix seconds (Service Bus's SAS documentation).
 */
final class SasTokens {
    private final String keyName;
    private final String key;

    SasTokens(String keyName, String key) {
        this.keyName = keyName;
        this.key = key;
    }

    /**
     * Checks a token.
     *
     * @return null when valid, else why not (never echoing the token)
     */
    String check(String token, Instant now) {
        if (token == null || !token.startsWith("SharedAccessSignature ")) {
            return "not a shared access signature";
        }
        Map<String, String> fields = new HashMap<>();
        for (String part : token.substring("SharedAccessSignature ".length()).split("&")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                fields.put(part.substring(0, eq), part.substring(eq + 1));
            }
        }
        String sr = fields.get("sr");
        String sig = fields.get("sig") == null ? null : URLDecoder.decode(fields.get("sig"), StandardCharsets.UTF_8);
        String se = fields.get("se");
        if (sr == null || sig == null || se == null || !keyName.equals(fields.get("skn"))) {
            return "the token lacks sr, sig or se, or names another key";
        }
        long expiry;
        try {
            expiry = Long.parseLong(se);
        } catch (NumberFormatException e) {
            return "the expiry is not a number";
        }
        if (expiry < now.getEpochSecond()) {
            return "the token expired";
        }
        // Signed over sr as the client encoded it (encoders differ on a few characters).
        byte[] expected = Base64.getDecoder().decode(signEncoded(sr, expiry));
        byte[] given;
        try {
            given = Base64.getDecoder().decode(sig);
        } catch (IllegalArgumentException e) {
            return "the signature is not base64";
        }
        return MessageDigest.isEqual(expected, given) ? null : "the signature does not match";
    }

    /** A token for {@code resource} valid until {@code expiry}. */
    String token(String resource, Instant expiry) {
        String sig = signEncoded(enc(resource), expiry.getEpochSecond());
        return "SharedAccessSignature sr=" + enc(resource) + "&sig=" + enc(sig) + "&se=" + expiry.getEpochSecond()
                + "&skn=" + keyName;
    }

    private String signEncoded(String encodedResource, long expiry) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] raw = mac.doFinal((encodedResource + "\n" + expiry).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(raw);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
