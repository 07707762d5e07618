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
 * @param maxQueueMessageBytes the largest queue message body, in bytes (Azure: 64 KiB of text)
 * @param maxPageSize the largest page any list call returns
 */
public record Capabilities(Set<Capability> capabilities, int maxTransactionActions, int maxQueueMessageBytes,
                           int maxPageSize) {

    /** Default limits, those of Azure Storage. */
    public static final int DEFAULT_MAX_TRANSACTION_ACTIONS = 100;
    public static final int DEFAULT_MAX_QUEUE_MESSAGE_BYTES = 64 * 1024;
    public static final int DEFAULT_MAX_PAGE_SIZE = 1000;

    public Capabilities {
        Objects.requireNonNull(capabilities, "capabilities");
        capabilities = capabilities.isEmpty()
                ? Collections.unmodifiableSet(EnumSet.noneOf(Capability.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(capabilities));
        if (maxTransactionActions < 0 || maxQueueMessageBytes < 0 || maxPageSize < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /** The given capabilities with the default limits. */
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
        return new Capabilities(set, maxTransactionActions, maxQueueMessageBytes, maxPageSize);
    }

    /** A copy without a capability. */
    public Capabilities without(Capability capability) {
        EnumSet<Capability> set = capabilities.isEmpty() ? EnumSet.noneOf(Capability.class)
                : EnumSet.copyOf(capabilities);
        set.remove(capability);
        return new Capabilities(set, maxTransactionActions, maxQueueMessageBytes, maxPageSize);
    }

    /** A copy with other limits. */
    public Capabilities withLimits(int maxTransactionActions, int maxQueueMessageBytes, int maxPageSize) {
        return new Capabilities(capabilities, maxTransactionActions, maxQueueMessageBytes, maxPageSize);
    }

    @Override
    public String toString() {
        return capabilities.stream().map(Enum::name).collect(Collectors.joining(", ", "[", "]"));
    }
}
