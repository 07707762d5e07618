package io.unistore.mcp;

/** The file content tools on the embedded local provider. */
class LocalFileContentToolsIT extends FileContentToolsContract {
    @Override
    Backend backend() {
        return Backend.local();
    }
}
