package io.unistore.spi;


/**
 * A storage provider, found with {@link java.util.ServiceLoader}: register the implementation in
 * {@code META-INF/services/io.unistore.spi.StorageProvider}. One instance serves every account it opens.
 *
 * <p>{@link io.unistore.Unistore#open(String)} asks every installed provider whether it
 * {@linkplain #accepts accepts} the address; exactly one must. Implementations must be thread-safe and must
 * never put secrets into messages, logs or {@code toString()}.
 */
public interface StorageProvider {

    /** A short stable id users can name explicitly: {@code local}, {@code azure}, {@code aws}, {@code gcp}. */
    String id();

    /** The addresses this provider accepts, for error messages, e.g. {@code "file:<dir> or a directory path"}. */
    String addressHelp();

    /**
     * Whether this provider claims the address. Must be cheap and must not do I/O.
     */
    boolean accepts(String address);

    /**
     * Opens an account.
     *
     * @throws io.unistore.StorageException INVALID_ARGUMENT for a malformed address or option,
     *         UNAUTHENTICATED when no credentials can be found
     */
    AccountBackend open(ProviderConfig config);
}
