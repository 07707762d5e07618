package io.unistore;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an account can do, and its limits. Immutable.
 *
 * @param capabilities the declared capabilities
 * @param maxTransactionActions the most actions one table transaction may hold (Azure: 100)
 * @param maxQueueMessageBytes the largest queue message the service stores, in UTF-8 bytes of its text (Azure:
 *                             64 KiB): a body's limit with {@code queueMessageEncoding=none}, 3/4 of it with
 *                             {@code base64} ({@link io.unistore.queue.QueueMessageEncoding#maxBodyBytes})
 * @param maxPageSize the largest page any list call returns
 * @param metadataRules what the service accepts as user metadata (keys, their case, values, size)
 * @param propertyNames what the table service accepts as a property name
 */
public record Capabilities(Set<Capability> capabilities, int maxTransactionActions, int maxQueueMessageBytes,
                           int maxPageSize, MetadataRules metadataRules, NameRule propertyNames) {

    /** Default limits, those of Azure Storage. */
    public static final int DEFAULT_MAX_TRANSACTION_ACTIONS = 100;
    public static final int DEFAULT_MAX_QUEUE_MESSAGE_BYTES = 64 * 1024;
    public static final int DEFAULT_MAX_PAGE_SIZE = 1000;
    /** The default property name rule: ASCII identifiers of at most 255 characters, which every table service takes. */
    public static final NameRule DEFAULT_PROPERTY_NAMES = NameRule.of(NameRule.ASCII_IDENTIFIER.description()
            + " of at most 255 characters", NameRule.ASCII_IDENTIFIER.regex(), 255);

    public Capabilities {
        Objects.requireNonNull(capabilities, "capabilities");
        Objects.requireNonNull(metadataRules, "metadataRules");
        Objects.requireNonNull(propertyNames, "propertyNames");
        capabilities = capabilities.isEmpty()
                ? Collections.unmodifiableSet(EnumSet.noneOf(Capability.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(capabilities));
        if (maxTransactionActions < 0 || maxQueueMessageBytes < 0 || maxPageSize < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /** Capabilities and limits with the portable metadata and property name rules. */
    public Capabilities(Set<Capability> capabilities, int maxTransactionActions, int maxQueueMessageBytes,
                        int maxPageSize) {
        this(capabilities, maxTransactionActions, maxQueueMessageBytes, maxPageSize, MetadataRules.PORTABLE,
                DEFAULT_PROPERTY_NAMES);
    }

    /** The given capabilities with the default limits and rules. */
    public static Capabilities of(Capability... capabilities) {
        EnumSet<Capability> set = EnumSet.noneOf(Capability.class);
        Collections.addAll(set, capabilities);
        return new Capabilities(set, DEFAULT_MAX_TRANSACTION_ACTIONS, DEFAULT_MAX_QUEUE_MESSAGE_BYTES,
                DEFAULT_MAX_PAGE_SIZE);
    }

    /** Whether the capability is declared. */
    public boolean has(Capability capability) {
        return capabilities.contains(capability);
    }

    /**
     * Throws {@link ErrorCode#UNSUPPORTED} unless the capability is declared.
     *
     * @param operation what the caller tried, for the message
     * @throws StorageException with code UNSUPPORTED
     */
    public void require(Capability capability, String operation) {
        if (!has(capability)) {
            throw new StorageException(ErrorCode.UNSUPPORTED, operation + " needs capability " + capability
                    + ", which this account does not declare (it declares " + this + ")");
        }
    }

    /** A copy with one more capability. */
    public Capabilities with(Capability capability) {
        EnumSet<Capability> set = capabilities.isEmpty() ? EnumSet.noneOf(Capability.class)
                : EnumSet.copyOf(capabilities);
        set.add(capability);
        return new Capabilities(set, maxTransactionActions, maxQueueMessageBytes, maxPageSize, metadataRules,
                propertyNames);
    }

    /** A copy without a capability. */
    public Capabilities without(Capability capability) {
        EnumSet<Capability> set = capabilities.isEmpty() ? EnumSet.noneOf(Capability.class)
                : EnumSet.copyOf(capabilities);
        set.remove(capability);
        return new Capabilities(set, maxTransactionActions, maxQueueMessageBytes, maxPageSize, metadataRules,
                propertyNames);
    }

    /** A copy with other limits. */
    public Capabilities withLimits(int maxTransactionActions, int maxQueueMessageBytes, int maxPageSize) {
        return new Capabilities(capabilities, maxTransactionActions, maxQueueMessageBytes, maxPageSize,
                metadataRules, propertyNames);
    }

    /** A copy declaring the service's own metadata rules. */
    public Capabilities withMetadataRules(MetadataRules rules) {
        return new Capabilities(capabilities, maxTransactionActions, maxQueueMessageBytes, maxPageSize, rules,
                propertyNames);
    }

    /** A copy declaring the table service's own property name rule. */
    public Capabilities withPropertyNames(NameRule rule) {
        return new Capabilities(capabilities, maxTransactionActions, maxQueueMessageBytes, maxPageSize,
                metadataRules, rule);
    }

    @Override
    public String toString() {
        return capabilities.stream().map(Enum::name).collect(Collectors.joining(", ", "[", "]"));
    }
}
