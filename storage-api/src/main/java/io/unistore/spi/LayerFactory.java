package io.unistore.spi;

import java.util.Map;

/**
 * Makes a {@link Layer} by name from options, so an address's options (and the MCP server's config) can name
 * layers: {@code layers=audit,cache}. Register implementations in
 * {@code META-INF/services/io.unistore.spi.LayerFactory} (or {@code provides} in {@code module-info}).
 */
public interface LayerFactory {

    /** The name used in the {@code layers} option, e.g. {@code audit}. */
    String name();

    /**
     * Makes the layer.
     *
     * @param options the account's options whose names start with {@code <name>.}, with that prefix removed
     * @throws io.unistore.StorageException INVALID_ARGUMENT for a bad option, naming it
     */
    Layer create(Map<String, String> options);
}
