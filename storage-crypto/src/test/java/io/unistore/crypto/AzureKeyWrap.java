package io.unistore.crypto;

import com.azure.core.cryptography.AsyncKeyEncryptionKey;
import com.azure.core.cryptography.AsyncKeyEncryptionKeyResolver;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import reactor.core.publisher.Mono;

/**
 * The interop tests' key on Microsoft's side: an {@link AsyncKeyEncryptionKey} doing AES key wrap with the JCA
 * from the same 32 bytes our {@link AesKeyWrapKey} holds, written apart from ours so that each side wraps and
 * unwraps with its own code.
 */
final class AzureKeyWrap implements AsyncKeyEncryptionKey, AsyncKeyEncryptionKeyResolver {
    private final String keyId;
    private final SecretKeySpec key;

    AzureKeyWrap(String keyId, byte[] key) {
        this.keyId = keyId;
        this.key = new SecretKeySpec(key, "AES");
    }

    @Override
    public Mono<String> getKeyId() {
        return Mono.just(keyId);
    }

    @Override
    public Mono<byte[]> wrapKey(String algorithm, byte[] plain) {
        return Mono.fromCallable(() -> run(Cipher.ENCRYPT_MODE, algorithm, plain));
    }

    @Override
    public Mono<byte[]> unwrapKey(String algorithm, byte[] wrapped) {
        return Mono.fromCallable(() -> run(Cipher.DECRYPT_MODE, algorithm, wrapped));
    }

    @Override
    public Mono<? extends AsyncKeyEncryptionKey> buildAsyncKeyEncryptionKey(String id) {
        return keyId.equals(id) ? Mono.just(this) : Mono.empty();
    }

    private byte[] run(int mode, String algorithm, byte[] input) throws GeneralSecurityException {
        if (!"A256KW".equals(algorithm)) {
            throw new GeneralSecurityException("unexpected wrap algorithm " + algorithm);
        }
        Cipher cipher = Cipher.getInstance("AES/KW/NoPadding");
        cipher.init(mode, key);
        return cipher.doFinal(input);
    }
}
