package io.unistore.testsupport.gcs;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OAuth token endpoint a service-account key's {@code token_uri} points to: it takes the JWT-bearer grant
 * Google's auth libraries send, checks the JWT's RS256 signature against the registered signer's public key,
 * and issues an access token. API calls that carry a bearer token must carry one issued here (401 otherwise).
 */
final class TokenEndpoint {
    private final Map<String, PublicKey> signers;
    private final Set<String> issued = ConcurrentHashMap.newKeySet();

    TokenEndpoint(Map<String, PublicKey> signers) {
        this.signers = signers;
    }

    void handle(GcsRequest r) {
        String form = new String(r.bodyBytes(), StandardCharsets.UTF_8);
        String assertion = null;
        for (String pair : form.split("&")) {
            if (pair.startsWith("assertion=")) {
                assertion = URLDecoder.decode(pair.substring(10), StandardCharsets.UTF_8);
            }
        }
        ObjectNode answer = GcsJson.MAPPER.createObjectNode();
        if (assertion == null || !valid(assertion)) {
            answer.put("error", "invalid_grant");
            answer.put("error_description", "Invalid JWT Signature.");
            r.sendJson(400, answer);
            return;
        }
        String token = "ya29.stand-in-" + UUID.randomUUID();
        issued.add(token);
        answer.put("access_token", token);
        answer.put("expires_in", 3599);
        answer.put("token_type", "Bearer");
        r.sendJson(200, answer);
    }

    private boolean valid(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            return false;
        }
        try {
            JsonNode claims = GcsJson.parse(Base64.getUrlDecoder().decode(parts[1]));
            PublicKey key = signers.get(claims.path("iss").asString(""));
            if (key == null) {
                return false;
            }
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(key);
            verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return verifier.verify(Base64.getUrlDecoder().decode(parts[2]));
        } catch (GeneralSecurityException | IllegalArgumentException | GcsError e) {
            return false;
        }
    }

    /** Fails 401 if the request carries a bearer token this endpoint did not issue (or none when required). */
    void authorize(GcsRequest r, boolean required) {
        String auth = r.header("Authorization");
        if (auth == null) {
            if (required) {
                throw new GcsError(401, "required", "Anonymous caller does not have storage access.");
            }
            return;
        }
        if (!auth.startsWith("Bearer ") || !issued.contains(auth.substring(7).trim())) {
            throw new GcsError(401, "authError", "Invalid Credentials");
        }
    }
}
