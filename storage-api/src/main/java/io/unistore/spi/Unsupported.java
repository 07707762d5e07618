package io.unistore.spi;

import io.unistore.StorageException;

/** The UNSUPPORTED failures of the SPI's defaults. */
final class Unsupported {
    private Unsupported() {
    }

    static StorageException operation(String name) {
        return StorageException.unsupported(name + " is not implemented by this provider");
    }

    static StorageException store(String store, String providerId) {
        return StorageException.unsupported("the " + providerId + " provider serves no " + store);
    }
}
