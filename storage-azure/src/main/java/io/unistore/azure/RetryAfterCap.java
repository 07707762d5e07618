package io.unistore.azure;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelineNextSyncPolicy;
import com.azure.core.http.HttpPipelinePosition;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.util.DateTimeRfc1123;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Bounds the wait a service may ask for: azure-core's retry policy sleeps for whatever {@code Retry-After} (or
 * {@code retry-after-ms}, {@code x-ms-retry-after-ms}) says, without limit, so one answer of {@code Retry-After:
 * 3600} would hold a call for an hour per try. This policy runs on each try before the retry policy sees the
 * answer and replaces a longer wait by {@code maxRetryDelayMs}; shorter waits are kept as the service asked.
 */
final class RetryAfterCap implements HttpPipelinePolicy {
    private static final HttpHeaderName RETRY_AFTER_MS = HttpHeaderName.fromString("retry-after-ms");
    private static final HttpHeaderName X_MS_RETRY_AFTER_MS = HttpHeaderName.fromString("x-ms-retry-after-ms");

    private final Duration cap;

    RetryAfterCap(Duration cap) {
        this.cap = cap;
    }

    @Override
    public HttpPipelinePosition getPipelinePosition() {
        return HttpPipelinePosition.PER_RETRY;
    }

    @Override
    public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
        return next.process().map(this::capped);
    }

    @Override
    public HttpResponse processSync(HttpPipelineCallContext context, HttpPipelineNextSyncPolicy next) {
        return capped(next.processSync());
    }

    private HttpResponse capped(HttpResponse response) {
        Duration asked = asked(response.getHeaders());
        if (asked == null || asked.compareTo(cap) <= 0) {
            return response;
        }
        HttpHeaders headers = new HttpHeaders(response.getHeaders());
        headers.remove(HttpHeaderName.RETRY_AFTER);
        headers.remove(X_MS_RETRY_AFTER_MS);
        headers.set(RETRY_AFTER_MS, Long.toString(cap.toMillis()));
        return new Buffered(response, headers);
    }

    /** The wait an answer asks for, read as azure-core reads it, or null. */
    static Duration asked(HttpHeaders headers) {
        for (HttpHeaderName name : new HttpHeaderName[] {RETRY_AFTER_MS, X_MS_RETRY_AFTER_MS}) {
            String v = headers.getValue(name);
            if (v != null) {
                try {
                    return Duration.ofMillis(Long.parseLong(v.trim()));
                } catch (NumberFormatException e) {
                    // not a number: azure-core ignores it too
                }
            }
        }
        String v = headers.getValue(HttpHeaderName.RETRY_AFTER);
        if (v == null) {
            return null;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(v.trim()));
        } catch (NumberFormatException e) {
            try {
                return Duration.between(OffsetDateTime.now(), new DateTimeRfc1123(v.trim()).getDateTime());
            } catch (RuntimeException notADate) {
                return null;
            }
        }
    }

    /** The answer with other headers; its body (an error document, small) read at once. */
    private static final class Buffered extends HttpResponse {
        private final HttpResponse original;
        private final HttpHeaders headers;
        private final byte[] body;

        Buffered(HttpResponse original, HttpHeaders headers) {
            super(original.getRequest());
            this.original = original;
            this.headers = headers;
            byte[] b = original.getBodyAsBinaryData().toBytes();
            this.body = b == null ? new byte[0] : b;
            original.close();
        }

        @Override
        public int getStatusCode() {
            return original.getStatusCode();
        }

        @Override
        @Deprecated
        public String getHeaderValue(String name) {
            return headers.getValue(HttpHeaderName.fromString(name));
        }

        @Override
        public String getHeaderValue(HttpHeaderName name) {
            return headers.getValue(name);
        }

        @Override
        public HttpHeaders getHeaders() {
            return headers;
        }

        @Override
        public Flux<ByteBuffer> getBody() {
            return Flux.defer(() -> Flux.just(ByteBuffer.wrap(body)));
        }

        @Override
        public Mono<byte[]> getBodyAsByteArray() {
            return Mono.just(body);
        }

        @Override
        public Mono<String> getBodyAsString() {
            return getBodyAsString(StandardCharsets.UTF_8);
        }

        @Override
        public Mono<String> getBodyAsString(Charset charset) {
            return Mono.just(new String(body, charset));
        }
    }
}
