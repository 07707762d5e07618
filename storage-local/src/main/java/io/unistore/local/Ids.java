package io.unistore.local;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Generated identifiers: content file names, ETags, message ids and receipts. */
final class Ids {
    private static final HexFormat HEX = HexFormat.of();
    /** Makes ETags from different processes (and runs) distinct; the counter makes them distinct within one. */
    private static final String SALT;
    private static final AtomicLong COUNTER = new AtomicLong();

    static {
        SecureRandom random = new SecureRandom();
        SALT = HEX.toHexDigits(random.nextLong());
        COUNTER.set(random.nextInt() & 0xffff_ffffL);
    }

    private Ids() {
    }

    /** A random id safe as a file name: 32 lowercase hex digits. */
    static String random() {
        UUID u = UUID.randomUUID();
        return HEX.toHexDigits(u.getMostSignificantBits()) + HEX.toHexDigits(u.getLeastSignificantBits());
    }

    /** A blob, file, container or share ETag; unique across writes. */
    static String etag() {
        return "\"0x" + SALT + HEX.toHexDigits(COUNTER.incrementAndGet()) + "\"";
    }

    /** An entity ETag (weak, as Azure Tables gives them). */
    static String entityEtag() {
        return "W/\"" + SALT + HEX.toHexDigits(COUNTER.incrementAndGet()) + "\"";
    }
}
