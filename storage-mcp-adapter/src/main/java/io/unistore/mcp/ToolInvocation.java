package io.unistore.mcp;

import io.unistore.ProgressListener;
import io.unistore.StorageAccount;
import io.unistore.StorageException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@link ToolCall} the executor hands to a tool's handler. */
final class ToolInvocation implements ToolCall {
    private final McpTool tool;
    private final Accounts.Entry account;
    private final Map<String, Object> arguments;
    private final ServerSettings settings;
    private final PathGuard paths;
    private final CallContext context;
    private final Accounts accounts;
    private final List<AccessCheck.Touched> touched;

    /** A call whose touches {@code touched} the server checked already. */
    ToolInvocation(McpTool tool, Accounts.Entry account, Map<String, Object> arguments, ServerSettings settings,
                   PathGuard paths, CallContext context, Accounts accounts, List<AccessCheck.Touched> touched) {
        this.accounts = accounts;
        this.touched = touched;
        this.tool = tool;
        this.account = account;
        this.arguments = arguments == null ? Map.of() : arguments;
        this.settings = settings;
        this.paths = paths;
        this.context = context;
    }

    @Override
    public String toolName() {
        return tool.name();
    }

    @Override
    public String accountName() {
        return account.name();
    }

    @Override
    public StorageAccount account() {
        return account.account();
    }

    @Override
    public Map<String, Object> arguments() {
        return arguments;
    }

    @Override
    public String string(String name) {
        String v = optionalString(name);
        if (v == null) {
            throw StorageException.invalidArgument(name, "is required");
        }
        return v;
    }

    @Override
    public String optionalString(String name) {
        Object v = arguments.get(name);
        return v == null ? null : v.toString();
    }

    @Override
    public int integer(String name, int defaultValue) {
        Object v = arguments.get(name);
        return v instanceof Number n ? n.intValue() : defaultValue;
    }

    @Override
    public boolean bool(String name, boolean defaultValue) {
        Object v = arguments.get(name);
        return v instanceof Boolean b ? b : defaultValue;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> object(String name) {
        Object v = arguments.get(name);
        return v instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Object> array(String name) {
        Object v = arguments.get(name);
        return v instanceof List<?> l ? (List<Object>) l : null;
    }

    @Override
    public Map<String, String> stringMap(String name) {
        Map<String, Object> m = object(name);
        Map<String, String> out = new LinkedHashMap<>();
        if (m != null) {
            m.forEach((k, v) -> out.put(k, String.valueOf(v)));
        }
        return out;
    }

    /** The options the account was opened with (the config file's, secrets substituted: never to be shown). */
    Map<String, String> accountOptions() {
        return account.spec().options();
    }

    /** The account's address (secrets substituted: never to be shown). */
    String accountAddress() {
        return account.spec().address();
    }

    /** The account's configuration (its alert thresholds...). */
    AccountSpec spec() {
        return account.spec();
    }

    /** Sends a notifications/logging message to the calling client. */
    void log(io.modelcontextprotocol.spec.McpSchema.LoggingLevel level, String logger, String data) {
        context.log(level, logger, data);
    }

    /** Whether a listing on this call's account may show the name (its policy's patterns allow it). */
    boolean visible(NameKind kind, String name) {
        return AccessCheck.visible(account, kind, name);
    }

    /** The name the argument gives, which the server checked before the call ran because the tool declared it. */
    private String checked(NameKind kind, String argument) {
        for (AccessCheck.Touched t : touched) {
            if (t.kind() == kind && t.argument().equals(argument) && t.account() == account) {
                return t.name();
            }
        }
        throw new StorageException(io.unistore.ErrorCode.INTERNAL, "tool '" + tool.name() + "' reads argument '"
                + argument + "' as a " + kind.singular + " of account '" + account.name() + "' without declaring "
                + "it (McpTool.Builder.touches), so it was not checked");
    }

    @Override
    public String container(String argument) {
        return checked(NameKind.CONTAINER, argument);
    }

    @Override
    public String table(String argument) {
        return checked(NameKind.TABLE, argument);
    }

    @Override
    public String queue(String argument) {
        return checked(NameKind.QUEUE, argument);
    }

    @Override
    public String share(String argument) {
        return checked(NameKind.SHARE, argument);
    }

    @Override
    public Path localPathToRead(String argument) {
        return paths.toRead(argument, string(argument), context.clientRoots());
    }

    @Override
    public Path localPathToWrite(String argument) {
        return paths.toWrite(argument, string(argument), context.clientRoots());
    }

    @Override
    public int maxInlineBytes() {
        return settings.maxInlineBytes();
    }

    @Override
    public ProgressListener progress(String what) {
        return context.progress(what);
    }

    @Override
    public void checkCancelled() {
        context.checkCancelled();
    }

    @Override
    public void confirm(String what) {
        context.confirm(what);
    }

    @Override
    public ToolCall onAccount(String argument) {
        String name = optionalString(argument);
        if (name == null || name.equals(account.name())) {
            return this;
        }
        if (tool.touches().stream().noneMatch(t -> argument.equals(t.accountArgument()))) {
            throw new StorageException(io.unistore.ErrorCode.INTERNAL, "tool '" + tool.name() + "' works on the "
                    + "account named by '" + argument + "' without declaring what it touches there "
                    + "(McpTool.Builder.touches), so it was not checked");
        }
        return new ToolInvocation(tool, accounts.resolve(name, argument), arguments, settings, paths, context,
                accounts, touched);
    }
}
