package io.unistore.testsupport.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Which requests a {@link FaultProxy} harms and how: a share of requests (0 to 1) drawn from a seeded random
 * sequence, each harmed by one of the plan's kinds (equally likely). Thread-safe; proxies that share a plan
 * (Azurite's three services) draw from one sequence and add to one set of counters. With one client thread the
 * same seed harms the same requests in the same way on every run; with several, the order of arrival decides.
 */
public final class FaultPlan {
    /** What to do to one request: a fault kind, or null to pass it through; the delay of a latency fault. */
    record Decision(FaultKind kind, long latencyMillis) {
    }

    private final long seed;
    private final double share;
    private final List<FaultKind> kinds;
    private final int retryAfterSeconds;
    private final Duration minLatency;
    private final Duration maxLatency;
    private final Random random;
    private final AtomicLong requests = new AtomicLong();
    private final EnumMap<FaultKind, AtomicLong> injected = new EnumMap<>(FaultKind.class);

    private FaultPlan(long seed, double share, List<FaultKind> kinds, int retryAfterSeconds, Duration minLatency,
                      Duration maxLatency) {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("share must be between 0 and 1, was " + share);
        }
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException("kinds must name at least one fault kind");
        }
        if (retryAfterSeconds < 0) {
            throw new IllegalArgumentException("retryAfterSeconds must not be negative, was " + retryAfterSeconds);
        }
        if (minLatency.isNegative() || maxLatency.compareTo(minLatency) < 0) {
            throw new IllegalArgumentException("latency needs 0 <= min <= max, was " + minLatency + ".." + maxLatency);
        }
        this.seed = seed;
        this.share = share;
        this.kinds = List.copyOf(kinds);
        this.retryAfterSeconds = retryAfterSeconds;
        this.minLatency = minLatency;
        this.maxLatency = maxLatency;
        this.random = new Random(seed);
        for (FaultKind k : FaultKind.values()) {
            injected.put(k, new AtomicLong());
        }
    }

    /**
     * A plan harming {@code share} of requests with every kind: {@code Retry-After: 1} on 429 and 503, latency
     * of 20 to 200 ms.
     */
    public static FaultPlan of(long seed, double share) {
        return new FaultPlan(seed, share, List.of(FaultKind.values()), 1, Duration.ofMillis(20),
                Duration.ofMillis(200));
    }

    /** A plan that harms nothing (a plain pass-through proxy). */
    public static FaultPlan none() {
        return of(0, 0);
    }

    /** The same plan with only these kinds (fresh counters). */
    public FaultPlan withKinds(FaultKind... only) {
        return new FaultPlan(seed, share, new ArrayList<>(List.of(only)), retryAfterSeconds, minLatency, maxLatency);
    }

    /** The same plan answering {@code Retry-After: seconds} on 429 and 503 (fresh counters). */
    public FaultPlan withRetryAfterSeconds(int seconds) {
        return new FaultPlan(seed, share, kinds, seconds, minLatency, maxLatency);
    }

    /** The same plan with latency faults between {@code min} and {@code max} (fresh counters). */
    public FaultPlan withLatency(Duration min, Duration max) {
        return new FaultPlan(seed, share, kinds, retryAfterSeconds, min, max);
    }

    public long seed() {
        return seed;
    }

    public double share() {
        return share;
    }

    public List<FaultKind> kinds() {
        return kinds;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** What the plan did so far. */
    public FaultCounts counts() {
        EnumMap<FaultKind, Long> snapshot = new EnumMap<>(FaultKind.class);
        injected.forEach((k, v) -> snapshot.put(k, v.get()));
        return new FaultCounts(requests.get(), snapshot);
    }

    /** Draws the fate of the next request. */
    synchronized Decision next() {
        requests.incrementAndGet();
        if (share == 0 || random.nextDouble() >= share) {
            return new Decision(null, 0);
        }
        FaultKind kind = kinds.get(random.nextInt(kinds.size()));
        long span = maxLatency.toMillis() - minLatency.toMillis();
        long latency = minLatency.toMillis() + (span == 0 ? 0 : (long) (random.nextDouble() * (span + 1)));
        return new Decision(kind, latency);
    }

    /** Counts a fault that was injected. */
    void injected(FaultKind kind) {
        injected.get(kind).incrementAndGet();
    }

    @Override
    public String toString() {
        return "FaultPlan{seed=" + seed + ", share=" + share + ", kinds=" + kinds + ", Retry-After "
                + retryAfterSeconds + " s, latency " + minLatency.toMillis() + "-" + maxLatency.toMillis() + " ms}";
    }
}
