package io.unistore.internal;

import io.unistore.StorageException;
import io.unistore.Unistore;
import io.unistore.spi.AccountBackend;
import io.unistore.spi.Layer;
import io.unistore.spi.LayerFactory;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** Stacking layers over an account, and finding the layers an address's options name. */
public final class Layers {
    private Layers() {
    }

    /**
     * The layers the {@code layers} option names, made by their factories with their own options; removes
     * those options from {@code options} so the provider does not see them.
     *
     * @throws StorageException INVALID_ARGUMENT for a layer no installed factory makes
     */
    public static List<Layer> named(Map<String, String> options, ClassLoader loader) {
        String names = options.remove(Unistore.LAYERS_OPTION);
        if (names == null || names.isBlank()) {
            return List.of();
        }
        Map<String, LayerFactory> factories = new TreeMap<>();
        for (LayerFactory f : ServiceLoader.load(LayerFactory.class, loader)) {
            factories.putIfAbsent(f.name(), f);
        }
        List<Layer> layers = new ArrayList<>();
        for (String raw : names.split(",")) {
            String name = raw.trim();
            if (name.isEmpty()) {
                continue;
            }
            LayerFactory factory = factories.get(name);
            if (factory == null) {
                throw StorageException.invalidArgument(Unistore.LAYERS_OPTION, "no installed layer is named '" + name
                        + "' (installed: " + (factories.isEmpty() ? "none" : String.join(", ", factories.keySet()))
                        + ")");
            }
            layers.add(factory.create(optionsOf(name, options)));
        }
        return layers;
    }

    /** Wraps {@code backend} in the layers, the first one outermost. */
    public static AccountBackend stack(AccountBackend backend, List<Layer> layers) {
        AccountBackend top = backend;
        for (int i = layers.size() - 1; i >= 0; i--) {
            AccountBackend wrapped = layers.get(i).apply(top);
            if (wrapped == null) {
                throw new IllegalStateException("layer " + layers.get(i) + " returned no account");
            }
            top = wrapped;
        }
        return top;
    }

    private static Map<String, String> optionsOf(String layer, Map<String, String> options) {
        String prefix = layer + ".";
        Map<String, String> own = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, String>> it = options.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, String> e = it.next();
            if (e.getKey().startsWith(prefix)) {
                own.put(e.getKey().substring(prefix.length()), e.getValue());
                it.remove();
            }
        }
        return own;
    }
}
