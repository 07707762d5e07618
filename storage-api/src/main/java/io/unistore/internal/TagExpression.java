package io.unistore.internal;

import io.unistore.StorageException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tag filter in Azure's Find Blobs by Tags syntax, parsed once so every provider accepts the same expressions
 * and refuses the same mistakes: conditions {@code "key" op 'value'} joined by {@code AND}, with {@code op} one
 * of {@code = > >= < <=} (strings compared in character order), and {@code @container = 'name'} at account
 * scope. Keys are in double quotes, values in single quotes, both under {@link TagRules}.
 *
 * @param conditions the conditions, all of which must hold
 */
public record TagExpression(List<Condition> conditions) {

    /** One condition: a key (or {@code @container}), an operator and a value. */
    public record Condition(String key, String op, String value) {
        boolean test(String actual) {
            if (actual == null) {
                return false;
            }
            int c = actual.compareTo(value);
            return switch (op) {
                case "=" -> c == 0;
                case ">" -> c > 0;
                case ">=" -> c >= 0;
                case "<" -> c < 0;
                default -> c <= 0;
            };
        }
    }

    /** The key naming the container, usable at account scope only. */
    public static final String CONTAINER = "@container";

    /**
     * Parses and checks an expression.
     *
     * @param containerScoped whether the search is within one container (then {@code @container} is refused)
     * @throws StorageException INVALID_ARGUMENT naming "expression", the position and what was expected
     */
    public static TagExpression parse(String expression, boolean containerScoped) {
        if (expression == null || expression.isBlank()) {
            throw StorageException.invalidArgument("expression", "must not be empty; write conditions such as "
                    + "\"project\" = 'alpha' AND \"year\" >= '2024'");
        }
        Parser p = new Parser(expression);
        List<Condition> conditions = new ArrayList<>();
        do {
            conditions.add(p.condition(containerScoped));
        } while (p.and());
        p.end();
        if (conditions.size() > TagRules.MAX_TAGS) {
            throw StorageException.invalidArgument("expression", "at most " + TagRules.MAX_TAGS
                    + " conditions, was " + conditions.size());
        }
        return new TagExpression(List.copyOf(conditions));
    }

    /** Whether a blob of this container with these tags matches. */
    public boolean matches(String container, Map<String, String> tags) {
        for (Condition c : conditions) {
            if (!c.test(c.key.equals(CONTAINER) ? container : tags.get(c.key))) {
                return false;
            }
        }
        return true;
    }

    /** The blob's tags the expression names, as Azure's index answers them. */
    public Map<String, String> named(Map<String, String> tags) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Condition c : conditions) {
            if (!c.key.equals(CONTAINER) && tags.containsKey(c.key)) {
                out.put(c.key, tags.get(c.key));
            }
        }
        return out;
    }

    /** The container an {@code @container = '...'} condition pins, or null. */
    public String pinnedContainer() {
        for (Condition c : conditions) {
            if (c.key.equals(CONTAINER) && c.op.equals("=")) {
                return c.value;
            }
        }
        return null;
    }

    private static final class Parser {
        private final String s;
        private int i;

        Parser(String s) {
            this.s = s;
        }

        Condition condition(boolean containerScoped) {
            skip();
            String key;
            int at = i;
            if (s.startsWith(CONTAINER, i)) {
                if (containerScoped) {
                    throw fail(at, "@container is only allowed when searching the whole account");
                }
                i += CONTAINER.length();
                key = CONTAINER;
            } else {
                key = quoted('"', "a tag key in double quotes");
                if (key.isEmpty() || key.length() > TagRules.MAX_KEY) {
                    throw fail(at, "a tag key must be 1-" + TagRules.MAX_KEY + " characters");
                }
                TagRules.checkChars("expression key \"" + key + "\"", key);
            }
            skip();
            String op = op();
            skip();
            String value = quoted('\'', "a value in single quotes");
            if (value.length() > TagRules.MAX_VALUE) {
                throw fail(at, "a value must be at most " + TagRules.MAX_VALUE + " characters");
            }
            TagRules.checkChars("expression value '" + value + "'", value);
            if (key.equals(CONTAINER) && !op.equals("=")) {
                throw fail(at, "@container takes only =");
            }
            return new Condition(key, op, value);
        }

        private String op() {
            int at = i;
            for (String op : new String[] {">=", "<=", "=", ">", "<"}) {
                if (s.startsWith(op, i)) {
                    i += op.length();
                    return op;
                }
            }
            throw fail(at, "expected an operator (= > >= < <=)");
        }

        private String quoted(char quote, String what) {
            if (i >= s.length() || s.charAt(i) != quote) {
                throw fail(i, "expected " + what);
            }
            int end = s.indexOf(quote, i + 1);
            if (end < 0) {
                throw fail(i, "unclosed " + quote);
            }
            String v = s.substring(i + 1, end);
            i = end + 1;
            return v;
        }

        boolean and() {
            skip();
            if (i + 3 <= s.length() && s.regionMatches(true, i, "AND", 0, 3)
                    && (i + 3 == s.length() || Character.isWhitespace(s.charAt(i + 3)))) {
                i += 3;
                return true;
            }
            return false;
        }

        void end() {
            skip();
            if (i < s.length()) {
                throw fail(i, "expected AND or the end (OR and parentheses are not supported)");
            }
        }

        private void skip() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        private StorageException fail(int at, String rule) {
            return StorageException.invalidArgument("expression", rule + " at position " + at + " of " + s);
        }
    }
}
