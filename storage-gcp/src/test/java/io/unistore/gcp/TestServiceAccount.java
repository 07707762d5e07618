package io.unistore.gcp;

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
 * {@code token_uri} points at the stand-in. Nothing here is a real credential.
 */
final class TestServiceAccount {
    final String email;
    final KeyPair keys;
    final Path keyFile;
    final String privateKeyPem;

    private TestServiceAccount(String email, KeyPair keys, Path keyFile, String privateKeyPem) {
        this.email = email;
        this.keys = keys;
        this.keyFile = keyFile;
        this.privateKeyPem = privateKeyPem;
    }

    static TestServiceAccount create(String tokenUri, Path dir) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keys = generator.generateKeyPair();
            String pem = "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(keys.getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n";
            String email = "tester@" + StandInFixture.PROJECT + ".iam.gserviceaccount.com";
            String json = "{\n"
                    + "  \"type\": \"service_account\",\n"
                    + "  \"project_id\": \"" + StandInFixture.PROJECT + "\",\n"
                    + "  \"private_key_id\": \"throwaway-key\",\n"
                    + "  \"private_key\": \"" + pem.replace("\n", "\\n") + "\",\n"
                    + "  \"client_email\": \"" + email + "\",\n"
                    + "  \"client_id\": \"100000000000000000001\",\n"
                    + "  \"token_uri\": \"" + tokenUri + "\"\n"
                    + "}\n";
            Path file = Files.writeString(dir.resolve("service-account.json"), json);
            return new TestServiceAccount(email, keys, file, pem);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
