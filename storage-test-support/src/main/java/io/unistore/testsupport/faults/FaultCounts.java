package io.unistore.testsupport.faults;

import java.util.EnumMap;
import java.util.Map;

/**
 * What a {@link FaultPlan} did so far: requests seen and faults injected of each kind.
 *
 * @param requests requests that reached a proxy using the plan
 * @param injected faults injected, by kind (every kind present, zero when none)
 */
public record FaultCounts(long requests, Map<FaultKind, Long> injected) {
    public FaultCounts {
        EnumMap<FaultKind, Long> all = new EnumMap<>(FaultKind.class);
        for (FaultKind k : FaultKind.values()) {
            all.put(k, injected.getOrDefault(k, 0L));
        }
        injected = Map.copyOf(all);
    }

    /** Faults of one kind. */
    public long of(FaultKind kind) {
        return injected.get(kind);
    }

    /** Faults of every kind. */
    public long total() {
        return injected.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Faults that make a request fail (every kind but latency). */
    public long failures() {
        return total() - of(FaultKind.LATENCY);
    }

    /** The counts since {@code before} was taken. */
    public FaultCounts since(FaultCounts before) {
        EnumMap<FaultKind, Long> d = new EnumMap<>(FaultKind.class);
        injected.forEach((k, v) -> d.put(k, v - before.of(k)));
        return new FaultCounts(requests - before.requests(), d);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder().append(requests).append(" requests, ").append(total())
                .append(" faults (");
        String sep = "";
        for (FaultKind k : FaultKind.values()) {
            sb.append(sep).append(k).append(' ').append(of(k));
            sep = ", ";
        }
        return sb.append(')').toString();
    }
}
