package io.unistore.testsupport.gcs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * A throwaway service account: a fresh RSA key and the JSON key file Google's libraries read, whose
 * {@code token_uri} points at a {@link GcsStandIn}. Nothing here is a real credential; {@link #trustedBy}
 * makes the stand-in accept it.
 */
public final class ServiceAccountKey {
    /** The account's e-mail, which the stand-in trusts. */
    public final String email;
    /** The key pair; the public half is what the stand-in checks signatures with. */
    public final KeyPair keys;
    /** The JSON key file. */
    public final Path keyFile;
    /** The private key as PEM (a secret: it must never show in output). */
    public final String privateKeyPem;

    private ServiceAccountKey(String email, KeyPair keys, Path keyFile, String privateKeyPem) {
        this.email = email;
        this.keys = keys;
        this.keyFile = keyFile;
        this.privateKeyPem = privateKeyPem;
    }

    /** A key for {@code project} with id {@code privateKeyId}, written to {@code dir/name.json}. */
    public static ServiceAccountKey create(String tokenUri, Path dir, String name, String project,
                                           String privateKeyId) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keys = generator.generateKeyPair();
            String pem = "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(keys.getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n";
            String email = name + "@" + project + ".iam.gserviceaccount.com";
            String json = "{\n"
                    + "  \"type\": \"service_account\",\n"
                    + "  \"project_id\": \"" + project + "\",\n"
                    + "  \"private_key_id\": \"" + privateKeyId + "\",\n"
                    + "  \"private_key\": \"" + pem.replace("\n", "\\n") + "\",\n"
                    + "  \"client_email\": \"" + email + "\",\n"
                    + "  \"client_id\": \"100000000000000000001\",\n"
                    + "  \"token_uri\": \"" + tokenUri + "\"\n"
                    + "}\n";
            Path file = Files.writeString(dir.resolve(name + ".json"), json);
            return new ServiceAccountKey(email, keys, file, pem);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A line of the private key's PEM body: distinctive text a leak of the key would show. */
    public String pemLine() {
        return privateKeyPem.lines().skip(1).findFirst().orElseThrow();
    }

    /** Makes {@code gcs} issue tokens to this account and accept URLs it signs; returns this. */
    public ServiceAccountKey trustedBy(GcsStandIn gcs) {
        gcs.trustSigner(email, keys.getPublic());
        return this;
    }
}
