package io.unistore.spi;

/**
 * Watches the calls an {@link ObservingLayer} passes down: told when each starts, how many bytes it moved and
 * how it ended. Audit trails, telemetry and metrics are observers; they never change a call.
 *
 * <p>An observer must be thread-safe: calls arrive from every thread that uses the account.
 */
@FunctionalInterface
public interface CallObserver {

    /**
     * A call is about to run.
     *
     * @return the call's scope, ended exactly once
     */
    Scope start(StoreCall call);

    /** One running call. */
    interface Scope {
        /** Adds bytes the call sent or received (content only). */
        default void bytes(long count) {
        }

        /**
         * The call ended.
         *
         * @param failure null when it succeeded; else what it threw (a {@link io.unistore.StorageException} from
         *                any provider below the API's rules, or an unchecked exception of a provider)
         */
        void end(Throwable failure);
    }
}
