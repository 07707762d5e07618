package io.unistore.azure;

import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelineNextSyncPolicy;
import com.azure.core.http.HttpPipelinePosition;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.util.Context;
import java.util.concurrent.atomic.AtomicBoolean;
import reactor.core.publisher.Mono;

/**
 * What the SDK's retries did to one call: whether a try ended without a complete answer (a connection cut, a
 * timeout) or with a server error that may come after the work was done. After such a try the service may have
 * applied the call, so a later try's "already exists" or "not found" can be the echo of this very call: the stores
 * use {@link #ambiguous()} to tell that case from a real conflict. Calls that need it pass {@link #context()} to
 * the SDK; {@link #POLICY} (run on every try) records what happened.
 */
final class Tries {
    private static final String KEY = "unistore-tries";

    /** Runs once per try, after the retry policy: sees each try's outcome. */
    static final HttpPipelinePolicy POLICY = new HttpPipelinePolicy() {
        @Override
        public HttpPipelinePosition getPipelinePosition() {
            return HttpPipelinePosition.PER_RETRY;
        }

        @Override
        public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
            Tries tries = of(context);
            if (tries == null) {
                return next.process();
            }
            return next.process().doOnNext(r -> tries.answered(r.getStatusCode())).doOnError(e -> tries.lost());
        }

        @Override
        public HttpResponse processSync(HttpPipelineCallContext context, HttpPipelineNextSyncPolicy next) {
            Tries tries = of(context);
            if (tries == null) {
                return next.processSync();
            }
            try {
                HttpResponse r = next.processSync();
                tries.answered(r.getStatusCode());
                return r;
            } catch (RuntimeException | Error e) {
                tries.lost();
                throw e;
            }
        }
    };

    private final AtomicBoolean ambiguous = new AtomicBoolean();

    /** The SDK context of a call whose tries are recorded here. */
    Context context() {
        return new Context(KEY, this);
    }

    /** Whether a try of the call may have been applied without this client hearing of it. */
    boolean ambiguous() {
        return ambiguous.get();
    }

    private void answered(int status) {
        // 500, 502 and 504 can come after the service did the work; 429 and 503 mean it did not start.
        if (status == 500 || status == 502 || status == 504) {
            ambiguous.set(true);
        }
    }

    private void lost() {
        ambiguous.set(true);
    }

    private static Tries of(HttpPipelineCallContext context) {
        return (Tries) context.getData(KEY).filter(Tries.class::isInstance).orElse(null);
    }
}
