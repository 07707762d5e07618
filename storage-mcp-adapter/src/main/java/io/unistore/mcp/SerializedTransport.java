package io.unistore.mcp;

import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerTransport;
import reactor.core.publisher.Mono;

/**
 * Sends one message at a time over the SDK's stdio transport. Its outbound sink accepts one emitter at a time
 * and only busy-loops 100 ms when two threads emit together (a tool result and a progress notification, or two
 * concurrent calls); under heavy load that ran out and the message was lost with an EmissionException. Emitting
 * under one lock makes the race impossible instead of unlikely.
 */
final class SerializedTransport implements McpServerTransport {
    private final McpServerTransport delegate;
    private final Object lock = new Object();

    SerializedTransport(McpServerTransport delegate) {
        this.delegate = delegate;
    }

    @Override
    public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
        // Once the transport is ready the SDK emits synchronously on subscribe, so subscribing inside the lock
        // emits inside it.
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
