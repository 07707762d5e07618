package io.unistore;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an account can do, its limits and the names it accepts: declared by the provider as data, checked by
 * the API in one place before any call reaches the provider, and read by the conformance kit and the MCP
 * server to decide what to test and which tools to list. Immutable.
 */
public final class Capabilities {
    private final Set<Capability> capabilities;
    private final Limits limits;
    private final NamingRules naming;

    private Capabilities(Set<Capability> capabilities, Limits limits, NamingRules naming) {
        this.capabilities = capabilities.isEmpty()
                ? Collections.unmodifiableSet(EnumSet.noneOf(Capability.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(capabilities));
        this.limits = Objects.requireNonNull(limits, "limits");
        this.naming = Objects.requireNonNull(naming, "naming");
    }

    /** The given capabilities with the default limits and the portable naming rules. */
    public static Capabilities of(Capability... capabilities) {
        EnumSet<Capability> set = EnumSet.noneOf(Capability.class);
        Collections.addAll(set, capabilities);
        return new Capabilities(set, Limits.defaults(), NamingRules.portable());
    }

    /** The declared capabilities. */
    public Set<Capability> capabilities() {
        return capabilities;
    }

    /** The declared limits. */
    public Limits limits() {
        return limits;
    }

    /** The declared naming rules. */
    public NamingRules naming() {
        return naming;
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
        EnumSet<Capability> set = EnumSet.noneOf(Capability.class);
        set.addAll(capabilities);
        set.add(capability);
        return new Capabilities(set, limits, naming);
    }

    /** A copy without a capability. */
    public Capabilities without(Capability capability) {
        EnumSet<Capability> set = EnumSet.noneOf(Capability.class);
        set.addAll(capabilities);
        set.remove(capability);
        return new Capabilities(set, limits, naming);
    }

    /** A copy with other limits. */
    public Capabilities withLimits(Limits value) {
        return new Capabilities(capabilities, value, naming);
    }

    /** A copy with other naming rules. */
    public Capabilities withNaming(NamingRules value) {
        return new Capabilities(capabilities, limits, value);
    }

    /** A copy whose naming rules take the service's own metadata rules. */
    public Capabilities withMetadataRules(MetadataRules rules) {
        return withNaming(naming.toBuilder().metadata(rules).build());
    }

    /** A copy whose naming rules take the table service's own property name rule. */
    public Capabilities withPropertyNames(NameRule rule) {
        return withNaming(naming.toBuilder().propertyNames(rule).build());
    }

    /** What the service accepts as user metadata: {@code naming().metadataRules()}. */
    public MetadataRules metadataRules() {
        return naming.metadataRules();
    }

    /** What the table service accepts as a property name: {@code naming().propertyNames()}. */
    public NameRule propertyNames() {
        return naming.propertyNames();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Capabilities c && c.capabilities.equals(capabilities) && c.limits.equals(limits)
                && c.naming == naming;
    }

    @Override
    public int hashCode() {
        return Objects.hash(capabilities, limits);
    }

    @Override
    public String toString() {
        return capabilities.stream().map(Enum::name).collect(Collectors.joining(", ", "[", "]"));
    }
}
