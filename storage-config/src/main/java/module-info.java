/**
 * The accounts file of the Unistore applications ({@code unistore-mcp}, {@code unistore}): account names, provider
 * addresses and options, secrets from the environment. Each application reads its own extra keys (the server's
 * {@code policy}) from what this returns.
 */
module io.unistore.config {
    requires transitive tools.jackson.databind;
    requires tools.jackson.dataformat.yaml;

    exports io.unistore.config;
}
