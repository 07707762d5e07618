package io.unistore.mcp;

/**
 * One generated tools/call: where it came from (its index under the run's seed, so it can be replayed), the
 * JSON text of its params, and what the answer must be.
 */
record FuzzCase(long seed, String transport, int index, FuzzStrategy strategy, String tool, String params,
                Expect expect, String note) {

    /** What the server must answer. */
    enum Expect {
        /** A result: a success, or an isError result with an error code (never INTERNAL). */
        RESULT,
        /** An isError result with code INVALID_ARGUMENT: the arguments break the tool's input schema. */
        INVALID_ARGUMENT,
        /** A JSON-RPC error -32602: the tool does not exist. */
        UNKNOWN_TOOL,
        /** A JSON-RPC parse error -32700: the message is beyond what the parser reads. */
        PARSE_ERROR
    }

    /** The case for a failure report: replay line, strategy, tool and (shortened) params. */
    String describe() {
        String shown = params.length() > 600 ? params.substring(0, 400) + " ...(" + params.length() + " chars)... "
                + params.substring(params.length() - 100) : params;
        return "case " + index + " [" + strategy + "] " + tool + (note.isEmpty() ? "" : " (" + note + ")")
                + ", expected " + expect + "\n    params: " + shown
                + "\n    replay: -Dit.test=ToolFuzzIT -Dunistore.fuzz.seed=" + seed + " -Dunistore.fuzz.transport="
                + transport + " -Dunistore.fuzz.case=" + index + " (the module README has the whole command)";
    }
}
