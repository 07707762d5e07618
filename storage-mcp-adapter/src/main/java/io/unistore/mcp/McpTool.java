package io.unistore.mcp;

import io.unistore.Capability;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A tool unistore-mcp can serve: its name, description, JSON schemas, behaviour hints, the capabilities an
 * account needs for it, and its handler. Immutable; build with {@link #builder(String)}.
 *
 * <p>The server adds the {@code account} argument to every input schema itself; handlers read it through
 * {@link ToolCall#account()}. What a tool touches (containers, tables, queues, shares) is declared with
 * {@link Builder#touches}, and checked by the server, not the handler.
 */
public final class McpTool {
    private final String name;
    private final String title;
    private final String description;
    private final Map<String, Object> inputSchema;
    private final Map<String, Object> outputSchema;
    private final boolean readOnly;
    private final boolean destructive;
    private final boolean idempotent;
    private final Set<Capability> requires;
    private final List<Touch> touches;
    private final McpTool readOnlyForm;
    private final ToolHandler handler;
    private final Predicate<Map<String, String>> servedWhere;
    private final String whyNotServed;

    private McpTool(Builder b) {
        this.name = b.name;
        this.title = b.title;
        this.description = Objects.requireNonNull(b.description, "description");
        this.inputSchema = Objects.requireNonNull(b.inputSchema, "inputSchema");
        this.outputSchema = Objects.requireNonNull(b.outputSchema, "outputSchema");
        this.readOnly = b.readOnly;
        this.destructive = b.destructive;
        this.idempotent = b.idempotent;
        this.requires = Set.copyOf(b.requires);
        this.touches = List.copyOf(b.touches);
        this.readOnlyForm = b.readOnlyForm;
        this.handler = Objects.requireNonNull(b.handler, "handler");
        this.servedWhere = b.servedWhere;
        this.whyNotServed = b.whyNotServed;
        if (readOnly && touches.stream().anyMatch(t -> t.access() == Touch.Access.WRITE)) {
            throw new IllegalArgumentException(name + " is read-only but declares that it writes");
        }
        if (readOnlyForm != null && (readOnly || !readOnlyForm.readOnly() || !readOnlyForm.name.equals(name))) {
            throw new IllegalArgumentException(name + ": the read-only form of a writing tool is a read-only tool of "
                    + "the same name");
        }
    }

    /** A builder for the tool named {@code name} (lowercase words joined by hyphens). */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    public String name() {
        return name;
    }

    /** A short human title. */
    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    /** The input schema without the {@code account} argument (the server adds it). */
    public Map<String, Object> inputSchema() {
        return inputSchema;
    }

    public Map<String, Object> outputSchema() {
        return outputSchema;
    }

    /** Whether the tool only reads: read-only servers list only these. */
    public boolean readOnly() {
        return readOnly;
    }

    /** Whether the tool may delete or overwrite data. */
    public boolean destructive() {
        return destructive;
    }

    /** Whether repeating the call with the same arguments has no further effect. */
    public boolean idempotent() {
        return idempotent;
    }

    /** The capabilities an account needs for this tool. */
    public Set<Capability> requires() {
        return requires;
    }

    /** What the tool touches, declared: the server checks each before the handler runs. */
    public List<Touch> touches() {
        return touches;
    }

    /**
     * The form of this tool served where it may not write (a read-only server or account), or null when it has
     * none: same name, a narrower schema, read-only.
     */
    public McpTool readOnlyForm() {
        return readOnlyForm;
    }

    /** Whether an account opened with these options serves the tool (its capabilities aside). */
    public boolean servedOn(Map<String, String> accountOptions) {
        return servedWhere.test(accountOptions);
    }

    /** Why an account that fails {@link #servedOn} does not serve the tool, and how to make it. */
    public String whyNotServed() {
        return whyNotServed;
    }

    public ToolHandler handler() {
        return handler;
    }

    /** Builds a {@link McpTool}. */
    public static final class Builder {
        private final String name;
        private String title;
        private String description;
        private Map<String, Object> inputSchema;
        private Map<String, Object> outputSchema;
        private boolean readOnly;
        private boolean destructive;
        private boolean idempotent;
        private final Set<Capability> requires = EnumSet.noneOf(Capability.class);
        private final List<Touch> touches = new ArrayList<>();
        private McpTool readOnlyForm;
        private ToolHandler handler;
        private Predicate<Map<String, String>> servedWhere = options -> true;
        private String whyNotServed = "";

        private Builder(String name) {
            if (name == null || !name.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*")) {
                throw new IllegalArgumentException("tool names are lowercase words joined by hyphens: " + name);
            }
            this.name = name;
        }

        public Builder title(String v) {
            title = v;
            return this;
        }

        public Builder description(String v) {
            description = v;
            return this;
        }

        public Builder input(Map<String, Object> schema) {
            inputSchema = schema;
            return this;
        }

        public Builder output(Map<String, Object> schema) {
            outputSchema = schema;
            return this;
        }

        /** Marks a tool that only reads (not destructive, idempotent). */
        public Builder readOnly() {
            readOnly = true;
            destructive = false;
            idempotent = true;
            return this;
        }

        /** Marks a tool that writes; {@code destructive} if it may delete or overwrite data. */
        public Builder writes(boolean isDestructive, boolean isIdempotent) {
            readOnly = false;
            destructive = isDestructive;
            idempotent = isIdempotent;
            return this;
        }

        public Builder requires(Capability... capabilities) {
            requires.addAll(Set.of(capabilities));
            return this;
        }

        /**
         * Declares what the tool touches. A handler can read a name through {@link ToolCall#container} and the
         * like only when a touch declares its argument: every name is checked by the server, never by the handler.
         */
        public Builder touches(Touch... declared) {
            touches.addAll(List.of(declared));
            return this;
        }

        /** The form served where this (writing) tool may not write; see {@link McpTool#readOnlyForm()}. */
        public Builder readOnlyForm(McpTool v) {
            readOnlyForm = v;
            return this;
        }

        /**
         * Serves the tool only on accounts whose options pass {@code test} (the audit tools: accounts with the audit
         * layer); elsewhere it is not listed for them and a call is UNSUPPORTED saying {@code whyNot}.
         */
        public Builder servedWhere(Predicate<Map<String, String>> test, String whyNot) {
            servedWhere = Objects.requireNonNull(test, "test");
            whyNotServed = Objects.requireNonNull(whyNot, "whyNot");
            return this;
        }

        public Builder handler(ToolHandler v) {
            handler = v;
            return this;
        }

        public McpTool build() {
            return new McpTool(this);
        }
    }
}
