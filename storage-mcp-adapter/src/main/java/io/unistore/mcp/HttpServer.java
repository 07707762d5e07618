package io.unistore.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.server.transport.ServerTransportSecurityValidator;
import jakarta.servlet.DispatcherType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streamable HTTP at {@code http://HOST:PORT/mcp}: the SDK's servlet transport in an embedded Jetty. Host and
 * Origin headers must name this server (DNS-rebinding protection); every request needs the bearer token (unless
 * --no-auth); each POSTed message is read and checked first ({@link HttpMessageFilter}).
 */
final class HttpServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);
    static final String ENDPOINT = "/mcp";

    private final Server jetty;
    private final HttpServletStreamableServerTransportProvider transport;

    private HttpServer(Server jetty, HttpServletStreamableServerTransportProvider transport) {
        this.jetty = jetty;
        this.transport = transport;
    }

    /**
     * Starts the server.
     *
     * @param extraHosts more host names clients may use (e.g. the machine's DNS name behind a non-loopback bind)
     */
    static HttpServer start(McpJsonMapper json, ProtocolHandlers handlers, BindAddress bind, String token,
                            List<String> extraHosts, int maxMessageBytes) throws Exception {
        Server jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost(bind.host());
        connector.setPort(bind.port());
        jetty.addConnector(connector);
        // The port is known only once bound (port 0 picks a free one); hosts are checked lazily against it.
        List<String> hosts = new ArrayList<>();
        List<String> origins = new ArrayList<>();
        ServerTransportSecurityValidator hostCheck = headers -> DefaultServerTransportSecurityValidator.builder()
                .allowedHosts(hosts).allowedOrigins(origins).build().validateHeaders(headers);
        HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
                .jsonMapper(json).mcpEndpoint(ENDPOINT).keepAliveInterval(Duration.ofSeconds(30))
                .securityValidator(hostCheck).maxRequestSize(maxMessageBytes)
                .build();
        transport.setSessionFactory(handlers.sessions(transport.protocolVersions()).streamable());
        ServletContextHandler context = new ServletContextHandler("/");
        if (token != null) {
            context.addFilter(new FilterHolder(new HttpGuard(token)), "/*", EnumSet.of(DispatcherType.REQUEST));
        }
        context.addFilter(new FilterHolder(new HttpMessageFilter(hostCheck, new InboundMessage(json,
                maxMessageBytes))), ENDPOINT, EnumSet.of(DispatcherType.REQUEST));
        ServletHolder holder = new ServletHolder(transport);
        holder.setAsyncSupported(true);
        context.addServlet(holder, ENDPOINT);
        jetty.setHandler(context);
        jetty.start();
        int port = connector.getLocalPort();
        List<String> names = new ArrayList<>(List.of(bind.host()));
        if (bind.isLoopback()) {
            names.addAll(List.of("localhost", "127.0.0.1", "[::1]"));
        }
        names.addAll(extraHosts);
        for (String name : names) {
            String host = name.contains(":") && !name.startsWith("[") ? "[" + name + "]" : name;
            hosts.add(host + ":" + port);
            origins.add("http://" + host + ":" + port);
            origins.add("https://" + host + ":" + port);
        }
        // A name given with --allow-host is usually a reverse proxy's (TLS on 443, as a Power Platform connector
        // needs): its clients send the name without a port.
        for (String name : extraHosts) {
            hosts.add(name);
            origins.add("https://" + name);
        }
        LOG.info("serving MCP over Streamable HTTP at http://{}:{}{}{}", bind.host(), port, ENDPOINT,
                token != null ? " (bearer token required)" : " WITHOUT authentication (--no-auth)");
        return new HttpServer(jetty, transport);
    }

    int port() {
        return ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
    }

    void join() throws InterruptedException {
        jetty.join();
    }

    @Override
    public void close() throws Exception {
        transport.closeGracefully().block(Duration.ofSeconds(5));
        jetty.stop();
    }
}
