package io.unistore.crypto;

import io.unistore.ErrorCode;
import io.unistore.StorageException;
import io.unistore.spi.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Key-encryption keys in a password-protected file: AES-256 keys, one per version ({@code name/1}, {@code name/2}
 * ...), the newest being primary. Each key is sealed with AES-256-GCM under a key derived from the password with
 * PBKDF2-HMAC-SHA256 (salt and iteration count in the file), with the key's id as associated data, so a key cannot
 * be swapped for another entry either. Plain JCA, no extra library.
 *
 * <pre>{@code
 * LocalKeyset keys = LocalKeyset.create(Path.of("keys.json"), password, "blobs");   // blobs/1
 * keys.rotate();                                                                   // blobs/2 wraps from now on
 * }</pre>
 *
 * <p>Thread-safe; {@link #rotate()} rewrites the file atomically.
 */
public final class LocalKeyset implements KeySource {
    static final String FORMAT = "unistore-keyset-1";
    static final int DEFAULT_ITERATIONS = 600_000;
    /** The fewest PBKDF2 iterations {@link #create(Path, char[], String, int)} accepts. */
    public static final int MIN_ITERATIONS = 10_000;
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final String name;
    private final byte[] salt;
    private final int iterations;
    private final SecretKeySpec fileKey;
    private final Map<String, AesKeyWrapKey> keys = new LinkedHashMap<>();
    private final Map<String, String> sealed = new LinkedHashMap<>();
    private volatile AesKeyWrapKey primary;

    private LocalKeyset(Path file, String name, byte[] salt, int iterations, char[] password) {
        this.file = file;
        this.name = name;
        this.salt = salt;
        this.iterations = iterations;
        this.fileKey = derive(password, salt, iterations);
    }

    /**
     * Writes a new keyset file holding key {@code name/1}.
     *
     * @throws StorageException ALREADY_EXISTS if the file exists; INVALID_ARGUMENT for an empty password or a
     *         name that is not letters, digits, '-' or '_'
     */
    public static LocalKeyset create(Path file, char[] password, String name) {
        return create(file, password, name, DEFAULT_ITERATIONS);
    }

    /**
     * Writes a new keyset file holding key {@code name/1}, its password stretched with {@code iterations} rounds of
     * PBKDF2 (every open pays them): fewer than the default 600,000 only where opening must be fast and the file
     * is not worth guarding, such as tests.
     *
     * @throws StorageException INVALID_ARGUMENT for fewer than {@value #MIN_ITERATIONS} iterations, and as
     *         {@link #create(Path, char[], String)}
     */
    public static LocalKeyset create(Path file, char[] password, String name, int iterations) {
        if (iterations < MIN_ITERATIONS) {
            throw StorageException.invalidArgument("iterations", "must be at least " + MIN_ITERATIONS + ", was "
                    + iterations);
        }
        if (name == null || !name.matches("[A-Za-z0-9_-]{1,64}")) {
            throw StorageException.invalidArgument("name", "must be 1 to 64 letters, digits, '-' or '_'");
        }
        checkPassword(password);
        if (Files.exists(file)) {
            throw StorageException.alreadyExists("keyset file " + file);
        }
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        LocalKeyset set = new LocalKeyset(file, name, salt, iterations, password);
        set.addVersion();
        return set;
    }

    /**
     * Opens a keyset file.
     *
     * @throws StorageException NOT_FOUND for a missing file, PERMISSION_DENIED when the password does not open it,
     *         INVALID_ARGUMENT for a file that is not a keyset
     */
    public static LocalKeyset open(Path file, char[] password) {
        checkPassword(password);
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw StorageException.notFound("keyset file " + file);
        } catch (IOException e) {
            throw new StorageException(ErrorCode.UNAVAILABLE, "keyset file " + file + " could not be read: "
                    + e.getClass().getSimpleName());
        } catch (JacksonException e) {
            throw StorageException.invalidArgument("keyset file " + file, "is not JSON");
        }
        if (root == null || !FORMAT.equals(root.path("format").asString(""))) {
            throw StorageException.invalidArgument("keyset file " + file, "must have \"format\": \"" + FORMAT + "\"");
        }
        int iterations = root.path("iterations").asInt(0);
        if (iterations < 10_000) {
            throw StorageException.invalidArgument("keyset file " + file, "iterations must be at least 10000");
        }
        byte[] salt = base64(root.path("salt").asString(""), file, "salt");
        LocalKeyset set = new LocalKeyset(file, root.path("name").asString(""), salt, iterations, password);
        for (JsonNode entry : root.path("keys")) {
            String id = entry.path("id").asString("");
            String value = entry.path("sealed").asString("");
            set.sealed.put(id, value);
            set.keys.put(id, AesKeyWrapKey.of(id, set.unseal(id, base64(value, file, "keys." + id))));
        }
        AesKeyWrapKey primary = set.keys.get(root.path("primary").asString(""));
        if (primary == null) {
            throw StorageException.invalidArgument("keyset file " + file, "primary must name one of its keys");
        }
        set.primary = primary;
        return set;
    }

    /** Adds a new key version, makes it primary and saves the file; blobs keep their old versions' keys. */
    public synchronized KeyEncryptionKey rotate() {
        return addVersion();
    }

    /** The ids of every key version, oldest first. */
    public synchronized List<String> keyIds() {
        return new ArrayList<>(keys.keySet());
    }

    @Override
    public KeyEncryptionKey primary() {
        return primary;
    }

    @Override
    public synchronized Optional<KeyEncryptionKey> resolve(String keyId) {
        return Optional.ofNullable(keys.get(keyId));
    }

    private synchronized AesKeyWrapKey addVersion() {
        String id = name + "/" + (keys.size() + 1);
        byte[] material = new byte[32];
        RANDOM.nextBytes(material);
        AesKeyWrapKey key = AesKeyWrapKey.of(id, material);
        sealed.put(id, Base64.getEncoder().encodeToString(seal(id, material)));
        Arrays.fill(material, (byte) 0);
        keys.put(id, key);
        save(id);
        primary = key;
        return key;
    }

    private void save(String primaryId) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("name", name);
        root.put("kdf", "PBKDF2WithHmacSHA256");
        root.put("iterations", iterations);
        root.put("salt", Base64.getEncoder().encodeToString(salt));
        root.put("cipher", "AES-256-GCM, key id as associated data");
        root.put("primary", primaryId);
        ArrayNode list = root.putArray("keys");
        sealed.forEach((id, value) -> list.addObject().put("id", id).put("algorithm", "A256KW").put("sealed", value));
        byte[] text = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        AtomicFiles.write(file, out -> out.write(text));
    }

    private byte[] seal(String id, byte[] material) {
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, fileKey, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(id.getBytes(StandardCharsets.UTF_8));
            byte[] body = cipher.doFinal(material);
            byte[] out = Arrays.copyOf(nonce, nonce.length + body.length);
            System.arraycopy(body, 0, out, nonce.length, body.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed", e);
        }
    }

    private byte[] unseal(String id, byte[] value) {
        if (value.length < 12 + 16) {
            throw StorageException.invalidArgument("keyset file " + file, "key " + id + " is cut short");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, fileKey, new GCMParameterSpec(128, value, 0, 12));
            cipher.updateAAD(id.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(value, 12, value.length - 12);
        } catch (AEADBadTagException e) {
            throw new StorageException(ErrorCode.PERMISSION_DENIED, "keyset file " + file + ": the password does not "
                    + "open key " + id + " (wrong password, or the file was altered)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed", e);
        }
    }

    private static SecretKeySpec derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, 256);
        try {
            byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            return new SecretKeySpec(key, "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no PBKDF2WithHmacSHA256", e);
        } finally {
            spec.clearPassword();
        }
    }

    private static void checkPassword(char[] password) {
        if (password == null || password.length == 0) {
            throw StorageException.invalidArgument("password", "must not be empty");
        }
    }

    private static byte[] base64(String value, Path file, String field) {
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw StorageException.invalidArgument("keyset file " + file, field + " is not base64");
        }
    }

    @Override
    public String toString() {
        return "LocalKeyset(" + file + ", primary " + primary.keyId() + ")";
    }
}
