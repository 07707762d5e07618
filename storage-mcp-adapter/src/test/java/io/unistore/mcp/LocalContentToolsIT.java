package io.unistore.mcp;

/** The content tools on the embedded local provider. */
class LocalContentToolsIT extends ContentToolsContract {
    @Override
    Backend backend() {
        return Backend.local();
    }
}
