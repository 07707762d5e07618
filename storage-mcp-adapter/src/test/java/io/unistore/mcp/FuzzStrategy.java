package io.unistore.mcp;

/**
 * How a fuzzed tool call is made from the tool's input schema, with its share of the calls (weights sum to 100).
 * {@link #knownHole} marks the generators that reach the holes issue #11 fixed in the server: they run unless
 * {@code -Dunistore.fuzz.knownHoles=off} (for a run against a jar from before the fixes; the run says so).
 */
enum FuzzStrategy {
    /** Every required argument and some optional ones, each valid for its schema. */
    VALID(24, false),
    /** One value at an edge of its schema: minimum, maximum, one past either, shortest string, item counts. */
    BOUNDARY(9, false),
    /** One value of a JSON type its schema does not allow. */
    WRONG_TYPE(9, false),
    /** An argument the schema does not declare (top level or inside an object). */
    UNKNOWN_FIELD(6, false),
    /** A required argument left out. */
    MISSING_REQUIRED(5, false),
    /** One value nested tens to hundreds of levels deep, within what a JSON parser accepts (500 levels). */
    DEEP_NESTING(6, false),
    /** One string of a megabyte (ASCII, multi-byte characters or a valid-looking name repeated). */
    HUGE_STRING(3, false),
    /** Strings with surrogates (lone ones too), NUL and control characters, bidi overrides, combining marks. */
    UNICODE(10, false),
    /** Paths and names aimed at the canary directory: traversal, absolute paths, links, encoded separators. */
    PATH_TRICK(12, false),
    /** Numbers far beyond 64 bits, negative zero, exponents, fractions for integers. */
    HUGE_NUMBER(6, false),
    /** A tool name the server does not have: the one JSON-RPC error a tools/call may get (-32602). */
    UNKNOWN_TOOL(2, false),
    /**
     * A message no JSON parser reads within its limits: nesting beyond 500 levels, a number of more than 1,000
     * digits. The answer must be a JSON-RPC parse error and the session must live on (issue #11: today such a
     * message ends a stdio session).
     */
    UNPARSEABLE(3, true),
    /**
     * Expressions nested thousands deep ({@code ((((...))))}, {@code not not not ...}) in string arguments, which
     * filters parse (issue #11: today a StackOverflowError, and no answer).
     */
    DEEP_EXPRESSION(3, true),
    /**
     * A local path naming a dangling link in an allowed directory whose target is outside every allowed root
     * (issue #11: today a download follows it and writes outside).
     */
    DANGLING_LINK(2, true);

    final int weight;
    final boolean knownHole;

    FuzzStrategy(int weight, boolean knownHole) {
        this.weight = weight;
        this.knownHole = knownHole;
    }
}
