package io.unistore.testsupport.keyvault;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import tools.jackson.databind.node.ObjectNode;

/**
 * One version of a key: an RSA key pair ({@code RSA}, {@code RSA-HSM}) or an AES key ({@code oct-HSM}, as a
 * Managed HSM holds), with the wrap algorithms Key Vault documents for each: {@code RSA1_5}, {@code RSA-OAEP}
 * (SHA-1) and {@code RSA-OAEP-256} (SHA-256 for both the hash and MGF1), and AES key wrap {@code A128KW},
 * {@code A192KW}, {@code A256KW} matching the key's size. Private and symmetric material never leaves it.
 */
final class KeyVersion {
    final String name;
    final String version;
    final String kty;
    final int size;
    final List<String> keyOps;
    final Map<String, String> tags;
    final Instant created;
    private final KeyPair pair;
    private final SecretKey secret;

    KeyVersion(String name, String version, String kty, int size, List<String> keyOps, Map<String, String> tags) {
        this.name = name;
        this.version = version;
        this.kty = kty;
        this.size = size;
        this.keyOps = List.copyOf(keyOps);
        this.tags = Map.copyOf(tags);
        this.created = Instant.now();
        try {
            if (kty.startsWith("RSA")) {
                KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
                g.initialize(size);
                this.pair = g.generateKeyPair();
                this.secret = null;
            } else {
                KeyGenerator g = KeyGenerator.getInstance("AES");
                g.init(size);
                this.secret = g.generateKey();
                this.pair = null;
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a " + kty + " key", e);
        }
    }

    /** The same kind of key, new material, as a rotation makes. */
    KeyVersion next(String newVersion) {
        return new KeyVersion(name, newVersion, kty, size, keyOps, tags);
    }

    byte[] wrap(String alg, byte[] key) {
        return run(alg, Cipher.WRAP_MODE, key);
    }

    byte[] unwrap(String alg, byte[] wrapped) {
        return run(alg, Cipher.UNWRAP_MODE, wrapped);
    }

    private byte[] run(String alg, int mode, byte[] input) {
        String op = mode == Cipher.WRAP_MODE ? "wrapKey" : "unwrapKey";
        if (!keyOps.contains(op)) {
            throw new VaultError(403, "Forbidden", "Operation " + op + " is not permitted on this key.");
        }
        try {
            if (pair != null) {
                Cipher c = rsa(alg);
                if (mode == Cipher.WRAP_MODE) {
                    c.init(Cipher.ENCRYPT_MODE, pair.getPublic(), oaep(alg));
                } else {
                    c.init(Cipher.DECRYPT_MODE, pair.getPrivate(), oaep(alg));
                }
                return c.doFinal(input);
            }
            if (!alg.equals("A" + size + "KW")) {
                throw unsupported(alg);
            }
            Cipher c = Cipher.getInstance("AESWrap");
            c.init(mode, secret);
            if (mode == Cipher.WRAP_MODE) {
                return c.wrap(new javax.crypto.spec.SecretKeySpec(input, "AES"));
            }
            return c.unwrap(input, "AES", Cipher.SECRET_KEY).getEncoded();
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // What Key Vault answers when the ciphertext does not decrypt under this key.
            throw VaultError.badParameter("The parameter is incorrect.");
        }
    }

    private Cipher rsa(String alg) throws GeneralSecurityException {
        return switch (alg) {
            case "RSA1_5" -> Cipher.getInstance("RSA/ECB/PKCS1Padding");
            case "RSA-OAEP", "RSA-OAEP-256" -> Cipher.getInstance("RSA/ECB/OAEPPadding");
            default -> throw unsupported(alg);
        };
    }

    private static OAEPParameterSpec oaep(String alg) {
        return switch (alg) {
            case "RSA-OAEP" -> new OAEPParameterSpec("SHA-1", "MGF1", MGF1ParameterSpec.SHA1,
                    PSource.PSpecified.DEFAULT);
            case "RSA-OAEP-256" -> new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256,
                    PSource.PSpecified.DEFAULT);
            default -> null;
        };
    }

    private VaultError unsupported(String alg) {
        return VaultError.badParameter("Algorithm " + alg + " is not supported for key type " + kty + ".");
    }

    /** The key bundle: the public JWK (no private or symmetric material), attributes and tags. */
    ObjectNode bundle(String vaultUrl) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        ObjectNode jwk = root.putObject("key");
        jwk.put("kid", kid(vaultUrl));
        jwk.put("kty", kty);
        keyOps.forEach(jwk.withArray("key_ops")::add);
        if (pair != null) {
            RSAPublicKey pub = (RSAPublicKey) pair.getPublic();
            jwk.put("n", b64(unsigned(pub.getModulus())));
            jwk.put("e", b64(unsigned(pub.getPublicExponent())));
        }
        root.set("attributes", attributes());
        if (!tags.isEmpty()) {
            ObjectNode t = root.putObject("tags");
            tags.forEach(t::put);
        }
        return root;
    }

    /** The key's item in a list of versions. */
    ObjectNode item(String vaultUrl) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("kid", kid(vaultUrl));
        root.set("attributes", attributes());
        if (!tags.isEmpty()) {
            ObjectNode t = root.putObject("tags");
            tags.forEach(t::put);
        }
        return root;
    }

    String kid(String vaultUrl) {
        return vaultUrl + "/keys/" + name + "/" + version;
    }

    private ObjectNode attributes() {
        ObjectNode a = Json.MAPPER.createObjectNode();
        a.put("enabled", true);
        a.put("created", created.getEpochSecond());
        a.put("updated", created.getEpochSecond());
        a.put("recoveryLevel", "Recoverable+Purgeable");
        a.put("recoverableDays", 90);
        a.put("exportable", false);
        return a;
    }

    private static byte[] unsigned(BigInteger n) {
        byte[] b = n.toByteArray();
        return b[0] == 0 && b.length > 1 ? Arrays.copyOfRange(b, 1, b.length) : b;
    }

    static String b64(byte[] b) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
