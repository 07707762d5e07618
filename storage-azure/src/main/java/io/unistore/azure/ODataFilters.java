package io.unistore.azure;

import io.unistore.table.Filter;
import io.unistore.table.PropertyType;
import io.unistore.table.TableEntity;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Translates a neutral {@link Filter} to an OData {@code $filter} the service runs, chosen to return a superset
 * of the matches: every result is then checked with {@link Filter#test}, which defines the semantics. Parts whose
 * meaning differs between Azure and the neutral model are not sent: numeric comparisons (Azure does not compare
 * Int32, Int64 and Double with each other; the neutral model does), {@code not} over properties an entity may lack,
 * and DateTimes finer than Azure's 100 ns.
 */
final class ODataFilters {
    private static final DateTimeFormatter DATETIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private ODataFilters() {
    }

    /** The OData text to send, or null to ask for every entity. */
    static String serverFilter(Filter filter) {
        return filter == null ? null : superset(filter);
    }

    /** The properties a filter reads (to add to a {@code $select} so the local check can see them). */
    static Set<String> properties(Filter filter) {
        Set<String> names = new LinkedHashSet<>();
        collect(filter, names);
        return names;
    }

    private static void collect(Filter f, Set<String> names) {
        if (f instanceof Filter.Comparison c) {
            names.add(c.property());
        } else if (f instanceof Filter.And a) {
            collect(a.left(), names);
            collect(a.right(), names);
        } else if (f instanceof Filter.Or o) {
            collect(o.left(), names);
            collect(o.right(), names);
        } else if (f instanceof Filter.Not n) {
            collect(n.operand(), names);
        }
    }

    /** OData text matching at least what {@code f} matches; null stands for "everything". */
    private static String superset(Filter f) {
        if (f instanceof Filter.Comparison c) {
            return comparison(c);
        }
        if (f instanceof Filter.And a) {
            String l = superset(a.left());
            String r = superset(a.right());
            return l == null ? r : r == null ? l : "(" + l + ") and (" + r + ")";
        }
        if (f instanceof Filter.Or o) {
            String l = superset(o.left());
            String r = superset(o.right());
            return l == null || r == null ? null : "(" + l + ") or (" + r + ")";
        }
        Filter.Not n = (Filter.Not) f;
        // Only keys are on every entity; elsewhere "not" over a missing property is read differently.
        if (onlyKeys(n.operand())) {
            String inner = superset(n.operand());
            return inner == null || !exact(n.operand()) ? null : "not (" + inner + ")";
        }
        return null;
    }

    private static boolean onlyKeys(Filter f) {
        for (String p : properties(f)) {
            if (!p.equals(TableEntity.PARTITION_KEY) && !p.equals(TableEntity.ROW_KEY)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the translation of {@code f} means exactly {@code f} (so its negation is a superset too). */
    private static boolean exact(Filter f) {
        if (f instanceof Filter.Comparison c) {
            return comparison(c) != null;
        }
        if (f instanceof Filter.And a) {
            return exact(a.left()) && exact(a.right());
        }
        if (f instanceof Filter.Or o) {
            return exact(o.left()) && exact(o.right());
        }
        return exact(((Filter.Not) f).operand()) && onlyKeys(((Filter.Not) f).operand());
    }

    private static String comparison(Filter.Comparison c) {
        PropertyType type = c.type();
        boolean key = c.property().equals(TableEntity.PARTITION_KEY) || c.property().equals(TableEntity.ROW_KEY);
        if (key && type != PropertyType.STRING) {
            return null;
        }
        String literal = switch (type) {
            case STRING -> "'" + ((String) c.value()).replace("'", "''") + "'";
            case BOOLEAN -> c.value().toString();
            case GUID -> "guid'" + c.value() + "'";
            case BINARY -> "X'" + HexFormat.of().formatHex((byte[]) c.value()) + "'";
            case DATETIME -> ((Instant) c.value()).getNano() % 100 == 0
                    ? "datetime'" + DATETIME.format((Instant) c.value()) + "'" : null;
            case INT32, INT64, DOUBLE -> null;
        };
        return literal == null ? null : c.property() + " " + c.operator().odata() + " " + literal;
    }
}
