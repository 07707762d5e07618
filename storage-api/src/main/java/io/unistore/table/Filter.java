package io.unistore.table;

import io.unistore.StorageException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;

/**
 * A provider-neutral table filter: comparisons of a property with a typed literal, combined with and, or
 * and not. Every provider translates it (Azure to OData, the local provider to SQL plus {@link #test}), and
 * {@link #parse(String)} reads the OData filter text Azure users already write:
 *
 * <pre>{@code
 * PartitionKey eq 'p1' and Age gt 30
 * not (Status eq 'done') or Created ge datetime'2026-01-01T00:00:00Z'
 * Id eq guid'0b6a8f6e-...' and Payload eq X'0aff' and Big gt 30L
 * }</pre>
 *
 * <p>A filter nests at most {@link #MAX_DEPTH} levels. Semantics, the same everywhere: a comparison with a missing
 * property is false; comparing values of different types is false, except that Int32, Int64 and Double compare as
 * numbers; strings compare by UTF-16 code unit (ordinal), binary values byte by byte unsigned.
 */
public sealed interface Filter permits Filter.Comparison, Filter.And, Filter.Or, Filter.Not {

    /**
     * The deepest a filter may nest: a comparison is one level, each and, or, not above it one more.
     * {@link #parse} refuses deeper text (a chain {@code a or b or c ...} costs log2 of its length, as it is read
     * into a balanced tree), and {@link TableQuery} refuses a deeper filter built in code, before any store
     * evaluates it.
     */
    int MAX_DEPTH = 100;

    /** Comparison operators, with their OData names. */
    enum Operator {
        EQ("eq"), NE("ne"), GT("gt"), GE("ge"), LT("lt"), LE("le");

        private final String odata;

        Operator(String odata) {
            this.odata = odata;
        }

        /** The OData keyword, e.g. {@code ge}. */
        public String odata() {
            return odata;
        }

        /** The operator that gives the same answer with the operands swapped ({@code a lt b} = {@code b gt a}). */
        public Operator swapped() {
            return switch (this) {
                case GT -> LT;
                case GE -> LE;
                case LT -> GT;
                case LE -> GE;
                default -> this;
            };
        }

        boolean holds(int comparison) {
            return switch (this) {
                case EQ -> comparison == 0;
                case NE -> comparison != 0;
                case GT -> comparison > 0;
                case GE -> comparison >= 0;
                case LT -> comparison < 0;
                case LE -> comparison <= 0;
            };
        }
    }

    /**
     * {@code property operator value}.
     *
     * @param property a property name, or PartitionKey, RowKey, Timestamp
     * @param operator the comparison
     * @param value a String, Integer, Long, Double, Boolean, Instant, byte[] or UUID literal
     */
    record Comparison(String property, Operator operator, Object value) implements Filter {
        public Comparison {
            if (property == null || !FilterParser.isIdentifier(property)) {
                throw StorageException.invalidArgument("filter", "property name '" + property + "' must be a C# "
                        + "identifier (letters of any script, digits, underscores, not starting with a digit)");
            }
            Objects.requireNonNull(operator, "operator");
            PropertyType type;
            try {
                type = PropertyType.of(value);
            } catch (StorageException e) {
                throw StorageException.invalidArgument("filter", "value compared with " + property + ": "
                        + e.getMessage().substring("value: ".length()));
            }
            if (type == PropertyType.DOUBLE && !Double.isFinite((Double) value)) {
                throw StorageException.invalidArgument("filter", "value compared with " + property
                        + " must be a finite number");
            }
            if (value instanceof byte[] b) {
                value = b.clone();
            }
        }

        /** The literal's type. */
        public PropertyType type() {
            return PropertyType.of(value);
        }

        @Override
        public String toOData() {
            return property + " " + operator.odata() + " " + literal(value);
        }

        @Override
        public boolean test(TableEntity entity) {
            Object actual = switch (property) {
                case TableEntity.PARTITION_KEY -> entity.partitionKey();
                case TableEntity.ROW_KEY -> entity.rowKey();
                case TableEntity.TIMESTAMP -> entity.timestamp();
                default -> entity.get(property);
            };
            if (actual == null) {
                return false;
            }
            Integer c = compare(actual, value);
            return c != null && operator.holds(c);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Comparison c && property.equals(c.property) && operator == c.operator
                    && (value instanceof byte[] a && c.value instanceof byte[] b ? Arrays.equals(a, b)
                    : value.equals(c.value));
        }

        @Override
        public int hashCode() {
            return Objects.hash(property, operator) * 31
                    + (value instanceof byte[] b ? Arrays.hashCode(b) : value.hashCode());
        }

        @Override
        public String toString() {
            return toOData();
        }
    }

    /** Both must hold. */
    record And(Filter left, Filter right) implements Filter {
        public And {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }

        @Override
        public String toOData() {
            return "(" + left.toOData() + ") and (" + right.toOData() + ")";
        }

        @Override
        public boolean test(TableEntity entity) {
            return left.test(entity) && right.test(entity);
        }
    }

    /** Either must hold. */
    record Or(Filter left, Filter right) implements Filter {
        public Or {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }

        @Override
        public String toOData() {
            return "(" + left.toOData() + ") or (" + right.toOData() + ")";
        }

        @Override
        public boolean test(TableEntity entity) {
            return left.test(entity) || right.test(entity);
        }
    }

    /** The operand must not hold. */
    record Not(Filter operand) implements Filter {
        public Not {
            Objects.requireNonNull(operand, "operand");
        }

        @Override
        public String toOData() {
            return "not (" + operand.toOData() + ")";
        }

        @Override
        public boolean test(TableEntity entity) {
            return !operand.test(entity);
        }
    }

    /** This filter as OData text that {@link #parse} reads back to an equal filter. */
    String toOData();

    /** Whether the entity matches, evaluated in memory with the semantics above. */
    boolean test(TableEntity entity);

    /** This and {@code other}. */
    default Filter and(Filter other) {
        return new And(this, other);
    }

    /** This or {@code other}. */
    default Filter or(Filter other) {
        return new Or(this, other);
    }

    /** Not this. */
    default Filter negate() {
        return new Not(this);
    }

    /**
     * Parses OData filter text.
     *
     * @throws StorageException INVALID_ARGUMENT naming the position and what was expected, or the limit when
     *         the text nests deeper than {@link #MAX_DEPTH}
     */
    static Filter parse(String text) {
        return new FilterParser(text).parse();
    }

    static Comparison eq(String property, Object value) {
        return new Comparison(property, Operator.EQ, value);
    }

    static Comparison ne(String property, Object value) {
        return new Comparison(property, Operator.NE, value);
    }

    static Comparison gt(String property, Object value) {
        return new Comparison(property, Operator.GT, value);
    }

    static Comparison ge(String property, Object value) {
        return new Comparison(property, Operator.GE, value);
    }

    static Comparison lt(String property, Object value) {
        return new Comparison(property, Operator.LT, value);
    }

    static Comparison le(String property, Object value) {
        return new Comparison(property, Operator.LE, value);
    }

    /** {@code PartitionKey eq partitionKey}. */
    static Comparison partitionKey(String partitionKey) {
        return eq(TableEntity.PARTITION_KEY, partitionKey);
    }

    /**
     * Compares two values with the filter semantics.
     *
     * @return negative, zero or positive; null when the types are not comparable
     */
    static Integer compare(Object actual, Object literal) {
        if (actual instanceof Number a && literal instanceof Number b) {
            boolean integral = !(a instanceof Double) && !(b instanceof Double);
            return integral ? Long.compare(a.longValue(), b.longValue())
                    : Double.compare(a.doubleValue(), b.doubleValue());
        }
        if (actual.getClass() != literal.getClass()) {
            return null;
        }
        if (actual instanceof byte[] a) {
            return Arrays.compareUnsigned(a, (byte[]) literal);
        }
        if (actual instanceof UUID a) {
            return a.toString().compareTo(literal.toString());
        }
        @SuppressWarnings("unchecked")
        Comparable<Object> c = (Comparable<Object>) actual;
        return c.compareTo(literal);
    }

    /** The OData literal of a value: {@code 'it''s'}, {@code 30}, {@code 30L}, {@code datetime'...'}... */
    static String literal(Object value) {
        return switch (PropertyType.of(value)) {
            case STRING -> "'" + ((String) value).replace("'", "''") + "'";
            case INT32, BOOLEAN -> value.toString();
            case INT64 -> value + "L";
            case DOUBLE -> {
                String s = Double.toString((Double) value);
                yield s.contains(".") || s.contains("E") ? s : s + ".0";
            }
            case DATETIME -> "datetime'" + DateTimeFormatter.ISO_INSTANT.format((Instant) value) + "'";
            case BINARY -> "X'" + HexFormat.of().formatHex((byte[]) value) + "'";
            case GUID -> "guid'" + value + "'";
        };
    }
}
