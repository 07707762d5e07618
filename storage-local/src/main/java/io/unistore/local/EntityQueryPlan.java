package io.unistore.local;

import io.unistore.table.Filter;
import io.unistore.table.TableEntity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A table filter split in two: the comparisons SQLite can answer from the primary key (PartitionKey and
 * RowKey against strings) or the timestamp column, as an SQL condition, and the rest, evaluated in memory with
 * {@link Filter#test}. Only top-level conjuncts are translated, so the split never changes the answer.
 *
 * @param sql extra SQL conditions ({@code " AND pk = ?"}...), possibly empty
 * @param parameters their parameters, in order
 * @param residual what SQL does not answer, or null
 */
record EntityQueryPlan(String sql, List<Object> parameters, Filter residual) {

    static EntityQueryPlan of(Filter filter) {
        StringBuilder sql = new StringBuilder();
        List<Object> parameters = new ArrayList<>();
        List<Filter> rest = new ArrayList<>();
        if (filter != null) {
            List<Filter> conjuncts = new ArrayList<>();
            flatten(filter, conjuncts);
            for (Filter f : conjuncts) {
                if (!translate(f, sql, parameters)) {
                    rest.add(f);
                }
            }
        }
        Filter residual = null;
        for (Filter f : rest) {
            residual = residual == null ? f : residual.and(f);
        }
        return new EntityQueryPlan(sql.toString(), List.copyOf(parameters), residual);
    }

    private static void flatten(Filter f, List<Filter> out) {
        if (f instanceof Filter.And and) {
            flatten(and.left(), out);
            flatten(and.right(), out);
        } else {
            out.add(f);
        }
    }

    private static boolean translate(Filter f, StringBuilder sql, List<Object> parameters) {
        if (!(f instanceof Filter.Comparison c)) {
            return false;
        }
        String column;
        Object value;
        if (c.property().equals(TableEntity.PARTITION_KEY) && c.value() instanceof String s) {
            column = "pk";
            value = s;
        } else if (c.property().equals(TableEntity.ROW_KEY) && c.value() instanceof String s) {
            column = "rk";
            value = s;
        } else if (c.property().equals(TableEntity.TIMESTAMP) && c.value() instanceof Instant t
                && t.isAfter(Instant.EPOCH) && t.getEpochSecond() < Long.MAX_VALUE / 1_000_000_000L - 1) {
            column = "ts";
            value = Times.nanos(t);
        } else {
            return false;
        }
        String op = switch (c.operator()) {
            case EQ -> "=";
            case NE -> "<>";
            case GT -> ">";
            case GE -> ">=";
            case LT -> "<";
            case LE -> "<=";
        };
        sql.append(" AND ").append(column).append(' ').append(op).append(" ?");
        parameters.add(value);
        return true;
    }
}
