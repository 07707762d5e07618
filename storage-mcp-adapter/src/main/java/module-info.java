/**
 * unistore-mcp: any Unistore account as MCP tools, resources and prompts, over stdio or Streamable HTTP. An
 * application: it exports nothing, and finds the providers on the class or module path at run time.
 */
module io.unistore.mcp {
    requires io.unistore.api;
    requires io.unistore.ops;
    requires io.unistore.content;
    requires io.unistore.config;
    requires io.unistore.audit;
    requires io.unistore.crypto;
    requires io.opentelemetry.api;
    requires io.opentelemetry.sdk;
    requires io.opentelemetry.sdk.common;
    requires io.opentelemetry.sdk.trace;
    requires io.opentelemetry.sdk.metrics;
    requires io.opentelemetry.exporter.otlp;
    requires io.opentelemetry.sdk.autoconfigure;
    requires com.azure.monitor.opentelemetry.autoconfigure;
    requires com.azure.core;
    requires io.modelcontextprotocol.sdk.mcp.core;
    requires io.modelcontextprotocol.sdk.mcp.json.jackson3;
    requires tools.jackson.databind;
    requires com.networknt.schema;
    requires reactor.core;
    requires org.reactivestreams;
    requires tools.jackson.dataformat.yaml;
    requires info.picocli;
    requires org.eclipse.jetty.ee10.servlet;
    requires org.slf4j;

    // picocli reads the commands' annotated fields by reflection.
    opens io.unistore.mcp to info.picocli;
}
