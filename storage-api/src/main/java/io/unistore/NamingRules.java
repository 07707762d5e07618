package io.unistore;

import io.unistore.spi.NameRules;
import java.util.Map;
import java.util.Objects;

/**
 * The names an account accepts, declared by its provider as data and checked by the API before any call
 * reaches the provider. Each check returns the name (normalised where the rule says so, e.g. a file path
 * without leading or trailing {@code /}) or throws INVALID_ARGUMENT naming the argument and the rule.
 *
 * <p>{@link #portable()} holds Azure Storage's rules, the strictest of the clouds: a provider starts from it
 * and replaces the rules its service defines otherwise ({@code toBuilder().metadata(...)}), so that
 * anything the service returns can be written back unchanged. Immutable.
 */
public final class NamingRules {

    /** A rule for one kind of name. */
    @FunctionalInterface
    public interface Rule {
        /**
         * Checks a name.
         *
         * @param argument the argument's name for the message, e.g. {@code container}
         * @return the name to use
         * @throws StorageException INVALID_ARGUMENT naming the argument and the rule
         */
        String check(String argument, String name);
    }

    /** ASCII identifiers of at most 255 characters: the property names every table service takes. */
    public static final NameRule PORTABLE_PROPERTY_NAMES = NameRule.of(NameRule.ASCII_IDENTIFIER.description()
            + " of at most 255 characters", NameRule.ASCII_IDENTIFIER.regex(), 255);

    private static final NamingRules PORTABLE = new Builder()
            .container((a, n) -> NameRules.lowercaseDns(a, n))
            .newContainer((a, n) -> NameRules.lowercaseDns(a, n))
            .queue((a, n) -> NameRules.lowercaseDns(a, n))
            .share((a, n) -> NameRules.lowercaseDns(a, n))
            .table((a, n) -> NameRules.table(n))
            .blob((a, n) -> NameRules.blob(n))
            .filePath((a, n) -> NameRules.filePath(n))
            .key(NameRules::key)
            .propertyNames(PORTABLE_PROPERTY_NAMES)
            .metadata(MetadataRules.PORTABLE)
            .build();

    private final Rule container;
    private final Rule newContainer;
    private final Rule queue;
    private final Rule share;
    private final Rule table;
    private final Rule blob;
    private final Rule filePath;
    private final Rule key;
    private final NameRule propertyNames;
    private final MetadataRules metadata;

    private NamingRules(Builder b) {
        this.container = Objects.requireNonNull(b.container, "container rule");
        this.newContainer = Objects.requireNonNull(b.newContainer, "newContainer rule");
        this.queue = Objects.requireNonNull(b.queue, "queue rule");
        this.share = Objects.requireNonNull(b.share, "share rule");
        this.table = Objects.requireNonNull(b.table, "table rule");
        this.blob = Objects.requireNonNull(b.blob, "blob rule");
        this.filePath = Objects.requireNonNull(b.filePath, "filePath rule");
        this.key = Objects.requireNonNull(b.key, "key rule");
        this.propertyNames = Objects.requireNonNull(b.propertyNames, "propertyNames rule");
        this.metadata = Objects.requireNonNull(b.metadata, "metadata rule");
    }

    /**
     * Azure Storage's rules: containers, queues and shares of 3-63 lowercase letters, digits and single
     * hyphens; tables of 3-63 letters and digits starting with a letter; blob names of 1-1024 characters
     * without control characters, a leading {@code /} or a {@code .}/{@code ..} segment; file paths of
     * segments without {@code \ : * ? " < > |}; keys of at most 1 KiB without {@code / \ # ?}; property names
     * and metadata keys that are ASCII identifiers; metadata values of printable ASCII, 2 KiB in all (S3's limit).
     */
    public static NamingRules portable() {
        return PORTABLE;
    }

    /** A builder starting from these rules. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.container = container;
        b.newContainer = newContainer;
        b.queue = queue;
        b.share = share;
        b.table = table;
        b.blob = blob;
        b.filePath = filePath;
        b.key = key;
        b.propertyNames = propertyNames;
        b.metadata = metadata;
        return b;
    }

    /** Checks a container name. */
    public String container(String name) {
        return container.check("container", name);
    }

    /**
     * Checks the name of a container to create. It is the portable rule unless a provider replaces it: a
     * service may accept more names for containers that exist already (S3 buckets made elsewhere with dots)
     * than it lets the API create, so new containers stay portable.
     */
    public String newContainer(String name) {
        return newContainer.check("container", name);
    }

    /** Checks a container name given as another argument (e.g. {@code targetContainer}). */
    public String container(String argument, String name) {
        return container.check(argument, name);
    }

    /** Checks a queue name. */
    public String queue(String name) {
        return queue.check("queue", name);
    }

    /** Checks a share name. */
    public String share(String name) {
        return share.check("share", name);
    }

    /** Checks a table name. */
    public String table(String name) {
        return table.check("table", name);
    }

    /** Checks a blob name. */
    public String blob(String name) {
        return blob.check("blob", name);
    }

    /** Checks a blob name given as another argument. */
    public String blob(String argument, String name) {
        return blob.check(argument, name);
    }

    /** Checks a file share path; returns it without leading or trailing {@code /} ({@code ""}: the root). */
    public String filePath(String path) {
        return filePath.check("path", path);
    }

    /** Checks a PartitionKey or RowKey ({@code argument} names which). */
    public String key(String argument, String key) {
        return this.key.check(argument, key);
    }

    /** Checks an entity property name. */
    public String propertyName(String name) {
        return propertyNames.check("property", name);
    }

    /** What the table service accepts as a property name, as data (the MCP server describes it). */
    public NameRule propertyNames() {
        return propertyNames;
    }

    /** Checks metadata; null is empty. */
    public Map<String, String> metadata(Map<String, String> metadata) {
        return this.metadata.check(metadata);
    }

    /** What the service accepts as user metadata: keys, their case, values and size. */
    public MetadataRules metadataRules() {
        return metadata;
    }

    /** Builds naming rules; every rule must be set (start from {@link NamingRules#toBuilder()}). */
    public static final class Builder {
        private Rule container;
        private Rule newContainer;
        private Rule queue;
        private Rule share;
        private Rule table;
        private Rule blob;
        private Rule filePath;
        private Rule key;
        private NameRule propertyNames;
        private MetadataRules metadata;

        private Builder() {
        }

        public Builder container(Rule rule) {
            this.container = rule;
            return this;
        }

        /** The rule for containers to create (see {@link NamingRules#newContainer}). */
        public Builder newContainer(Rule rule) {
            this.newContainer = rule;
            return this;
        }

        public Builder queue(Rule rule) {
            this.queue = rule;
            return this;
        }

        public Builder share(Rule rule) {
            this.share = rule;
            return this;
        }

        public Builder table(Rule rule) {
            this.table = rule;
            return this;
        }

        public Builder blob(Rule rule) {
            this.blob = rule;
            return this;
        }

        public Builder filePath(Rule rule) {
            this.filePath = rule;
            return this;
        }

        public Builder key(Rule rule) {
            this.key = rule;
            return this;
        }

        public Builder propertyNames(NameRule rule) {
            this.propertyNames = rule;
            return this;
        }

        public Builder metadata(MetadataRules rules) {
            this.metadata = rules;
            return this;
        }

        public NamingRules build() {
            return new NamingRules(this);
        }
    }
}
