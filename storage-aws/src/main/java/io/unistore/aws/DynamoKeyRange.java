package io.unistore.aws;

import io.unistore.table.Filter;
import io.unistore.table.TableEntity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What of a filter DynamoDB can answer by key: {@code PartitionKey eq '...'} becomes a Query's key condition
 * and {@code RowKey} comparisons with strings (eq, gt, ge, lt, le) beside it a range condition, when they are
 * terms of the filter's top-level {@code and}. What DynamoDB can evaluate of the rest is pushed as a filter
 * expression ({@link DynamoFilter}), and the whole filter is evaluated on this side with {@link Filter#test} on every
 * item returned; a filter without a partition key scans the table.
 *
 * @param partitionKey the partition to query, or null to scan
 * @param lower the lowest row key and whether it is included, or null
 * @param upper the highest row key and whether it is included, or null
 */
record DynamoKeyRange(String partitionKey, Bound lower, Bound upper) {
    /** One end of a row key range. */
    record Bound(String value, boolean inclusive) {
    }

    static DynamoKeyRange of(Filter filter) {
        List<Filter> terms = new ArrayList<>();
        flatten(filter, terms);
        String pk = null;
        Bound lower = null;
        Bound upper = null;
        for (Filter f : terms) {
            if (!(f instanceof Filter.Comparison c) || !(c.value() instanceof String v)) {
                continue;
            }
            if (c.property().equals(TableEntity.PARTITION_KEY) && c.operator() == Filter.Operator.EQ) {
                pk = pk == null ? v : pk; // a second, different eq matches nothing: the filter test says so
            } else if (c.property().equals(TableEntity.ROW_KEY)) {
                switch (c.operator()) {
                    case EQ -> {
                        lower = tighterLower(lower, new Bound(v, true));
                        upper = tighterUpper(upper, new Bound(v, true));
                    }
                    case GT -> lower = tighterLower(lower, new Bound(v, false));
                    case GE -> lower = tighterLower(lower, new Bound(v, true));
                    case LT -> upper = tighterUpper(upper, new Bound(v, false));
                    case LE -> upper = tighterUpper(upper, new Bound(v, true));
                    default -> {
                    }
                }
            }
        }
        return new DynamoKeyRange(pk, pk == null ? null : lower, pk == null ? null : upper);
    }

    private static void flatten(Filter f, List<Filter> terms) {
        if (f instanceof Filter.And a) {
            flatten(a.left(), terms);
            flatten(a.right(), terms);
        } else if (f != null) {
            terms.add(f);
        }
    }

    private static Bound tighterLower(Bound a, Bound b) {
        if (a == null) {
            return b;
        }
        int c = a.value().compareTo(b.value());
        return c > 0 || (c == 0 && !a.inclusive()) ? a : b;
    }

    private static Bound tighterUpper(Bound a, Bound b) {
        if (a == null) {
            return b;
        }
        int c = a.value().compareTo(b.value());
        return c < 0 || (c == 0 && !a.inclusive()) ? a : b;
    }

    /**
     * The Query's key condition and its values: the partition, and the row keys as a range DynamoDB can state
     * ({@code between} for two inclusive ends; an exclusive end is kept inclusive here and removed by the filter
     * test, as is any end DynamoDB's one range condition cannot carry).
     */
    String condition(Map<String, AttributeValue> values) {
        values.put(":pk", DynamoItems.s(partitionKey));
        StringBuilder sb = new StringBuilder("#pk = :pk");
        if (lower != null && upper != null) {
            values.put(":lo", DynamoItems.s(lower.value()));
            values.put(":hi", DynamoItems.s(upper.value()));
            sb.append(" and #rk between :lo and :hi");
        } else if (lower != null) {
            values.put(":lo", DynamoItems.s(lower.value()));
            sb.append(lower.inclusive() ? " and #rk >= :lo" : " and #rk > :lo");
        } else if (upper != null) {
            values.put(":hi", DynamoItems.s(upper.value()));
            sb.append(upper.inclusive() ? " and #rk <= :hi" : " and #rk < :hi");
        }
        return sb.toString();
    }

    /** The names the condition uses (DynamoDB refuses a name the expression does not use). */
    Map<String, String> names() {
        Map<String, String> names = new HashMap<>();
        names.put("#pk", DynamoItems.PK);
        if (lower != null || upper != null) {
            names.put("#rk", DynamoItems.RK);
        }
        return names;
    }

    /** Whether DynamoDB's between can state the range (its low end must not exceed its high end). */
    boolean satisfiable() {
        return lower == null || upper == null || lower.value().compareTo(upper.value()) <= 0;
    }
}
