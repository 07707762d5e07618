package io.unistore.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a script of {@code storage-test-support/node/scenarios} (an official Node SDK as a second client) and
 * reads the JSON line it prints last. Cross-client tests use it to see what another program sees.
 */
public final class NodeScenarios {
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private NodeScenarios() {
    }

    /**
     * Runs {@code scenarios/<script>} with the arguments.
     *
     * @return the last line of its output, parsed as JSON
     * @throws AssertionError with the whole output when the script fails or prints no JSON
     */
    public static JsonNode run(String script, String... args) {
        return run(script, List.of(args));
    }

    /** {@link #run(String, String...)} with the arguments as a list. */
    public static JsonNode run(String script, List<String> args) {
        ManagedProcess.Result r = NodeBackends.runScript(NodeBackends.nodeDir().resolve("scenarios").resolve(script),
                args, TIMEOUT);
        if (r.exitCode() != 0) {
            throw new AssertionError(script + " exited with " + r.exitCode() + ":\n" + r.output());
        }
        String out = r.output().strip();
        String last = out.substring(out.lastIndexOf('\n') + 1);
        try {
            return JSON.readTree(last);
        } catch (RuntimeException e) {
            throw new AssertionError(script + " printed no JSON line last:\n" + r.output(), e);
        }
    }

    /** A temporary file (removed at exit) holding the value as JSON: script input too large or odd for a command line. */
    public static Path jsonFile(Object value) {
        try {
            Path file = Files.createTempFile("unistore-node-", ".json");
            file.toFile().deleteOnExit();
            return Files.writeString(file, JSON.writeValueAsString(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON object of strings (such as metadata a script printed) as a sorted map. */
    public static Map<String, String> strings(JsonNode object) {
        Map<String, String> out = new TreeMap<>();
        object.properties().forEach(p -> out.put(p.getKey(), p.getValue().asString()));
        return out;
    }
}
