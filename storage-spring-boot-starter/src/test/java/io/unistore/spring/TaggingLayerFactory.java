package io.unistore.spring;

import io.unistore.StorageException;
import io.unistore.spi.ForwardingAccountBackend;
import io.unistore.spi.Layer;
import io.unistore.spi.LayerFactory;
import java.util.Map;

/**
 * A test layer named {@code tagging}: it changes the account's display name to {@code tagging.tag}, so a test sees
 * that a layer named in the properties, with its options, was stacked.
 */
public final class TaggingLayerFactory implements LayerFactory {

    @Override
    public String name() {
        return "tagging";
    }

    @Override
    public Layer create(Map<String, String> options) {
        String tag = options.get("tag");
        if (tag == null || tag.isBlank()) {
            throw StorageException.invalidArgument("tagging.tag", "is required");
        }
        return inner -> new ForwardingAccountBackend(inner) {
            @Override
            public String displayName() {
                return tag + " " + inner.displayName();
            }
        };
    }
}
