package io.unistore.mcp;

import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.function.Consumer;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * The SDK's stdio client transport, sending one message at a time. Its outbound sink takes one emitter at a
 * time: two test threads calling tools at once made it fail a send ("Failed to enqueue message"), a failure of
 * the test's client, not of the server under test.
 */
final class SerializedClientTransport implements McpClientTransport {
    private final McpClientTransport delegate;
    private final Object lock = new Object();

    SerializedClientTransport(McpClientTransport delegate) {
        this.delegate = delegate;
    }

    @Override
    public Mono<Void> connect(Function<Mono<McpSchema.JSONRPCMessage>, Mono<McpSchema.JSONRPCMessage>> handler) {
        return delegate.connect(handler);
    }

    @Override
    public void setExceptionHandler(Consumer<Throwable> handler) {
        delegate.setExceptionHandler(handler);
    }

    @Override
    public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
        // The SDK emits while sendMessage runs: calling it under the lock emits under it.
        return Mono.create(sink -> {
            synchronized (lock) {
                delegate.sendMessage(message).subscribe(ignored -> { }, sink::error, sink::success);
            }
        });
    }

    @Override
    public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
        return delegate.unmarshalFrom(data, typeRef);
    }

    @Override
    public Mono<Void> closeGracefully() {
        return delegate.closeGracefully();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
