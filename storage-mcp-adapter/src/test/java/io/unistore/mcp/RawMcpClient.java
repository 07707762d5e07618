package io.unistore.mcp;

import java.nio.file.Path;
import java.time.Duration;
import tools.jackson.databind.JsonNode;

/**
 * An MCP client that sends JSON-RPC requests as text the caller wrote, byte for byte, and hands back the
 * answer as it came: for input no SDK client would send (lone surrogates, nesting and numbers beyond a
 * parser's limits) and answers an SDK client would turn into exceptions.
 */
interface RawMcpClient extends AutoCloseable {
    /** The protocol version these clients announce. */
    String PROTOCOL = "2025-06-18";
    /** The initialize params. */
    String INITIALIZE = "{\"protocolVersion\":\"" + PROTOCOL + "\",\"capabilities\":{},\"clientInfo\":{\"name\":"
            + "\"fuzz\",\"version\":\"1\"}}";

    /**
     * Sends {@code method} with {@code paramsJson} and waits for the answer: the message with its id, or an
     * error without an id (what a server answers to a message it cannot parse). Null when nothing came within
     * {@code timeout}.
     */
    JsonNode request(String method, String paramsJson, Duration timeout);

    /** Whether the server process still runs. */
    boolean alive();

    /** The file the server's stderr goes to. */
    Path logFile();

    @Override
    void close();
}
