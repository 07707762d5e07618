package io.unistore.mcp;

import io.unistore.ErrorCode;
import io.unistore.StorageException;
import io.unistore.ops.TableIndexes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one place that decides what a call may do, whatever its entry point (a tool call, a resource read or
 * listing, a completion, a prompt). Given what the call touches, every (account, kind, name, read or write) and
 * the tools whose work it does, it applies the server's settings (--read-only, --tools, --deny-tools) and each
 * touched account's policy (readOnly, tools, denyTools, name patterns), and refuses with PERMISSION_DENIED
 * naming the rule. Tools declare what they touch ({@link Touch}); nothing else checks names.
 */
final class AccessCheck {

    /**
     * One name a call touches, resolved to its account.
     *
     * @param argument what named it, for messages (an argument, or "uri")
     * @param asTool the tool whose work this part of the call does, or null
     * @param asWhat which part of the call that is, or null
     */
    record Touched(Accounts.Entry account, NameKind kind, String name, Touch.Access access, String argument,
                   String asTool, String asWhat) {
        String describe() {
            return kind.singular + " '" + name + "' of account '" + account.name() + "'";
        }
    }

    /**
     * A call to check.
     *
     * @param subject what the call is, for messages ("restore-blob", "resource unistore://...", "prompt 'x'")
     * @param tool the tool whose permission the call needs, or null (prompts)
     * @param writesUndeclared whether the tool writes without declaring where (a tool of a provider that declares
     *        no touches): it then counts as writing its own account
     * @param account the call's own account, or null
     * @param touched every name it touches
     */
    record Call(String subject, String tool, boolean writesUndeclared, Accounts.Entry account, List<Touched> touched) {
    }

    private final ServerSettings settings;
    private final Accounts accounts;

    AccessCheck(ServerSettings settings, Accounts accounts) {
        this.settings = settings;
        this.accounts = accounts;
    }

    /** What declared touches amount to for these arguments; accounts named by arguments are resolved. */
    List<Touched> touched(List<Touch> declared, Map<String, Object> args, Accounts.Entry own) {
        List<Touched> out = new ArrayList<>();
        for (Touch t : declared) {
            if (!t.appliesTo(args)) {
                continue;
            }
            String argument = t.argumentIn(args);
            Object accountName = t.accountArgument() == null ? null : args.get(t.accountArgument());
            Accounts.Entry account = accountName == null ? own : accounts.resolve(accountName.toString(),
                    t.accountArgument());
            if (account == null) {
                account = accounts.resolve(null);
            }
            out.add(new Touched(account, t.kind(), args.get(argument).toString(), t.access(), argument, t.asTool(),
                    t.asWhat()));
        }
        return out;
    }

    /** The call for a tool and its arguments on its account. */
    Call toolCall(McpTool tool, Map<String, Object> args, Accounts.Entry account) {
        boolean undeclared = !tool.readOnly() && tool.touches().stream()
                .noneMatch(t -> t.access() == Touch.Access.WRITE);
        return new Call(tool.name(), tool.name(), undeclared, account, touched(tool.touches(), args, account));
    }

    /** Whether the call may proceed, without saying why. */
    boolean allows(Call call) {
        try {
            check(call);
            return true;
        } catch (StorageException e) {
            return false;
        }
    }

    /**
     * Checks a call.
     *
     * @throws StorageException PERMISSION_DENIED naming the rule that refuses it
     */
    void check(Call call) {
        if (call.tool() != null) {
            String refusal = settings.toolRefusal(call.tool());
            if (refusal != null) {
                throw denied(refusal);
            }
        }
        for (Touched t : call.touched()) {
            if (t.asTool() != null) {
                String refusal = settings.toolRefusal(t.asTool());
                if (refusal != null) {
                    throw denied(call.subject() + " needs the permission of '" + t.asTool() + "' for " + t.asWhat()
                            + ": " + refusal);
                }
            }
        }
        if (settings.readOnly()) {
            for (Touched t : call.touched()) {
                if (t.access() == Touch.Access.WRITE) {
                    throw denied("the server runs with --read-only and " + call.subject() + " writes " + t.describe()
                            + (t.asWhat() == null ? "" : " (for " + t.asWhat() + ")"));
                }
            }
            if (call.writesUndeclared()) {
                throw denied("the server runs with --read-only and '" + call.tool() + "' writes");
            }
        }
        Set<Accounts.Entry> involved = new LinkedHashSet<>();
        if (call.account() != null) {
            involved.add(call.account());
        }
        call.touched().forEach(t -> involved.add(t.account()));
        for (Accounts.Entry account : involved) {
            checkAccount(call, account);
        }
    }

    private void checkAccount(Call call, Accounts.Entry account) {
        AccountPolicy policy = account.policy();
        String policyOf = "the policy of account '" + account.name() + "'";
        if (call.tool() != null && !policy.allowsToolName(call.tool())) {
            throw denied(policyOf + " does not allow '" + call.tool() + "'");
        }
        if (call.writesUndeclared() && policy.readOnly() && account == call.account()) {
            throw denied(policyOf + " does not allow '" + call.tool() + "' (the account is read-only)");
        }
        for (Touched t : call.touched()) {
            if (t.account() != account) {
                continue;
            }
            if (t.asTool() != null && !policy.allowsToolName(t.asTool())) {
                throw denied(call.subject() + " needs the permission of '" + t.asTool() + "' for " + t.asWhat()
                        + ", which " + policyOf + " does not give");
            }
            if (t.access() == Touch.Access.WRITE && policy.readOnly()) {
                throw denied(call.subject() + " writes " + t.describe() + (t.asWhat() == null ? ""
                        : " (for " + t.asWhat() + ")") + ", and " + policyOf + " makes the account read-only");
            }
            // The index tables are written only through the indexes of the tables the policy allows.
            if (t.kind() == NameKind.TABLE && TableIndexes.isSystemTable(t.name())) {
                throw denied(t.argument() + ": table '" + t.name() + "' holds Unistore's secondary indexes and is "
                        + "not open to tools; use the index tools on the indexed table");
            }
            NamePatterns patterns = policy.patternsFor(t.kind());
            if (!patterns.matches(t.name())) {
                throw denied(t.argument() + ": " + t.kind().singular + " '" + t.name() + "' is outside " + policyOf
                        + ", which allows only " + t.kind().configKey + " matching " + patterns);
            }
        }
    }

    /**
     * Names a listing may show: those the account's patterns allow (the listing itself was checked), but not the
     * index tables, which no tool may touch.
     */
    static boolean visible(Accounts.Entry account, NameKind kind, String name) {
        return account.policy().patternsFor(kind).matches(name)
                && !(kind == NameKind.TABLE && TableIndexes.isSystemTable(name));
    }

    /** A read of one name by the named tool's rules (resources, completion). */
    Call read(String subject, String tool, Accounts.Entry account, NameKind kind, String name, String argument) {
        return new Call(subject, tool, false, account, List.of(new Touched(account, kind, name, Touch.Access.READ,
                argument, null, null)));
    }

    /** A prompt: its declared touches, with no tool of its own; {@code own} is its account, or null. */
    Call prompt(String name, List<Touch> declared, Map<String, Object> args, Accounts.Entry own) {
        return new Call("prompt '" + name + "'", null, false, own, touched(declared, args, own));
    }

    /** Whether the tool could run on the account at all (its patterns), before looking at names. */
    boolean allowsTool(String tool, Accounts.Entry account) {
        return allows(new Call(tool, tool, false, account, List.of()));
    }

    private static StorageException denied(String why) {
        return new StorageException(ErrorCode.PERMISSION_DENIED, why);
    }
}
