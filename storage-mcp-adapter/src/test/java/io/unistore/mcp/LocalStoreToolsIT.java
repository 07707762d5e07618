package io.unistore.mcp;

/** The store tools on the embedded local provider. */
class LocalStoreToolsIT extends StoreToolsContract {
    @Override
    Backend backend() {
        return Backend.local();
    }
}
