package io.unistore.ops;

import io.unistore.table.Filter;
import java.util.ArrayList;
import java.util.List;

/**
 * How a filter can use an index: equalities on its leading properties, then at most a range on the next one,
 * all found among the filter's top-level {@code and} terms. The rows between {@code from} (inclusive) and
 * {@code to} (exclusive) of the index table are then a superset of the matches.
 *
 * @param index the index
 * @param from the lowest index PartitionKey to read
 * @param to the index PartitionKey to stop before
 * @param usedProperties how many leading properties the plan bounds (equalities, plus one for a range)
 * @param equalities how many of those are equalities
 */
record IndexPlan(TableIndex index, String from, String to, int usedProperties, int equalities) {

    /** The plan text queries report. */
    String describe() {
        return "index " + index.name();
    }

    /** The best plan among the ready indexes, or null when no index bounds the filter. */
    static IndexPlan choose(Filter filter, List<TableIndex> indexes) {
        if (filter == null) {
            return null;
        }
        List<Filter.Comparison> terms = new ArrayList<>();
        conjuncts(filter, terms);
        IndexPlan best = null;
        for (TableIndex index : indexes) {
            if (!index.ready()) {
                continue;
            }
            IndexPlan p = plan(index, terms);
            if (p != null && (best == null || p.equalities > best.equalities
                    || p.equalities == best.equalities && p.usedProperties > best.usedProperties)) {
                best = p;
            }
        }
        return best;
    }

    private static void conjuncts(Filter f, List<Filter.Comparison> out) {
        if (f instanceof Filter.And and) {
            conjuncts(and.left(), out);
            conjuncts(and.right(), out);
        } else if (f instanceof Filter.Comparison c) {
            out.add(c);
        }
    }

    private static IndexPlan plan(TableIndex index, List<Filter.Comparison> terms) {
        List<String> props = index.properties();
        int budget = Math.max(8, IndexKeys.BUDGET / props.size());
        StringBuilder prefix = new StringBuilder();
        int eq = 0;
        while (eq < props.size()) {
            Filter.Comparison c = find(terms, props.get(eq), Filter.Operator.EQ, null);
            if (c == null) {
                break;
            }
            prefix.append(IndexKeys.part(c.value(), budget));
            eq++;
        }
        if (eq < props.size()) {
            String name = props.get(eq);
            Filter.Comparison low = lower(terms, name);
            Character tag = low == null ? null : IndexKeys.tag(low.type());
            Filter.Comparison high = upper(terms, name, tag);
            if (low != null || high != null) {
                char t = tag != null ? tag : IndexKeys.tag(high.type());
                String p = prefix.toString();
                String from = p + (low == null ? String.valueOf(t) : t + IndexKeys.encode(low.value(), budget));
                String to = high == null ? p + (char) (t + 1)
                        : p + t + IndexKeys.encode(high.value(), budget) + IndexKeys.after(",");
                return new IndexPlan(index, from, to, eq + 1, eq);
            }
        }
        if (eq == 0) {
            return null;
        }
        return new IndexPlan(index, prefix.toString(), IndexKeys.after(prefix.toString()), eq, eq);
    }

    private static Filter.Comparison lower(List<Filter.Comparison> terms, String name) {
        Filter.Comparison c = find(terms, name, Filter.Operator.GE, null);
        return c != null ? c : find(terms, name, Filter.Operator.GT, null);
    }

    private static Filter.Comparison upper(List<Filter.Comparison> terms, String name, Character tag) {
        Filter.Comparison c = find(terms, name, Filter.Operator.LE, tag);
        return c != null ? c : find(terms, name, Filter.Operator.LT, tag);
    }

    private static Filter.Comparison find(List<Filter.Comparison> terms, String name, Filter.Operator op,
                                          Character tag) {
        for (Filter.Comparison c : terms) {
            if (c.property().equals(name) && c.operator() == op && (tag == null || IndexKeys.tag(c.type()) == tag)) {
                return c;
            }
        }
        return null;
    }
}
