package io.unistore.mcp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * One container, table, queue or share a tool (or a prompt) touches, declared as data on the tool rather than
 * checked by its handler: which argument names it (the first given of several), on which account, whether the
 * call reads or writes it, when (a touch may depend on other arguments), and which other tool's permission it
 * also needs, when the call does what that tool does (a batch's delete actions are what {@code delete-entity}
 * does). The server checks every touch of a call in one place before the handler runs. Immutable.
 *
 * <pre>{@code
 * McpTool.builder("copy-blob")
 *     .touches(Touch.reads(NameKind.CONTAINER, "container"),
 *              Touch.writes(NameKind.CONTAINER, "targetContainer"))
 * }</pre>
 */
public final class Touch {
    /** Whether a call reads or writes what it touches. */
    public enum Access {
        /** Reads (lists, downloads, peeks). */
        READ,
        /** Creates, changes or deletes. */
        WRITE
    }

    private final NameKind kind;
    private final List<String> arguments;
    private final Access access;
    private final String accountArgument;
    private final Predicate<Map<String, Object>> condition;
    private final String asTool;
    private final String asWhat;

    private Touch(NameKind kind, List<String> arguments, Access access, String accountArgument,
                  Predicate<Map<String, Object>> condition, String asTool, String asWhat) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.arguments = List.copyOf(arguments);
        this.access = access;
        this.accountArgument = accountArgument;
        this.condition = condition;
        this.asTool = asTool;
        this.asWhat = asWhat;
    }

    /** The call reads the {@code kind} named by {@code argument}. */
    public static Touch reads(NameKind kind, String argument) {
        return new Touch(kind, List.of(argument), Access.READ, null, null, null, null);
    }

    /** The call writes the {@code kind} named by {@code argument}. */
    public static Touch writes(NameKind kind, String argument) {
        return new Touch(kind, List.of(argument), Access.WRITE, null, null, null, null);
    }

    /** When the earlier arguments are absent, {@code argument} names it (e.g. a target defaulting to the source). */
    public Touch orElse(String argument) {
        List<String> more = new ArrayList<>(arguments);
        more.add(argument);
        return new Touch(kind, more, access, accountArgument, condition, asTool, asWhat);
    }

    /** It is on the served account named by {@code argument} (default: the call's account). */
    public Touch onAccount(String argument) {
        return new Touch(kind, arguments, access, argument, condition, asTool, asWhat);
    }

    /** It is touched only when the arguments satisfy the condition. */
    public Touch when(Predicate<Map<String, Object>> test) {
        return new Touch(kind, arguments, access, accountArgument, test, asTool, asWhat);
    }

    /**
     * It also needs the permission of {@code tool}, whose work the call does here; {@code what} says which part of
     * the call needs it for, as refusals say it ("its delete actions").
     */
    public Touch as(String tool, String what) {
        return new Touch(kind, arguments, access, accountArgument, condition, tool, what);
    }

    public NameKind kind() {
        return kind;
    }

    /** The arguments that may name it, in order of preference. */
    public List<String> arguments() {
        return arguments;
    }

    public Access access() {
        return access;
    }

    /** The argument naming its account, or null for the call's own account. */
    public String accountArgument() {
        return accountArgument;
    }

    /** The tool whose permission it also needs, or null. */
    public String asTool() {
        return asTool;
    }

    /** Which part of the call does that tool's work, or null. */
    public String asWhat() {
        return asWhat;
    }

    /** Whether the call with these arguments touches it (its condition holds and an argument names it). */
    boolean appliesTo(Map<String, Object> args) {
        return (condition == null || condition.test(args)) && argumentIn(args) != null;
    }

    /** The argument that names it in these arguments, or null. */
    String argumentIn(Map<String, Object> args) {
        for (String a : arguments) {
            if (args.get(a) != null) {
                return a;
            }
        }
        return null;
    }
}
