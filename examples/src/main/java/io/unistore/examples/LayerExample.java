package io.unistore.examples;

import io.unistore.StorageAccount;
import io.unistore.Unistore;
import java.time.Duration;

/** Opens an account with {@link SlowCallLayer} stacked on it and makes two calls through it. */
public final class LayerExample {
    private LayerExample() {
    }

    public static void main(String[] args) {
        String address = args.length > 0 ? args[0] : "file:unistore-data";
        try (StorageAccount account = Unistore.builder().address(address)
                .layer(new SlowCallLayer(Duration.ZERO, System.out::println)).open()) {
            account.blobs().createContainerIfNotExists("layer-demo");
            account.blobs().upload("layer-demo", "hello.txt", "hello through a layer".getBytes());
            account.blobs().getProperties("layer-demo", "hello.txt");
        }
    }
}
