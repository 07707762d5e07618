package io.unistore.crypto;

import io.unistore.ProgressListener;
import java.io.InputStream;
import javax.crypto.SecretKey;

/**
 * Content encrypted on its way to the store, and the {@code encryptiondata} to store with it: a fresh content key
 * wrapped by the key source's primary key, and the uploader's MD5 (if any) sealed under it. Blobs and files are
 * written alike.
 */
final class EncryptedWrite {
    private final EncryptingInputStream ciphertext;
    private final String encryptionData;
    private final long storedLength;

    /**
     * @param contentMd5 the plaintext's base64 MD5 the uploader gave, or null; a mismatch fails the last read
     * @param length the plaintext's length, or -1 when unknown
     */
    EncryptedWrite(InputStream plaintext, KeySource keys, String contentMd5, ProgressListener progress, long length) {
        SecretKey contentKey = ContentKeys.generate();
        EncryptionData data = ContentKeys.wrap(contentKey, keys.primary());
        if (contentMd5 != null) {
            data = data.with(SealedMd5.ENTRY, SealedMd5.seal(contentKey, contentMd5));
        }
        this.encryptionData = data.toJson();
        this.ciphertext = new EncryptingInputStream(plaintext, contentKey, contentMd5, progress, length);
        this.storedLength = length < 0 ? -1 : CseV2.encryptedLength(length, CseV2.REGION);
    }

    /** The stream of ciphertext to upload instead of the plaintext. */
    InputStream ciphertext() {
        return ciphertext;
    }

    /** The JSON to store as the {@code encryptiondata} metadata. */
    String encryptionData() {
        return encryptionData;
    }

    /** The ciphertext's length, or -1 when the plaintext's is unknown. */
    long storedLength() {
        return storedLength;
    }

    /** Whether the plaintext's MD5 differed from the one given (the read that found it failed). */
    boolean md5Mismatch() {
        return ciphertext.md5Mismatch();
    }

    /** The plaintext's MD5 when one was given and matched, else null. */
    String contentMd5() {
        return ciphertext.contentMd5();
    }

    /** The plaintext's length of content this class stored with {@code storedLength} bytes (-1 stays -1). */
    static long plaintextLength(long storedLength) {
        return storedLength < 0 ? -1 : CseV2.plaintextLength(storedLength, CseV2.REGION);
    }
}
