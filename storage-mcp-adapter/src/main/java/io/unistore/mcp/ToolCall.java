package io.unistore.mcp;

import io.unistore.ProgressListener;
import io.unistore.StorageAccount;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One call of a tool, as its {@link ToolHandler} sees it: validated arguments, the account they name, and
 * the server's safety rules. Names were checked before the handler runs, from what the tool declared it touches
 * ({@link McpTool.Builder#touches}); the name accessors return them, and refuse an argument the tool did not
 * declare. Path accessors keep local files inside the allowed roots.
 */
public interface ToolCall {

    /** The tool's name. */
    String toolName();

    /** The name of the account the call runs on. */
    String accountName();

    /** The account the call runs on. */
    StorageAccount account();

    /** The raw arguments (already checked against the input schema). */
    Map<String, Object> arguments();

    /** Whether the argument was given. */
    default boolean has(String name) {
        return arguments().get(name) != null;
    }

    /** A required string argument. */
    String string(String name);

    /** A string argument, or null when absent. */
    String optionalString(String name);

    /** An integer argument, or the default when absent. */
    int integer(String name, int defaultValue);

    /** A boolean argument, or the default when absent. */
    boolean bool(String name, boolean defaultValue);

    /** An object argument, or null when absent. */
    Map<String, Object> object(String name);

    /** An array argument, or null when absent. */
    List<Object> array(String name);

    /** A string-to-string map argument (such as {@code metadata}), or an empty map when absent. */
    Map<String, String> stringMap(String name);

    /**
     * The container named by the argument, which the server checked (the tool declares it with {@link Touch}).
     *
     * @throws io.unistore.StorageException INTERNAL when the tool did not declare the argument
     */
    String container(String argument);

    /** The table named by the argument, which the server checked; see {@link #container}. */
    String table(String argument);

    /** The queue named by the argument, which the server checked; see {@link #container}. */
    String queue(String argument);

    /** The share named by the argument, which the server checked; see {@link #container}. */
    String share(String argument);

    /** A local file to read, which must exist inside the allowed roots. */
    Path localPathToRead(String argument);

    /** A local file to write, whose parent directory must exist inside the allowed roots. */
    Path localPathToWrite(String argument);

    /** The largest content returned or accepted inline, in bytes. */
    int maxInlineBytes();

    /**
     * A listener that reports a transfer's progress to the client (when it asked for progress) and stops
     * the transfer once the client cancelled the call.
     */
    ProgressListener progress(String what);

    /** Throws when the client cancelled this call. */
    void checkCancelled();

    /**
     * This call as seen on another served account, named by an argument (such as {@code targetAccount}), for
     * tools that read one account and write another; this call itself when the argument is absent. What the
     * tool touches there is declared with {@link Touch#onAccount} and was checked against that account's policy.
     *
     * @throws io.unistore.StorageException INVALID_ARGUMENT naming the served accounts for an unknown name;
     *         INTERNAL when the tool declares nothing on that account
     */
    ToolCall onAccount(String argument);

    /**
     * Asks the user to confirm a destructive action through elicitation when the client supports it.
     *
     * @param what what will be deleted or overwritten, e.g. "container 'logs' and every blob in it"
     * @throws io.unistore.StorageException PERMISSION_DENIED when the user declines
     */
    void confirm(String what);
}
