package io.unistore.ops;

/** Chooses sampled names by a hash: the same name is always chosen or not, in any run and any JVM. */
final class Sampling {
    private Sampling() {
    }

    /** Whether {@code name} falls in a sample of {@code percent} percent. */
    static boolean chosen(String name, int percent) {
        if (percent >= 100) {
            return true;
        }
        // String.hashCode is specified by the JLS; the finaliser of MurmurHash3 spreads its bits evenly.
        int h = name.hashCode();
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return Math.floorMod(h, 10_000) < percent * 100;
    }
}
