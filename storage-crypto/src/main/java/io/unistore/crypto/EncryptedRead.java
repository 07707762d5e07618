package io.unistore.crypto;

import io.unistore.ByteRange;
import io.unistore.ErrorCode;
import io.unistore.StorageException;
import java.io.InputStream;
import javax.crypto.SecretKey;

/**
 * A read of v2 content, whole or a range of it: which stored bytes to fetch (only the regions the range touches)
 * and how to turn them back into the plaintext asked for. Blobs and files are read alike.
 */
final class EncryptedRead {
    private final EncryptionData data;
    private final SecretKey contentKey;
    private final String where;
    private final long size;
    private final long offset;
    private final long end;
    private final long firstRegion;
    private final ByteRange stored;

    /**
     * Plans the read.
     *
     * @param json the stored {@code encryptiondata}
     * @param storedSize the ciphertext's length
     * @param range the plaintext range asked for, or null for all
     * @param where what is read, for errors ("blob c/b", "file s/p")
     * @throws StorageException PERMISSION_DENIED naming the key id for a missing or wrong key or a stored length no
     *         region layout gives; INVALID_ARGUMENT ({@code range.offset}) for an offset at or past the end
     */
    EncryptedRead(String json, long storedSize, ByteRange range, KeySource keys, String where) {
        this.data = EncryptionData.parse(json, where);
        this.where = where;
        try {
            this.size = CseV2.plaintextLength(storedSize, data.regionLength());
        } catch (IllegalArgumentException e) {
            throw new StorageException(ErrorCode.PERMISSION_DENIED, where + " (key " + data.keyId() + "): "
                    + e.getMessage());
        }
        this.offset = range == null ? 0 : range.offset();
        if (offset > 0 && offset >= size) {
            throw StorageException.invalidArgument("range.offset", "must be before the end of the " + noun(where)
                    + " (" + size + " bytes), was " + offset);
        }
        this.end = range == null || range.isOpenEnded() ? size : Math.min(size, offset + range.length());
        this.contentKey = ContentKeys.unwrap(data, keys, where);
        long regionBytes = data.regionLength() + (long) CseV2.OVERHEAD;
        this.firstRegion = offset / data.regionLength();
        long last = end <= offset ? firstRegion : (end - 1) / data.regionLength();
        long from = firstRegion * regionBytes;
        long to = Math.min(storedSize, (last + 1) * regionBytes);
        this.stored = from == 0 && to == storedSize ? null : ByteRange.of(from, to - from);
    }

    private static String noun(String where) {
        int space = where.indexOf(' ');
        return space < 0 ? where : where.substring(0, space);
    }

    /** Whether nothing is to be read (an empty range or empty content): fetch nothing. */
    boolean empty() {
        return end <= offset;
    }

    /** The stored bytes to fetch, or null for all of them. */
    ByteRange storedRange() {
        return stored;
    }

    /** The whole plaintext's length. */
    long size() {
        return size;
    }

    int regionLength() {
        return data.regionLength();
    }

    String keyId() {
        return data.keyId();
    }

    /** What is read, for errors ("blob c/b"). */
    String where() {
        return where;
    }

    /**
     * The plaintext of whole regions from {@code firstRegion}, {@code length} bytes of it, from their stored bytes
     * (for reads split into ranges of regions), through the caller's buffers.
     */
    InputStream decryptRegions(InputStream ciphertext, long firstRegion, long length, GcmRegions gcm) {
        return new DecryptingInputStream(ciphertext, contentKey, data.regionLength(), firstRegion, 0, length, where,
                data.keyId(), gcm);
    }

    /** The plaintext asked for, from the stored bytes {@link #storedRange()} fetched. */
    InputStream decrypt(InputStream ciphertext) {
        return new DecryptingInputStream(ciphertext, contentKey, data.regionLength(), firstRegion,
                offset - firstRegion * data.regionLength(), end - offset, where, data.keyId());
    }
}
