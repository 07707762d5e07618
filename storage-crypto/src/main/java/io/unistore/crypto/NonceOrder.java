package io.unistore.crypto;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.EnumSet;

/**
 * Checks that each region sits where it was written. A region's GCM tag covers only that region, so regions of one
 * blob could be swapped without failing any tag; but every writer of protocol 2 derives the nonce from the region's
 * index, so a region whose nonce does not match its position was moved. Microsoft's SDKs differ in how they write
 * the counter (Java: big-endian in the first 8 bytes; Python: big-endian in the last bytes; .NET: little-endian in
 * the last 8 bytes, counting from 1), so the check accepts any of them, as long as one blob keeps to one.
 */
final class NonceOrder {
    private enum Scheme {
        JAVA {
            @Override
            byte[] nonce(long index) {
                return CseV2.nonce(index);
            }
        },
        PYTHON {
            @Override
            byte[] nonce(long index) {
                return ByteBuffer.allocate(CseV2.NONCE).putInt(0).putLong(index).array();
            }
        },
        DOTNET {
            @Override
            byte[] nonce(long index) {
                return ByteBuffer.allocate(CseV2.NONCE).order(ByteOrder.LITTLE_ENDIAN).putInt(0).putLong(index + 1)
                        .array();
            }
        };

        abstract byte[] nonce(long index);
    }

    private final EnumSet<Scheme> candidates = EnumSet.allOf(Scheme.class);

    /** Whether {@code nonce} fits region {@code index} under a scheme every earlier region fitted too. */
    boolean accepts(byte[] nonce, long index) {
        candidates.removeIf(s -> !Arrays.equals(s.nonce(index), nonce));
        return !candidates.isEmpty();
    }
}
