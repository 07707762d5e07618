package io.unistore.bench;

/**
 * What a figure should show: Unistore's value divided by the named reference's must be at most (or at least)
 * {@code bound}.
 *
 * @param reference the label of the reference series the goal is measured against
 * @param bound the limit of the ratio Unistore / reference
 * @param atMost true: the ratio must be at most the bound (times); false: at least (throughputs)
 */
public record Goal(String reference, double bound, boolean atMost) {
    public boolean met(double ratio) {
        return atMost ? ratio <= bound : ratio >= bound;
    }

    public String describe() {
        return (atMost ? "≤ " : "≥ ") + String.format(java.util.Locale.ROOT, "%.2f", bound) + "× " + reference;
    }
}
