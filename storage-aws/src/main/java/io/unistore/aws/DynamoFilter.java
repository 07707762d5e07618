package io.unistore.aws;

import io.unistore.table.Filter;
import io.unistore.table.PropertyType;
import io.unistore.table.TableEntity;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The part of a filter DynamoDB evaluates itself, as a {@code FilterExpression}: what it keeps is always a superset
 * of what the filter accepts, so {@link Filter#test} stays the final check on every item returned and the result
 * is the filter's own; what is pushed only saves the items DynamoDB would send for nothing.
 *
 * <p>Each comparison translates by how {@link DynamoItems} stores its literal's type:
 * <ul>
 * <li>String ({@code S}, no {@code @type:} tag), Guid ({@code S} tagged {@code Edm.Guid}), Binary ({@code B}),
 *     Boolean ({@code BOOL}) and DateTime ({@code S}, fixed-width, tagged) exactly, every operator; {@code ne}
 *     also requires the property to be of the literal's type, as {@code Filter.test} does (DynamoDB's {@code <>}
 *     holds for a missing attribute and for one of another type): it is sent as {@code (a < v OR a > v)}, or with
 *     the type's tag. String order comparisons only with literals
 *     below U+D800, where UTF-16 order (the filter's) and UTF-8 byte order (DynamoDB's) agree.</li>
 * <li>Numbers as a band: the filter compares doubles with {@code Double.compare} and integers exactly, DynamoDB
 *     compares stored decimals; a band of 10<sup>-15</sup> of the literal around it (wider than half a double's
 *     ulp) holds every stored number the filter can accept, and doubles stored as text (NaN, infinities, -0.0, out
 *     of DynamoDB's range) pass to the final check. {@code ne} is not pushed (its band is everything).</li>
 * <li>{@code PartitionKey}, {@code RowKey} in a Scan (a Query may not name keys in its filter: its key condition
 *     has them); {@code Timestamp} as {@code @ts}.</li>
 * </ul>
 * An {@code and} pushes what it can of either side; an {@code or} only when both sides push; a {@code not} only
 * when its operand translates exactly. What cannot be pushed (too long for DynamoDB's 4 KB expressions, literals
 * over {@link #MAX_LITERAL_BYTES}, lone surrogates, date-times outside years 0-9999) stays on this side.
 *
 * @param expression the FilterExpression
 * @param names its attribute names ({@code #f0}, ...)
 * @param values its attribute values ({@code :f0}, ...)
 * @param exact whether it holds exactly when the filter does (every term pushed, none as a band)
 */
record DynamoFilter(String expression, Map<String, String> names, Map<String, AttributeValue> values,
                    boolean exact) {
    /** DynamoDB's longest expression string. */
    static final int MAX_EXPRESSION = 4096;
    /** The most operators and functions pushed in one expression (DynamoDB allows 300). */
    static final int MAX_OPERATORS = 250;
    /** A longer string or binary literal stays on this side (DynamoDB bounds a request, not a value). */
    static final int MAX_LITERAL_BYTES = 16 * 1024;

    /** Digits of a band's ends, rounded outwards (DynamoDB keeps 38). */
    private static final int BAND_PRECISION = 20;
    private static final Pattern PLACEHOLDER = Pattern.compile("[#:]f[0-9]+");
    private static final BigDecimal BAND = new BigDecimal("1E-15");
    private static final BigDecimal MIN_NUMBER = new BigDecimal("1E-130");
    private static final BigDecimal MAX_NUMBER = new BigDecimal("9.9999999999999999999999999999999999999E+125");

    /**
     * What DynamoDB can evaluate of {@code filter}, or null when nothing can be pushed.
     *
     * @param keys whether the filter may name the key attributes (a Scan, not a Query)
     */
    static DynamoFilter of(Filter filter, boolean keys) {
        if (filter == null) {
            return null;
        }
        List<Filter> terms = new ArrayList<>();
        flatten(filter, terms);
        if (!keys && terms.stream().allMatch(DynamoFilter::keyOnly)) {
            return null; // the common Query by key range: nothing to translate, nothing to allocate
        }
        Builder b = new Builder(keys);
        StringBuilder expression = new StringBuilder();
        int operators = 0;
        boolean exact = true;
        for (Filter term : terms) {
            Builder.Mark mark = b.mark();
            Part p = b.superset(term);
            if (p == null) {
                exact = false;
                continue;
            }
            int added = p.operators() + (expression.isEmpty() ? 0 : 1);
            int length = expression.length() + p.text().length() + (expression.isEmpty() ? 0 : 7);
            if (operators + added > MAX_OPERATORS || length > MAX_EXPRESSION) {
                b.reset(mark);
                exact = false;
                continue;
            }
            exact &= p.exact();
            expression.append(expression.isEmpty() ? "" : " AND ").append(group(p.text()));
            operators += added;
        }
        if (expression.isEmpty()) {
            return null;
        }
        // DynamoDB refuses a placeholder the expression does not use: keep exactly the ones it names.
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        Matcher m = PLACEHOLDER.matcher(expression);
        while (m.find()) {
            String p = m.group();
            if (p.startsWith("#")) {
                names.put(p, b.names.get(p));
            } else {
                values.put(p, b.values.get(p));
            }
        }
        return new DynamoFilter(expression.toString(), Map.copyOf(names), Map.copyOf(values), exact);
    }

    private static boolean keyOnly(Filter f) {
        return f instanceof Filter.Comparison c && (c.property().equals(TableEntity.PARTITION_KEY)
                || c.property().equals(TableEntity.ROW_KEY));
    }

    private static void flatten(Filter f, List<Filter> terms) {
        if (f instanceof Filter.And a) {
            flatten(a.left(), terms);
            flatten(a.right(), terms);
        } else {
            terms.add(f);
        }
    }

    /** Expression text, whether it holds exactly when the filter does (else it holds at least then). */
    private record Part(String text, boolean exact, int operators) {
    }

    /** Placeholders for names and values, allotted as parts are translated. */
    private static final class Builder {
        record Mark(int names, int values, int literalBytes) {
        }

        private final boolean keys;
        private final Map<String, String> names = new LinkedHashMap<>();
        private final Map<String, String> nameOf = new HashMap<>();
        private final Map<String, AttributeValue> values = new LinkedHashMap<>();
        private final Map<String, String> constants = new HashMap<>();
        private int literalBytes;

        Builder(boolean keys) {
            this.keys = keys;
        }

        Mark mark() {
            return new Mark(names.size(), values.size(), literalBytes);
        }

        /** Forgets the placeholders allotted since {@code m} (for a part left out). */
        void reset(Mark m) {
            literalBytes = m.literalBytes();
            List<String> n = new ArrayList<>(names.keySet());
            for (String k : n.subList(m.names(), n.size())) {
                nameOf.remove(names.remove(k));
            }
            List<String> v = new ArrayList<>(values.keySet());
            for (String k : v.subList(m.values(), v.size())) {
                values.remove(k);
                constants.values().remove(k);
            }
        }

        String name(String attribute) {
            return nameOf.computeIfAbsent(attribute, a -> {
                String p = "#f" + names.size();
                names.put(p, a);
                return p;
            });
        }

        String value(AttributeValue v) {
            String p = ":f" + values.size();
            values.put(p, v);
            return p;
        }

        /** A value used by many parts (a tag, a type name) gets one placeholder. */
        String constant(String s) {
            String p = constants.get(s);
            if (p == null || !values.containsKey(p)) {
                p = value(DynamoItems.s(s));
                constants.put(s, p);
            }
            return p;
        }

        /** A translation that holds whenever {@code f} does, or null (then it holds no placeholder). */
        Part superset(Filter f) {
            Mark m = mark();
            Part p = translate(f);
            if (p == null) {
                reset(m);
            }
            return p;
        }

        private Part translate(Filter f) {
            if (f instanceof Filter.And a) {
                Part l = superset(a.left());
                Part r = superset(a.right());
                if (l == null || r == null) { // one side only: no longer exact
                    Part one = l == null ? r : l;
                    return one == null ? null : new Part(one.text(), false, one.operators());
                }
                return new Part(group(l.text()) + " AND " + group(r.text()), l.exact() && r.exact(),
                        l.operators() + r.operators() + 1);
            }
            if (f instanceof Filter.Or o) {
                Part l = superset(o.left());
                Part r = l == null ? null : translate(o.right());
                return r == null ? null : new Part(group(l.text()) + " OR " + group(r.text()),
                        l.exact() && r.exact(), l.operators() + r.operators() + 1);
            }
            if (f instanceof Filter.Not n) {
                Part p = superset(n.operand());
                return p == null || !p.exact() ? null : new Part("NOT " + group(p.text()), true, p.operators() + 1);
            }
            return comparison((Filter.Comparison) f);
        }

        private Part comparison(Filter.Comparison c) {
            String property = c.property();
            Object v = c.value();
            if (property.equals(TableEntity.PARTITION_KEY) || property.equals(TableEntity.ROW_KEY)) {
                return keys && v instanceof String s ? string(name(property), c.operator(), s, null) : null;
            }
            if (property.equals(TableEntity.TIMESTAMP)) {
                return v instanceof Instant t ? dateTime(name(DynamoItems.TIMESTAMP), c.operator(), t, null) : null;
            }
            String tag = DynamoItems.TYPE_PREFIX + property;
            return switch (c.type()) {
                case STRING -> string(name(property), c.operator(), (String) v, tag);
                case BOOLEAN -> bool(name(property), c.operator(), (Boolean) v);
                case BINARY -> binary(name(property), c.operator(), (byte[]) v);
                case GUID -> guid(name(property), c.operator(), v.toString(), tag);
                case DATETIME -> dateTime(name(property), c.operator(), (Instant) v, tag);
                case INT32, INT64, DOUBLE -> number(property, c.operator(), (Number) v, tag);
            };
        }

        /** A string, read as a String when it has no tag ({@code tag} null: a key, always a string). */
        private Part string(String n, Filter.Operator op, String s, String tag) {
            if (!wellFormed(s) || (op != Filter.Operator.EQ && op != Filter.Operator.NE && !orderSafe(s))
                    || !literal(s.getBytes(StandardCharsets.UTF_8).length)) {
                return null;
            }
            String v = value(DynamoItems.s(s));
            String text = op == Filter.Operator.NE ? unequal(n, v) : compare(n, op, v);
            int ops = op == Filter.Operator.NE ? 3 : 1;
            if (tag != null) {
                text += " AND attribute_not_exists(" + name(tag) + ")";
                ops += 2;
            }
            return new Part(text, true, ops);
        }

        /**
         * {@code ne} as "less or greater": unlike DynamoDB's {@code <>} it is false for a missing attribute and one
         * of another type, as the filter's {@code ne} is, and it holds in any total order of the values.
         */
        private static String unequal(String n, String v) {
            return "(" + n + " < " + v + " OR " + n + " > " + v + ")";
        }

        /** A Guid: its text, tagged; the filter compares Guids by that text too. */
        private Part guid(String n, Filter.Operator op, String text, String tag) {
            return new Part(compare(n, op, value(DynamoItems.s(text))) + " AND " + name(tag) + " = "
                    + constant(PropertyType.GUID.edmName()), true, 3);
        }

        /**
         * A DateTime: fixed-width text with years 0000-9999 sorts as it compares; years beyond 9999 are stored
         * {@code +10000...} (after every literal, though '+' sorts first) and years before 0 {@code -0001...}
         * (before every literal, as '-' sorts), so order comparisons say so explicitly.
         */
        private Part dateTime(String n, Filter.Operator op, Instant t, String tag) {
            int year = t.atOffset(ZoneOffset.UTC).getYear();
            if (year < 0 || year > 9999) {
                return null;
            }
            String v = value(DynamoItems.s(DynamoItems.DATE_TIME.format(t)));
            String text = switch (op) {
                case EQ, NE -> compare(n, op, v);
                case GT, GE -> "(" + compare(n, op, v) + " OR begins_with(" + n + ", " + constant("+") + "))";
                case LT, LE -> compare(n, op, v) + " AND NOT begins_with(" + n + ", " + constant("+") + ")";
            };
            int ops = switch (op) { // comparisons, functions, AND, OR, NOT: DynamoDB counts each
                case EQ, NE -> 1;
                case GT, GE -> 3;
                case LT, LE -> 4;
            };
            if (tag != null) {
                text += " AND " + name(tag) + " = " + constant(PropertyType.DATETIME.edmName());
                ops += 2;
            } else if (op == Filter.Operator.NE) {
                text = "attribute_exists(" + n + ") AND " + text;
                ops += 2;
            }
            return new Part(text, true, ops);
        }

        /** Binary values compare byte by byte, unsigned, on both sides. */
        private Part binary(String n, Filter.Operator op, byte[] b) {
            if (!literal(b.length)) {
                return null;
            }
            String v = value(AttributeValue.fromB(SdkBytes.fromByteArray(b)));
            return op == Filter.Operator.NE ? new Part(unequal(n, v), true, 3) : new Part(compare(n, op, v), true, 1);
        }

        /** A Boolean is one of two values: the comparison is the set of them it accepts. */
        private Part bool(String n, Filter.Operator op, boolean b) {
            boolean f = new Filter.Comparison("B", op, b).test(TableEntity.builder("p", "r").put("B", false).build());
            boolean t = new Filter.Comparison("B", op, b).test(TableEntity.builder("p", "r").put("B", true).build());
            if (f && t) { // not attribute_type(BOOL): dynalite finds no type for the value false
                return new Part("(" + n + " = " + value(AttributeValue.fromBool(true)) + " OR " + n + " = "
                        + value(AttributeValue.fromBool(false)) + ")", true, 3);
            }
            if (f || t) {
                return new Part(n + " = " + value(AttributeValue.fromBool(t)), true, 1);
            }
            return null;
        }

        /** Numbers: the band around the literal (a superset, see the type's Javadoc). */
        private Part number(String property, Filter.Operator op, Number v, String tag) {
            if (op == Filter.Operator.NE) {
                return null;
            }
            BigDecimal exact = v instanceof Double d ? new BigDecimal(d) : BigDecimal.valueOf(v.longValue());
            if (v instanceof Double d && !DynamoItems.numberFits(d)) {
                return null;
            }
            BigDecimal margin = exact.abs().multiply(BAND);
            BigDecimal lo = round(exact.subtract(margin), RoundingMode.FLOOR);
            BigDecimal hi = round(exact.add(margin), RoundingMode.CEILING);
            if (!storable(lo) || !storable(hi)) {
                return null;
            }
            String n = name(property);
            String text = switch (op) {
                case EQ -> n + " BETWEEN " + value(AttributeValue.fromN(lo.toString())) + " AND "
                        + value(AttributeValue.fromN(hi.toString()));
                case GT -> n + " > " + value(AttributeValue.fromN(lo.toString()));
                case GE -> n + " >= " + value(AttributeValue.fromN(lo.toString()));
                case LT -> n + " < " + value(AttributeValue.fromN(hi.toString()));
                case LE -> n + " <= " + value(AttributeValue.fromN(hi.toString()));
                case NE -> throw new IllegalStateException();
            };
            if (op == Filter.Operator.EQ) {
                return new Part(text, false, 1);
            }
            // NaN, the infinities, -0.0 and numbers beyond DynamoDB's range are text; the final check decides.
            return new Part(text + " OR (attribute_type(" + n + ", " + constant("S") + ") AND "
                    + name(tag) + " = " + constant(PropertyType.DOUBLE.edmName()) + ")", false, 5);
        }

        private static BigDecimal round(BigDecimal d, RoundingMode mode) {
            return d.round(new MathContext(BAND_PRECISION, mode)).stripTrailingZeros();
        }

        private static boolean storable(BigDecimal d) {
            BigDecimal a = d.abs();
            return a.signum() == 0 || (a.compareTo(MIN_NUMBER) >= 0 && a.compareTo(MAX_NUMBER) <= 0);
        }

        private boolean literal(int bytes) {
            if (bytes > MAX_LITERAL_BYTES || literalBytes + bytes > 4 * MAX_LITERAL_BYTES) {
                return false;
            }
            literalBytes += bytes;
            return true;
        }

        private static String compare(String n, Filter.Operator op, String v) {
            return n + switch (op) {
                case EQ -> " = ";
                case NE -> " <> ";
                case GT -> " > ";
                case GE -> " >= ";
                case LT -> " < ";
                case LE -> " <= ";
            } + v;
        }
    }

    /**
     * {@code text} in parentheses, unless one pair already holds all of it: DynamoDB refuses doubled ones
     * ("redundant parentheses").
     */
    static String group(String text) {
        if (text.startsWith("(")) {
            int depth = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                if (depth == 0) {
                    if (i == text.length() - 1) {
                        return text;
                    }
                    break;
                }
            }
        }
        return "(" + text + ")";
    }

    /** No lone surrogate: such a string cannot be sent as UTF-8 unchanged. */
    static boolean wellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether comparing any string with {@code s} gives the same order by UTF-16 code units (the filter's) and by
     * UTF-8 bytes (DynamoDB's): they differ only where both strings hold a character from U+D800 up at the first
     * difference.
     */
    static boolean orderSafe(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= '\uD800') {
                return false;
            }
        }
        return true;
    }
}
