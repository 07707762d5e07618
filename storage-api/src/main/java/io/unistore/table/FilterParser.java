package io.unistore.table;

import io.unistore.StorageException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Recursive-descent parser of OData filter text into {@link Filter}. Precedence, lowest first: or, and, not,
 * comparison; parentheses group. Keywords are case-insensitive; property names are not. Nesting is bounded
 * ({@link Filter#MAX_DEPTH}), so no text, however deep, runs the parser or the filter's users out of stack.
 */
final class FilterParser {
    private final String text;
    private int pos;
    /** How many 'not' and '(' enclose the current position. */
    private int nesting;

    FilterParser(String text) {
        if (text == null || text.isBlank()) {
            throw StorageException.invalidArgument("filter", "must not be empty");
        }
        this.text = text;
    }

    /** Property names as Azure Tables takes them: C# identifiers (letters of any script, digits, underscores...). */
    static boolean isIdentifier(String s) {
        if (s.isEmpty() || !identifierStart(s.charAt(0))) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            if (!identifierPart(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean identifierStart(char c) {
        return Character.isLetter(c) || c == '_' || Character.getType(c) == Character.LETTER_NUMBER;
    }

    private static boolean identifierPart(char c) {
        if (identifierStart(c) || Character.isDigit(c)) {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.CONNECTOR_PUNCTUATION || type == Character.FORMAT;
    }

    Filter parse() {
        Filter f = parseOr();
        skipSpaces();
        if (pos < text.length()) {
            throw error("expected 'and', 'or' or the end of the filter");
        }
        return FilterDepth.check(f);
    }

    private Filter parseOr() {
        List<Filter> terms = new ArrayList<>();
        terms.add(parseAnd());
        while (keyword("or")) {
            terms.add(parseAnd());
        }
        return balanced(terms, 0, terms.size(), false);
    }

    private Filter parseAnd() {
        List<Filter> terms = new ArrayList<>();
        terms.add(parseUnary());
        while (keyword("and")) {
            terms.add(parseUnary());
        }
        return balanced(terms, 0, terms.size(), true);
    }

    /**
     * A chain {@code a or b or c ...} as a balanced tree: and/or are associative, and a chain of n comparisons
     * then nests log2(n) levels instead of n (the left-deep tree of up to three terms is the same either way).
     */
    private static Filter balanced(List<Filter> terms, int from, int to, boolean and) {
        if (to - from == 1) {
            return terms.get(from);
        }
        int middle = from + (to - from + 1) / 2;
        Filter left = balanced(terms, from, middle, and);
        Filter right = balanced(terms, middle, to, and);
        return and ? new Filter.And(left, right) : new Filter.Or(left, right);
    }

    private Filter parseUnary() {
        // The recursion this guards: each 'not' and '(' is a level of Java stack. Twice the tree limit, since the
        // text of a filter (toOData) writes each 'not' with a parenthesis.
        if (++nesting > 2 * Filter.MAX_DEPTH) {
            throw FilterDepth.tooDeep();
        }
        try {
            if (keyword("not")) {
                return new Filter.Not(parseUnary());
            }
            skipSpaces();
            if (peek() == '(') {
                pos++;
                Filter inner = parseOr();
                skipSpaces();
                if (peek() != ')') {
                    throw error("expected ')'");
                }
                pos++;
                return inner;
            }
            return parseComparison();
        } finally {
            nesting--;
        }
    }

    private Filter parseComparison() {
        skipSpaces();
        int start = pos;
        Operand left = parseOperand();
        skipSpaces();
        int opStart = pos;
        String word = word();
        Filter.Operator op = operator(word);
        if (op == null) {
            pos = opStart;
            throw error("expected a comparison operator (eq, ne, gt, ge, lt, le)");
        }
        Operand right = parseOperand();
        if (left.property != null && right.property == null) {
            return new Filter.Comparison(left.property, op, right.literal);
        }
        if (left.property == null && right.property != null) {
            return new Filter.Comparison(right.property, op.swapped(), left.literal);
        }
        pos = start;
        throw error(left.property == null ? "a comparison needs a property name on one side"
                : "comparing two properties is not supported; compare a property with a literal");
    }

    private record Operand(String property, Object literal) {
    }

    private Operand parseOperand() {
        skipSpaces();
        if (pos >= text.length()) {
            throw error("expected a property name or a literal");
        }
        char c = text.charAt(pos);
        if (c == '\'') {
            return new Operand(null, quoted());
        }
        if (c == '-' || Character.isDigit(c)) {
            return new Operand(null, number());
        }
        if (identifierStart(c)) {
            int start = pos;
            String w = word();
            if (peek() == '\'') {
                String body = quoted();
                return new Operand(null, typedLiteral(w, body, start));
            }
            String lower = w.toLowerCase(Locale.ROOT);
            if (lower.equals("true") || lower.equals("false")) {
                return new Operand(null, Boolean.valueOf(lower));
            }
            if (operator(w) != null || lower.equals("and") || lower.equals("or") || lower.equals("not")) {
                pos = start;
                throw error("expected a property name or a literal, found keyword '" + w + "'");
            }
            return new Operand(w, null);
        }
        throw error("expected a property name or a literal");
    }

    private Object typedLiteral(String prefix, String body, int start) {
        String p = prefix.toLowerCase(Locale.ROOT);
        try {
            switch (p) {
                case "datetime":
                    return parseInstant(body);
                case "guid":
                    return UUID.fromString(body);
                case "x":
                case "binary":
                    return HexFormat.of().parseHex(body);
                default:
                    pos = start;
                    throw error("unknown literal type '" + prefix + "' (use datetime'...', guid'...', X'...')");
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            pos = start;
            throw error("malformed " + p + " literal '" + body + "'");
        }
    }

    private static Instant parseInstant(String s) {
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            return OffsetDateTime.parse(s).toInstant();
        }
    }

    private String quoted() {
        int start = pos;
        pos++; // opening quote
        StringBuilder sb = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '\'') {
                if (peek() == '\'') {
                    sb.append('\'');
                    pos++;
                } else {
                    return sb.toString();
                }
            } else {
                sb.append(c);
            }
        }
        pos = start;
        throw error("unterminated quoted literal");
    }

    private Object number() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || ".eE+-".indexOf(text.charAt(pos)) >= 0)) {
            char c = text.charAt(pos);
            if ((c == '+' || c == '-') && !(text.charAt(pos - 1) == 'e' || text.charAt(pos - 1) == 'E')) {
                break;
            }
            pos++;
        }
        String digits = text.substring(start, pos);
        char suffix = Character.toUpperCase(peek());
        try {
            if (suffix == 'L') {
                pos++;
                return Long.parseLong(digits);
            }
            if (suffix == 'D' || suffix == 'M' || suffix == 'F') {
                pos++;
                return Double.parseDouble(digits);
            }
            if (digits.contains(".") || digits.contains("e") || digits.contains("E")) {
                return Double.parseDouble(digits);
            }
            long v = Long.parseLong(digits);
            return v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE ? (Object) (int) v : (Object) v;
        } catch (NumberFormatException e) {
            pos = start;
            throw error("malformed number '" + digits + "'");
        }
    }

    private boolean keyword(String kw) {
        skipSpaces();
        int end = pos + kw.length();
        if (end <= text.length() && text.regionMatches(true, pos, kw, 0, kw.length())
                && (end == text.length() || !identifierPart(text.charAt(end)))) {
            // "not(" and "and(" are fine; "notes" is a property name.
            pos = end;
            return true;
        }
        return false;
    }

    private String word() {
        int start = pos;
        while (pos < text.length() && identifierPart(text.charAt(pos))) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private static Filter.Operator operator(String word) {
        for (Filter.Operator op : Filter.Operator.values()) {
            if (op.odata().equalsIgnoreCase(word)) {
                return op;
            }
        }
        return null;
    }

    private void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private StorageException error(String what) {
        String near = pos >= text.length() ? "the end" : "'" + text.substring(pos, Math.min(text.length(), pos + 20)) + "'";
        return StorageException.invalidArgument("filter", what + " at position " + (pos + 1) + " (near " + near + ")");
    }
}
