package io.unistore.local;

import io.unistore.StorageException;
import io.unistore.table.TableEntity;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Entity properties as one compact byte string, written and read in a single pass. Each property is its name,
 * a type tag and the value. A name is a C# identifier of at most 255 characters ({@link LocalAccount#PROPERTY_NAMES}):
 * an ASCII one is a length byte and its characters; any other is a 0 byte (no name is empty), a two-byte length
 * and its UTF-8 (this form came later, so entities stored before it read the same). Values: strings as UTF-8
 * (or raw UTF-16 when they hold an unpaired surrogate, so every Java string round-trips), numbers big-endian,
 * doubles by their raw bits (NaN payloads and -0.0 survive), instants as seconds and nanoseconds.
 *
 * <p>Also enforces Azure's limits, so data written locally moves to the cloud: 252 properties, strings up
 * to 32 Ki characters, binary values up to 64 KiB, 1 MiB per entity.
 */
final class EntityCodec {
    static final int MAX_PROPERTIES = 252;
    static final int MAX_STRING_CHARS = 32 * 1024;
    static final int MAX_BINARY_BYTES = 64 * 1024;
    static final int MAX_ENTITY_BYTES = 1024 * 1024;

    private static final byte STRING = 1;
    private static final byte STRING_UTF16 = 2;
    private static final byte INT32 = 3;
    private static final byte INT64 = 4;
    private static final byte DOUBLE = 5;
    private static final byte TRUE = 6;
    private static final byte FALSE = 7;
    private static final byte DATETIME = 8;
    private static final byte BINARY = 9;
    private static final byte GUID = 10;


    private EntityCodec() {
    }

    /** Checks the entity's keys and properties and encodes its properties. */
    static byte[] encode(TableEntity entity) {
        if (entity.size() > MAX_PROPERTIES) {
            throw StorageException.invalidArgument("entity", "has " + entity.size() + " properties; at most "
                    + MAX_PROPERTIES + " are allowed");
        }
        Writer w = new Writer(64 + entity.size() * 24);
        for (String name : entity.propertyNames()) {
            w.name(name);
            w.value(name, entity.get(name));
        }
        if (w.size > MAX_ENTITY_BYTES) {
            throw StorageException.invalidArgument("entity", "is " + w.size + " bytes; at most 1 MiB is allowed");
        }
        return Arrays.copyOf(w.bytes, w.size);
    }

    /**
     * Decodes properties into a builder.
     *
     * @param select the names to keep, or null for all
     */
    static void decode(byte[] bytes, Set<String> select, TableEntity.Builder into) {
        Reader r = new Reader(bytes);
        while (r.pos < bytes.length) {
            String name = r.name();
            Object value = r.value();
            if (select == null || select.contains(name)) {
                into.put(name, value);
            }
        }
    }

    /** The properties of {@code update} laid over those encoded in {@code existing} (a merge). */
    static TableEntity merge(byte[] existing, TableEntity update) {
        TableEntity.Builder b = TableEntity.builder(update.partitionKey(), update.rowKey());
        decode(existing, null, b);
        for (Map.Entry<String, Object> e : update.properties().entrySet()) {
            b.put(e.getKey(), e.getValue());
        }
        return b.build();
    }

    /** A growable byte buffer. */
    private static final class Writer {
        byte[] bytes;
        int size;

        Writer(int capacity) {
            bytes = new byte[capacity];
        }

        private void ensure(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }

        void name(String name) {
            if (isAscii(name)) {
                ensure(1 + name.length());
                bytes[size++] = (byte) name.length();
                for (int i = 0; i < name.length(); i++) {
                    bytes[size++] = (byte) name.charAt(i);
                }
                return;
            }
            byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
            ensure(3 + utf8.length);
            bytes[size++] = 0;
            bytes[size++] = (byte) (utf8.length >>> 8);
            bytes[size++] = (byte) utf8.length;
            System.arraycopy(utf8, 0, bytes, size, utf8.length);
            size += utf8.length;
        }

        private static boolean isAscii(String name) {
            for (int i = 0; i < name.length(); i++) {
                if (name.charAt(i) >= 0x80) {
                    return false;
                }
            }
            return true;
        }

        void value(String name, Object v) {
            if (v instanceof String s) {
                string(name, s);
            } else if (v instanceof Integer i) {
                tag(INT32);
                int32(i);
            } else if (v instanceof Long l) {
                tag(INT64);
                int64(l);
            } else if (v instanceof Double d) {
                tag(DOUBLE);
                int64(Double.doubleToRawLongBits(d));
            } else if (v instanceof Boolean b) {
                tag(b ? TRUE : FALSE);
            } else if (v instanceof Instant t) {
                tag(DATETIME);
                int64(t.getEpochSecond());
                int32(t.getNano());
            } else if (v instanceof byte[] b) {
                if (b.length > MAX_BINARY_BYTES) {
                    throw StorageException.invalidArgument(name, "binary values are at most 64 KiB, was "
                            + b.length + " bytes");
                }
                tag(BINARY);
                int32(b.length);
                ensure(b.length);
                System.arraycopy(b, 0, bytes, size, b.length);
                size += b.length;
            } else if (v instanceof UUID u) {
                tag(GUID);
                int64(u.getMostSignificantBits());
                int64(u.getLeastSignificantBits());
            } else {
                throw StorageException.invalidArgument(name, "unsupported type " + v.getClass().getName());
            }
        }

        private void string(String name, String s) {
            if (s.length() > MAX_STRING_CHARS) {
                throw StorageException.invalidArgument(name, "strings are at most 32768 characters, was "
                        + s.length());
            }
            if (hasUnpairedSurrogate(s)) {
                tag(STRING_UTF16);
                int32(s.length());
                ensure(s.length() * 2);
                for (int i = 0; i < s.length(); i++) {
                    char c = s.charAt(i);
                    bytes[size++] = (byte) (c >>> 8);
                    bytes[size++] = (byte) c;
                }
                return;
            }
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            tag(STRING);
            int32(utf8.length);
            ensure(utf8.length);
            System.arraycopy(utf8, 0, bytes, size, utf8.length);
            size += utf8.length;
        }

        private void tag(byte t) {
            ensure(1);
            bytes[size++] = t;
        }

        private void int32(int v) {
            ensure(4);
            bytes[size++] = (byte) (v >>> 24);
            bytes[size++] = (byte) (v >>> 16);
            bytes[size++] = (byte) (v >>> 8);
            bytes[size++] = (byte) v;
        }

        private void int64(long v) {
            int32((int) (v >>> 32));
            int32((int) v);
        }
    }

    private static boolean hasUnpairedSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** Reads what {@link Writer} wrote. */
    private static final class Reader {
        final byte[] bytes;
        int pos;

        Reader(byte[] bytes) {
            this.bytes = bytes;
        }

        String name() {
            int len = bytes[pos++] & 0xff;
            if (len == 0) {
                len = ((bytes[pos] & 0xff) << 8) | (bytes[pos + 1] & 0xff);
                pos += 2;
                String name = new String(bytes, pos, len, StandardCharsets.UTF_8);
                pos += len;
                return name;
            }
            String name = new String(bytes, pos, len, StandardCharsets.ISO_8859_1);
            pos += len;
            return name;
        }

        Object value() {
            byte tag = bytes[pos++];
            switch (tag) {
                case STRING -> {
                    int len = int32();
                    String s = new String(bytes, pos, len, StandardCharsets.UTF_8);
                    pos += len;
                    return s;
                }
                case STRING_UTF16 -> {
                    int len = int32();
                    char[] chars = new char[len];
                    for (int i = 0; i < len; i++) {
                        chars[i] = (char) (((bytes[pos] & 0xff) << 8) | (bytes[pos + 1] & 0xff));
                        pos += 2;
                    }
                    return new String(chars);
                }
                case INT32 -> {
                    return int32();
                }
                case INT64 -> {
                    return int64();
                }
                case DOUBLE -> {
                    return Double.longBitsToDouble(int64());
                }
                case TRUE -> {
                    return Boolean.TRUE;
                }
                case FALSE -> {
                    return Boolean.FALSE;
                }
                case DATETIME -> {
                    long seconds = int64();
                    return Instant.ofEpochSecond(seconds, int32());
                }
                case BINARY -> {
                    int len = int32();
                    byte[] b = Arrays.copyOfRange(bytes, pos, pos + len);
                    pos += len;
                    return b;
                }
                case GUID -> {
                    return new UUID(int64(), int64());
                }
                default -> throw new IllegalStateException("corrupt entity: unknown type tag " + tag);
            }
        }

        private int int32() {
            int v = ((bytes[pos] & 0xff) << 24) | ((bytes[pos + 1] & 0xff) << 16) | ((bytes[pos + 2] & 0xff) << 8)
                    | (bytes[pos + 3] & 0xff);
            pos += 4;
            return v;
        }

        private long int64() {
            long hi = int32();
            return (hi << 32) | (int32() & 0xffff_ffffL);
        }
    }
}
