package io.unistore.ops;

import io.unistore.table.PropertyType;
import io.unistore.table.TableEntity;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The canonical content hash of entities, independent of the provider: ETags and timestamps are left out.
 *
 * <p>An entity's hash is SHA-256 over, in order: the partition key, the row key, then each property sorted by
 * name (ordinal), as its name, its type name and its value. Every field is written as a 4-byte big-endian
 * length and its bytes: strings in UTF-8; INT32 as 4 bytes and INT64 as 8 bytes big-endian; DOUBLE as the 8
 * bytes of {@link Double#doubleToLongBits} (one NaN); BOOLEAN as one byte 0/1; DATETIME as epoch seconds (8
 * bytes) and nanoseconds (4 bytes); BINARY as is; GUID as its 16 bytes.
 *
 * <p>A set of entities hashes to the sum of its entities' hashes as 256-bit unsigned numbers, modulo 2^256,
 * written as 64 hex digits: the result does not depend on the order entities are read in, and a
 * migration can add entities to it as they go. {@link Accumulator} keeps the count and the sum.
 */
public final class EntityHash {
    private static final BigInteger MODULUS = BigInteger.ONE.shiftLeft(256);

    private EntityHash() {
    }

    /** The SHA-256 of one entity's canonical form. */
    public static byte[] of(TableEntity entity) {
        MessageDigest md = sha256();
        field(md, entity.partitionKey().getBytes(StandardCharsets.UTF_8));
        field(md, entity.rowKey().getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, Object> e : new TreeMap<>(entity.properties()).entrySet()) {
            PropertyType type = PropertyType.of(e.getValue());
            field(md, e.getKey().getBytes(StandardCharsets.UTF_8));
            field(md, type.name().getBytes(StandardCharsets.UTF_8));
            field(md, valueBytes(type, e.getValue()));
        }
        return md.digest();
    }

    private static byte[] valueBytes(PropertyType type, Object v) {
        return switch (type) {
            case STRING -> ((String) v).getBytes(StandardCharsets.UTF_8);
            case INT32 -> ByteBuffer.allocate(4).putInt((Integer) v).array();
            case INT64 -> ByteBuffer.allocate(8).putLong((Long) v).array();
            case DOUBLE -> ByteBuffer.allocate(8).putLong(Double.doubleToLongBits((Double) v)).array();
            case BOOLEAN -> new byte[] {(byte) (((Boolean) v) ? 1 : 0)};
            case DATETIME -> ByteBuffer.allocate(12).putLong(((Instant) v).getEpochSecond())
                    .putInt(((Instant) v).getNano()).array();
            case BINARY -> (byte[]) v;
            case GUID -> ByteBuffer.allocate(16).putLong(((UUID) v).getMostSignificantBits())
                    .putLong(((UUID) v).getLeastSignificantBits()).array();
        };
    }

    private static void field(MessageDigest md, byte[] bytes) {
        md.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        md.update(bytes);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Counts entities and sums their hashes; thread-safe. */
    public static final class Accumulator {
        private long count;
        private BigInteger sum = BigInteger.ZERO;

        /** Adds one entity. */
        public void add(TableEntity entity) {
            BigInteger h = new BigInteger(1, of(entity));
            synchronized (this) {
                count++;
                sum = sum.add(h).mod(MODULUS);
            }
        }

        /** Restores a state saved with {@link #count()} and {@link #hex()}. */
        public synchronized void set(long savedCount, String savedHex) {
            count = savedCount;
            sum = new BigInteger(savedHex, 16);
        }

        public synchronized long count() {
            return count;
        }

        /** The set's hash as 64 hex digits. */
        public synchronized String hex() {
            return String.format("%064x", sum);
        }
    }
}
