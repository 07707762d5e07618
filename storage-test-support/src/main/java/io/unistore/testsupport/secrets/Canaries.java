package io.unistore.testsupport.secrets;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The standard canaries of the secrets harnesses: one of each kind of secret Unistore handles. Fixed values,
 * so a back end can be configured with them before a test runs (Azurite serves {@link #AZURE_ACCOUNT_KEY} as
 * the key of {@code Azurite.CANARY_ACCOUNT}); each is distinctive enough never to occur by chance.
 */
public final class Canaries {
    /** An Azure account key (base64, as Azure's are, of text that is itself distinctive). */
    public static final Canary AZURE_ACCOUNT_KEY = new Canary("azure account key", base64(
            "unistore-canary:azure-account-key:1f7e3c9a5b2d4608e1f7"));
    /** A second Azure key, for accounts the service does not know: the wrong-key paths. */
    public static final Canary AZURE_WRONG_KEY = new Canary("azure wrong account key", base64(
            "unistore-wrong-canary:azure-key:8c2b6e0d4a9f1735c8e2"));
    /** The {@code sig=} of a SAS (base64 with '+', '/' and '=' like a real one, so URL encoding changes it). */
    public static final Canary SAS_SIGNATURE = new Canary("SAS signature",
            "UniStoreCanarySasSig+7q/Zx9w2dRt4Lm0pKcH1vB6=");
    /** A bearer token, as the MCP server's --token. */
    public static final Canary BEARER_TOKEN = new Canary("bearer token",
            "unistore-canary-bearer-token-8d41c0f2a9e7b35d");
    /** An AWS secret access key (40 characters with '/' and '+', like a real one). */
    public static final Canary AWS_SECRET_KEY = new Canary("aws secret access key",
            "UnistoreCanaryAwsSecret/Key+9f2b7c4e1a0d");
    /** An AWS session token. */
    public static final Canary AWS_SESSION_TOKEN = new Canary("aws session token",
            "UnistoreCanarySessionToken/IQoJb3JpZ2luX2VjEJr+0f3a6b8c2d4e");
    /** The private_key_id of a Google service-account key file. */
    public static final Canary GCS_PRIVATE_KEY_ID = new Canary("gcs private key id",
            "c4a9a7e0f1e2d3c4b5a69788776655443322110f");

    private Canaries() {
    }

    /** Every standard canary. */
    public static List<Canary> all() {
        return List.of(AZURE_ACCOUNT_KEY, AZURE_WRONG_KEY, SAS_SIGNATURE, BEARER_TOKEN, AWS_SECRET_KEY,
                AWS_SESSION_TOKEN, GCS_PRIVATE_KEY_ID);
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }
}
