package io.unistore.spi;

import java.util.List;
import java.util.Objects;

/**
 * One call an {@link ObservingLayer} reports to its {@link CallObserver}: which store, which SPI operation,
 * whether it writes, and the names it acts on.
 *
 * @param store   {@code blob}, {@code table}, {@code queue} or {@code file}
 * @param operation the SPI method's name ({@code upload}, {@code getEntity}, {@code listContainers}...)
 * @param writes  whether the call changes stored state
 * @param targets the names the call acts on, outermost first ({@code [container, blob]}, {@code [table,
 *                partitionKey, rowKey]}, a copy's source then target); never content, metadata or secrets
 */
public record StoreCall(String store, String operation, boolean writes, List<String> targets) {

    public StoreCall {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(operation, "operation");
        targets = targets == null ? List.of() : targets.stream().map(t -> t == null ? "" : t).toList();
    }

    /** {@code store.operation}, e.g. {@code blob.upload}. */
    public String name() {
        return store + "." + operation;
    }
}
