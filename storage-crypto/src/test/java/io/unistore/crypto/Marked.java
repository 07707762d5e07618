package io.unistore.crypto;

import java.nio.charset.StandardCharsets;

/** Plaintext that says what it is, so a leaked piece of it is found in stored bytes and recognised. */
final class Marked {
    private Marked() {
    }

    static byte[] bytes(int size) {
        byte[] out = new byte[size];
        byte[] unit = "PLAINTEXT-MARKER-0123456789;".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < size; i++) {
            out[i] = unit[i % unit.length];
        }
        return out;
    }
}
