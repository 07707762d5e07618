package io.unistore.mcp;

import io.modelcontextprotocol.server.transport.ServerTransportSecurityException;
import io.modelcontextprotocol.server.transport.ServerTransportSecurityValidator;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads each POSTed message before the SDK's servlet does, so that a body over --max-message-bytes gets 413 and
 * one the server cannot parse gets 400, each with a JSON-RPC error body ({@link InboundMessage}), where the
 * SDK's servlet answers a parse failure with a serialized Java exception, stack trace included. Host and Origin
 * are checked first (DNS rebinding), as the servlet would. Nothing here touches the session, which goes on.
 */
final class HttpMessageFilter implements Filter {
    private static final Logger LOG = LoggerFactory.getLogger(HttpMessageFilter.class);

    private final ServerTransportSecurityValidator hosts;
    private final InboundMessage inbound;

    HttpMessageFilter(ServerTransportSecurityValidator hosts, InboundMessage inbound) {
        this.hosts = hosts;
        this.inbound = inbound;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        if (!"POST".equals(request.getMethod())) {
            chain.doFilter(req, res);
            return;
        }
        try {
            hosts.validateHeaders(headers(request));
        } catch (ServerTransportSecurityException e) {
            response.sendError(e.getStatusCode(), e.getMessage());
            return;
        }
        int max = inbound.maxBytes();
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(max + 1);
        }
        InboundMessage.Result result = body.length > max ? inbound.tooLarge(body, max)
                : inbound.read(body, body.length);
        if (result instanceof InboundMessage.Refused refused) {
            LOG.warn("refused an HTTP message (id {}): [{}] {}", refused.id(), refused.code(), refused.message());
            response.setStatus(body.length > max ? HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE
                    : HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(refused.toJson());
            return;
        }
        chain.doFilter(new Replayed(request, body), res);
    }

    private static Map<String, List<String>> headers(HttpServletRequest request) {
        Map<String, List<String>> headers = new HashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name, Collections.list(request.getHeaders(name)));
        }
        return headers;
    }

    /** The request with its body, already read, served again to the servlet. */
    private static final class Replayed extends HttpServletRequestWrapper {
        private final byte[] body;

        Replayed(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body was read already; read it blocking");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(), encoding == null
                    ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding)));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
