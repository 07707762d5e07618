package io.unistore.tck;

/**
 * Sizes of the fault runs: each harness runs a CI-sized count in {@code mvn verify}; the system property
 * {@code unistore.faults.ops} sets the count of every harness for a full run (e.g. {@code -Dunistore.faults.ops=1000}),
 * and {@code unistore.faults.seed} the seed of the fault plans.
 */
public final class FaultRuns {
    /** The system property giving the count of a full run. */
    public static final String OPS_PROPERTY = "unistore.faults.ops";
    /** The system property giving the seed of the fault plans. */
    public static final String SEED_PROPERTY = "unistore.faults.seed";
    /** The share of requests the fault runs harm. */
    public static final double SHARE = 0.20;

    private FaultRuns() {
    }

    /** The count of a harness: the property's value, else {@code ciDefault}. */
    public static int ops(int ciDefault) {
        return Integer.getInteger(OPS_PROPERTY, ciDefault);
    }

    /** The seed of the fault plans: the property's value, else {@code 20260301}. */
    public static long seed() {
        return Long.getLong(SEED_PROPERTY, 20260301L);
    }
}
