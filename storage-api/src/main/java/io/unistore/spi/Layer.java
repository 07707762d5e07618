package io.unistore.spi;

/**
 * A cross-cutting feature (audit, cache, encryption, telemetry, a test's fault or counter) wrapped around an
 * account: it receives the account below it and returns one that adds its behaviour, usually a subclass of
 * {@link ForwardingAccountBackend} whose stores extend {@code Forwarding*Backend}. Layers sit below the API's
 * rules (they see only valid, supported calls) and above the provider.
 *
 * <p>Stack layers with {@code Unistore.builder().layer(...)} or the account option {@code layers} (names of
 * {@link LayerFactory}s); the first one given is the outermost, the first to see a call.
 */
@FunctionalInterface
public interface Layer {

    /**
     * Wraps an account.
     *
     * @param inner the account below this layer (another layer, or the provider's)
     * @return the account with this layer's behaviour; may declare fewer capabilities than {@code inner}
     */
    AccountBackend apply(AccountBackend inner);
}
